import type { Element } from 'domhandler';
import { ParseError } from '../../errors.js';
import type { ImageDraft, Parser, StoryDraft } from '../types.js';
import { attr, child, childElements, descendants, localName, namespaceOf, text } from '../xml.js';
import { datelinePlace } from './dateline.js';
import { editorialStatus, editorNote, titleSignals } from './editorial.js';
import { embeddedBody, withoutRepeatedLead } from './markup.js';
import { bestImage, isPictureType, rendition } from './media.js';
import { subjectFromQcode, uniqueSubjects } from './qcodes.js';
import { first, selectAll, values, type Path } from './select.js';

/** Where each NewsML-G2 field lives, from a `newsItem`, in order of preference. */
const FIELDS = {
  wireId: ['@guid'],
  wireRevision: ['@version'],
  itemClass: ['itemMeta/itemClass@qcode'],
  language: ['contentMeta/language@tag', '@xml:lang'],
  title: ['itemMeta/title'],
  slugline: ['contentMeta/slugline'],
  dateline: ['contentMeta/dateline'],
  creditline: ['contentMeta/creditline'],
  updatedAt: ['itemMeta/versionCreated', 'contentMeta/contentModified'],
  firstCreatedAt: ['itemMeta/firstCreated', 'contentMeta/contentCreated'],
  embargoedUntil: ['itemMeta/embargoed'],
  pubStatus: ['itemMeta/pubStatus@qcode'],
  urgency: ['contentMeta/urgency'],
  // Lists: every value of every path.
  signals: ['itemMeta/signal@qcode'],
  bylines: ['contentMeta/by'],
  tags: ['contentMeta/keyword'],
} as const satisfies Record<string, readonly Path[]>;

type Field = keyof typeof FIELDS;
const field = (item: Element, name: Field) => first(item, ...FIELDS[name]);
const all = (item: Element, name: Field) => FIELDS[name].flatMap((path) => values(item, path));

/** `ninat:text`, `icls:picture` → `text`, `picture`. */
function itemClass(item: Element): string | undefined {
  return field(item, 'itemClass')?.split(':').pop()?.toLowerCase();
}

/** A role qcode's local part, lower-cased: `cRole:origProv` → `origprov`. */
function role(el: Element): string {
  return (attr(el, 'role') ?? '').split(':').pop()!.toLowerCase();
}

/**
 * Of several language variants (dpa sends `copyrightNotice` in German and English), the one in
 * the item's language, else the first with text.
 */
function localized(elements: Element[], language: string | undefined): string | undefined {
  const primary = language?.split(/[-_]/)[0]?.toLowerCase();
  const matching = elements.find((el) => primary && attr(el, 'xml:lang')?.toLowerCase().split(/[-_]/)[0] === primary && text(el));
  return text(matching) ?? elements.map((el) => text(el)).find(Boolean);
}

/** The element's own `name` child (not a `broader` concept's). */
const ownName = (el: Element) => text(child(el, 'name'));

/** `headline` without a role, or the main one, is the headline; a sub-headline role is the dek. */
function headlines(item: Element): { main?: string; sub?: string } {
  const all = selectAll(item, 'contentMeta/headline');
  const sub = all.find((h) => role(h).includes('sub'));
  const main = all.find((h) => h !== sub && text(h));
  return { main: text(main), sub: text(sub) };
}

/**
 * `by` lines; failing those, named creators that are people: not the source organization, and
 * not an account whose name is just its own code (dpa's `dpa-ad:degenhardt.sandra`).
 */
function bylines(item: Element): string[] {
  const by = all(item, 'bylines');
  if (by.length > 0) return by;
  return selectAll(item, 'contentMeta/creator')
    .filter((c) => !['source', 'origprov', 'provider'].includes(role(c)))
    .map((c) => [ownName(c), attr(c, 'qcode')?.split(':').pop()] as const)
    .filter((pair): pair is readonly [string, string | undefined] => pair[0] !== undefined && pair[0] !== pair[1])
    .map(([name]) => name);
}

/** Credits the item states: `infoSource`s that originated or supplied it, and the `creditline`. */
function credits(item: Element): string[] {
  const sources = selectAll(item, 'contentMeta/infoSource')
    .filter((s) => ['', 'origprov', 'source'].includes(role(s)))
    .map((s) => ownName(s) ?? attr(s, 'literal')?.trim())
    .filter((n): n is string => !!n);
  // "STT–": a creditline is a name; a trailing separator is not part of it.
  const creditlines = all(item, 'creditline').map((c) => c.replace(/[\s\-–—:;,.]+$/u, '')).filter(Boolean);
  return [...sources, ...creditlines];
}

/** Editor's notes meant for the receiving editor: private and non-public notes stay with the sender, structured notepads repeat the plain ones. */
function ednote(item: Element): string | null {
  const notes = selectAll(item, 'itemMeta/edNote').filter(
    (n) => childElements(n).length === 0 && !/private|nonpublic/i.test(`${attr(n, 'role') ?? ''} ${attr(n, 'pubconstraint') ?? ''}`),
  );
  return editorNote(notes.map((n) => text(n)));
}

function subjects(item: Element): StoryDraft['subjects'] {
  return uniqueSubjects(
    selectAll(item, 'contentMeta/subject').map((s) => {
      const qcode = attr(s, 'qcode');
      return qcode ? subjectFromQcode(qcode, ownName(s)) : subjectFromQcode(undefined, ownName(s) ?? attr(s, 'literal'));
    }),
  );
}

