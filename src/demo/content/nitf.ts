import { DateTime } from 'luxon';
import { esc, lastChange, type Story } from './model.js';

export interface NitfTake {
  story: Story;
  /** Stable across takes: the wire's `doc-id`. */
  docId: string;
  slugline: string;
  urgency: number;
  provider: { credit: string; name: string };
  photoUrl?: string;
}

/** NITF 3.6 the way AP sends a story: editorial status in `docdata`, the lead dateline in the first paragraph. */
export function renderNitf({ story, docId, slugline, urgency, provider, photoUrl }: NitfTake): string {
  const issued = DateTime.fromISO(lastChange(story), { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  // "ATHENS, Greece" is also given structured, as AP does.
  const [city = '', country = ''] = (story.dateline ?? '').split(', ');
  const edMsg = story.ednote || story.status ? `<ed-msg${story.status ? ` msg-type="${story.status}"` : ''} info="${esc(story.ednote ?? '')}"/>` : '';
  const [lead = '', ...rest] = story.paragraphs;
  const media =
    story.photo && photoUrl
      ? `<media media-type="image"><media-reference source="${esc(photoUrl)}" mime-type="image/jpeg" width="${story.photo.width}" height="${story.photo.height}"/><media-caption>${esc(story.photo.caption)}</media-caption><media-producer>${esc(story.photo.credit)}</media-producer></media>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<nitf version="-//IPTC//DTD NITF 3.6//EN" baselang="en-US">
<head>
<title>${esc(story.headline)}</title>
<docdata management-status="${story.status === 'kill' ? 'canceled' : 'usable'}">
<doc-id regsrc="${esc(provider.credit)}" id-string="${esc(docId)}"/>
<urgency ed-urg="${urgency}"/>
<date.issue norm="${issued}"/>
<du-key key="${esc(slugline)}" version="${story.version ?? 1}"/>
${edMsg}
<doc.copyright holder="${esc(provider.name)}" year="${story.publishedAt.slice(0, 4)}"/>
<key-list>${story.tags.map((t) => `<keyword key="${esc(t)}"/>`).join('')}</key-list>
</docdata>
<pubdata type="web" position.section="${esc(story.section)}"/>
</head>
<body>
<body.head>
<hedline><hl1>${esc(story.headline)}</hl1></hedline>
${story.bylines.map((name) => `<byline>By ${esc(name.toUpperCase())}<byttl>${esc(provider.name)}</byttl></byline>`).join('\n')}
<distributor>${esc(provider.name)}</distributor>
<dateline><location><city>${esc(city)}</city><country>${esc(country)}</country></location></dateline>
</body.head>
<body.content>
<block id="Main">
<p>${esc(`${story.dateline} (${provider.credit}) — ${lead}`)}</p>
${rest.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</block>
${media}
</body.content>
</body>
</nitf>
`;
}
