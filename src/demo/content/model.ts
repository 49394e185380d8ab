import { createHash } from 'node:crypto';
import { escapeUTF8 } from 'entities';
import { DateTime } from 'luxon';
import type { Format } from '../../schema/story.js';

export interface Photo {
  /** File name under the site's photo path. */
  file: string;
  caption: string;
  /** As the wire writes it inside the parentheses: "AP Photo/Noel Brandt". */
  credit: string;
  width: number;
  height: number;
  /** Newser's headline over the photo. */
  title?: string;
}

/** What kind of revision this is, as wire formats say it (NITF `ed-msg`, ninjs `pubstatus`); feeds and pages cannot. */
export type EditorialStatus = 'writethru' | 'correction' | 'kill';

/** One story as a newsroom wrote it: every renderer reads this one shape. */
export interface Story {
  /** Stable across revisions: the slug that URLs and wire ids derive from. */
  key: string;
  headline: string;
  /** The one- or two-sentence description a feed carries. */
  teaser: string;
  /** Newser's deck under the headline. */
  dek?: string;
  bylines: readonly string[];
  /** The place the renderer writes in the lead ("VILNIUS, Lithuania"); absent for rewrites. */
  dateline?: string;
  section: string;
  tags: readonly string[];
  /** The body; the renderer adds the lead's dateline and credit in its site's style. */
  paragraphs: readonly string[];
  /** Newser's bullet points after the intro paragraph. */
  bullets?: readonly string[];
  photo?: Photo;
  publishedAt: string;
  /** Set by revisions: when the latest one moved. */
  updatedAt?: string;
  status?: EditorialStatus;
  /** The editors' note that travels with the story ("Eds: CORRECTS …"). */
  ednote?: string;
  /** Set by the timeline: 1 when the story first moves, one more per revision. */
  version?: number;
}

/** What a later tick changes in a story: the fields it rewrites, and when it moved. */
export type Revision = Partial<Omit<Story, 'key' | 'publishedAt' | 'version'>> & { updatedAt: string };

/** One response body the emulator serves at a path. */
export interface Document {
  path: string;
  contentType: string;
  body: string;
  /** The newest story time in the document: its Last-Modified. */
  modifiedAt: string;
}

/** A wire or site the emulator impersonates: where its feed lives and how its documents look. */
export interface Site {
  /** Short id; the demo's source is `demo-<id>`. */
  id: string;
  name: string;
  /** The feed (or single-item wire file) the pipeline polls. */
  feedPath: string;
  format: Format;
  /** The feed carries teasers only; the story is on the article page. */
  partial: boolean;
  /** Zone of the times the site prints without an offset. */
  timeZone: string;
  documents(stories: readonly Story[], origin: string): Document[];
}

/** Content-Type per format, charset always stated. */
export const TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  html: 'text/html; charset=utf-8',
  nitf: 'application/xml; charset=utf-8',
  ninjs: 'application/json; charset=utf-8',
} as const;

/** An article page, served at its URL's path. */
export function pageDocument(url: string, body: string, story: Story): Document {
  return { path: new URL(url).pathname, contentType: TYPES.html, body, modifiedAt: lastChange(story) };
}

/** Escapes text for XML and HTML, in element content and in quoted attributes. */
export const esc = escapeUTF8;

export function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** A stable hex id for a story key, the way wires mint 32-hex item ids. */
export function hexId(key: string, length = 32): string {
  return createHash('sha256').update(key).digest('hex').slice(0, length);
}

export function lastChange(story: Story): string {
  return story.updatedAt ?? story.publishedAt;
}

/** The newest change among stories (ISO strings in UTC sort as times). */
export function newest(stories: readonly Story[]): string {
  return stories.map(lastChange).reduce((a, b) => (a > b ? a : b));
}

/** Newest first, as feeds list them. */
export function byRecency(stories: readonly Story[]): Story[] {
  return [...stories].sort((a, b) => (lastChange(a) < lastChange(b) ? 1 : -1));
}

/** An instant in a zone, formatted with a luxon pattern ("h:mm a ZZZZ" → "9:40 AM EDT"). */
export function zoned(iso: string, zone: string, pattern: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat(pattern, { locale: 'en-US' });
}

export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function paragraphsHtml(paragraphs: readonly string[], attributes = ''): string {
  return paragraphs.map((p) => `<p${attributes}>${esc(p)}</p>`).join('\n');
}
