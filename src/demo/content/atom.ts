import { esc } from './model.js';

export interface AtomFeed {
  id: string;
  title: string;
  selfUrl: string;
  link: string;
  rights: string;
  updated: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  published: string;
  updated: string;
  authors: readonly string[];
  categories: readonly string[];
  summary: string;
  /** Full content: escaped HTML, or inline XHTML in a `div` (both are common on wire feeds). */
  content: { type: 'html' | 'xhtml'; markup: string };
}

/** Atom 1.0 (RFC 4287) with full content per entry. */
export function renderAtom(feed: AtomFeed, entries: readonly AtomEntry[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${esc(feed.id)}</id>
<title>${esc(feed.title)}</title>
<link rel="self" type="application/atom+xml" href="${esc(feed.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${esc(feed.link)}"/>
<rights>${esc(feed.rights)}</rights>
<updated>${feed.updated}</updated>
${entries.map(renderEntry).join('\n')}
</feed>
`;
}

function renderEntry(entry: AtomEntry): string {
  const content =
    entry.content.type === 'xhtml'
      ? `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${entry.content.markup}</div></content>`
      : `<content type="html">${esc(entry.content.markup)}</content>`;
  return `<entry>
<id>${esc(entry.id)}</id>
<title type="text">${esc(entry.title)}</title>
<link rel="alternate" type="text/html" href="${esc(entry.link)}"/>
<published>${entry.published}</published>
<updated>${entry.updated}</updated>
${entry.authors.map((name) => `<author><name>${esc(name)}</name></author>`).join('\n')}
${entry.categories.map((term) => `<category term="${esc(term)}"/>`).join('\n')}
<summary type="text">${esc(entry.summary)}</summary>
${content}
</entry>`;
}
