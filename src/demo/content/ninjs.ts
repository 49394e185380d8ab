import { lastChange, paragraphsHtml, type Story } from './model.js';

export interface NinjsItem {
  story: Story;
  uri: string;
  urgency: number;
  /** An IPTC Media Topic. */
  subject: { uri: string; name: string };
  provider: { credit: string; name: string };
}

/** IPTC ninjs 2.1: a kill is the same `uri` with `pubstatus: canceled` and the editors' notice as its body. */
export function renderNinjs({ story, uri, urgency, subject, provider }: NinjsItem): string {
  const [lead = '', ...rest] = story.paragraphs;
  const killed = story.status === 'kill';
  const body = killed ? story.paragraphs : [`${story.dateline} (${provider.credit}) — ${lead}`, ...rest];
  const item = {
    $schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json',
    uri,
    type: 'text',
    version: String(story.version ?? 1),
    firstcreated: story.publishedAt,
    versioncreated: lastChange(story),
    pubstatus: killed ? 'canceled' : 'usable',
    urgency,
    language: 'en',
    headlines: [{ role: 'main', value: story.headline }],
    descriptions: [{ role: 'summary', value: story.teaser }],
    bodies: [{ role: 'main', contenttype: 'text/html', value: paragraphsHtml(body) }],
    by: `By ${story.bylines.join(' and ')}`,
    located: story.dateline,
    keywords: story.tags,
    subjects: [subject],
    ednote: story.ednote,
    infosources: [{ name: provider.name }],
    copyrightnotice: `Copyright ${story.publishedAt.slice(0, 4)} ${provider.name}`,
  };
  return `${JSON.stringify(item, null, 2)}\n`;
}