function altIds(item: Element): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const altId of selectAll(item, 'contentMeta/altId')) {
    const value = text(altId);
    const type = attr(altId, 'type')?.trim() || 'altId';
    if (value && !(type in ids)) ids[type] = value;
  }
  return ids;
}

/** The file to show for a picture item: its widest image `remoteContent`. */
function picture(item: Element, caption: string | undefined, credit: string | undefined): ImageDraft | null {
  const renditions = selectAll(item, 'contentSet/remoteContent').flatMap(
    (rc) => rendition(attr(rc, 'href'), attr(rc, 'width'), attr(rc, 'height'), attr(rc, 'contenttype')) ?? [],
  );
  const best = bestImage(renditions);
  return best ? { url: best.href, caption: caption ?? null, credit: credit ?? null, width: best.width ?? null, height: best.height ?? null } : null;
}

function description(item: Element, wanted: 'summary' | 'caption'): string | undefined {
  const descriptions = selectAll(item, 'contentMeta/description');
  return text(descriptions.find((d) => role(d).includes(wanted)));
}

function draft(item: Element): StoryDraft {
  const kind = itemClass(item);
  const language = field(item, 'language');
  const title = field(item, 'title');
  const { main, sub } = headlines(item);
  const fromTitle = title ? titleSignals(title) : undefined;
  const status = editorialStatus([
    field(item, 'pubStatus'),
    ...all(item, 'signals'),
    ...(fromTitle?.signals ?? []),
    ...(main ? titleSignals(main).signals : []),
  ]);

  const content = selectAll(item, 'contentSet/inlineXML')[0] ?? selectAll(item, 'contentSet/inlineData')[0];
  const body = content ? embeddedBody(content, attr(content, 'contenttype')) : { images: [] };
  const itemCredits = credits(item);
  const caption = description(item, 'caption');
  const summary = description(item, 'summary');
  const image = isPictureType(kind) ? picture(item, caption, field(item, 'creditline')) : null;
  // Without a body, a picture's caption or the summary is what there is to read.
  const teaser = body.html || body.text ? undefined : image ? caption : summary;
  const urgency = Number.parseInt(field(item, 'urgency') ?? '', 10);
  const wireId = field(item, 'wireId');
  const by = bylines(item);

  return {
    wireId: wireId ?? null,
    wireRevision: field(item, 'wireRevision') ?? null,
    altIds: altIds(item),
    language: language ?? null,
    // Reuters' "UPDATE 2-" prefix belongs to the title's revision signal, not to a headline made from it.
    headline: main ?? fromTitle?.rest ?? null,
    subheadline: sub ?? null,
    slugline: field(item, 'slugline') ?? null,
    bylines: by,
    dateline: datelinePlace(field(item, 'dateline')) ?? null,
    tags: all(item, 'tags'),
    subjects: subjects(item),
    updatedAt: field(item, 'updatedAt') ?? null,
    firstCreatedAt: field(item, 'firstCreatedAt') ?? null,
    embargoedUntil: field(item, 'embargoedUntil') ?? null,
    pubStatus: status.pubStatus,
    revisionKind: status.revisionKind,
    urgency: Number.isInteger(urgency) ? urgency : null,
    ednote: ednote(item),
    bodyHtml: body.html ? withoutRepeatedLead(body.html, [main ?? fromTitle?.rest, ...by]) : null,
    bodyText: body.text ?? teaser ?? null,
    images: image ? [image, ...body.images] : body.images,
    credits: itemCredits,
    copyrightNotice: localized(selectAll(item, 'rightsInfo/copyrightNotice'), language) ?? null,
    usageTerms: localized(selectAll(item, 'rightsInfo/usageTerms'), language) ?? null,
    representation: teaser && !image ? 'partial' : 'full',
  };
}

/** Stories are text items; a message without text yields its pictures, and failing those whatever items it has. */
function storyItems(items: Element[]): Element[] {
  const texts = items.filter((item) => (itemClass(item) ?? 'text') === 'text');
  const pictures = items.filter((item) => isPictureType(itemClass(item)));
  return texts.length > 0 ? texts : pictures.length > 0 ? pictures : items;
}

const NAR_NAMESPACE = 'http://iptc.org/std/nar/';
const ITEM_ROOTS = new Set(['newsmessage', 'newsitem', 'packageitem', 'conceptitem', 'knowledgeitem', 'planningitem', 'catalogitem']);

/** NewsML-G2: a `newsItem`, or a `newsMessage` carrying several, each text item one story. */
export const newsmlG2Parser: Parser<'xml'> = {
  format: 'newsml-g2',
  kind: 'xml',
  detect: (doc) => {
    const name = localName(doc.root);
    if (name === 'newsmessage' || name === 'newsitem') return true;
    return ITEM_ROOTS.has(name) && (namespaceOf(doc.root) ?? '').startsWith(NAR_NAMESPACE);
  },
  parse: (doc) => {
    const items = localName(doc.root) === 'newsitem' ? [doc.root] : descendants(doc.root, 'newsItem');
    if (items.length === 0) {
      throw new ParseError('WD_ERR_NO_STORY', `the NewsML-G2 <${doc.root.name}> holds no newsItem`);
    }
    return storyItems(items).map(draft);
  },
};
