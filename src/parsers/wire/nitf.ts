import { isTag, type Element } from 'domhandler';
import type { Byline } from '../../schema/story.js';
import { collapseWhitespace, normalizeWhitespace } from '../cleaners/text.js';
import type { Parser, StoryDraft } from '../types.js';
import { attr, child, childElements, localName, rawText, text } from '../xml.js';
import { titledBylines } from './bylines.js';
import { datelinePlace } from './dateline.js';
import { editorialStatus, editorNote } from './editorial.js';
import { nitfBody, takeNitfMedia, withoutRepeatedLead } from './markup.js';
import { IPTC_SUBJECT_SCHEME, subjectFromCode, uniqueSubjects } from './qcodes.js';
import { first, select, selectAll, values, type Path } from './select.js';

/** Where each NITF 3.x field lives, in order of preference, from the `nitf` root. */
const FIELDS = {
  wireId: ['head/docdata/doc-id@id-string'],
  cancels: ['head/docdata@management-doc-idref'],
  headline: ['body/body.head/hedline/hl1', 'head/title'],
  subheadline: ['body/body.head/hedline/hl2'],
  slugline: ['head/docdata/du-key@key'],
  issuedAt: ['head/docdata/date.issue@norm', 'head/pubdata@date.publication'],
  releasedAt: ['head/docdata/date.release@norm'],
  // Some senders put `urgency` straight under `head` instead of `docdata`.
  urgency: ['head/docdata/urgency@ed-urg', 'head//urgency@ed-urg'],
  status: ['head/docdata@management-status'],
  messageType: ['head/docdata/ed-msg@msg-type'],
  ednote: ['head/docdata/ed-msg@info'],
  copyrightHolder: ['head/docdata/doc.copyright@holder', 'body/body.head/rights/rights.owner'],
  copyrightYear: ['head/docdata/doc.copyright@year'],
  usageTerms: ['head/docdata/doc.rights@limitations'],
  language: ['@baselang', '@xml:lang', 'body/body.content@xml:lang'],
  // Lists: every value of every path.
  tags: ['head/docdata/key-list/keyword@key', 'head/docdata/key-list/keyword'],
  credits: ['body/body.head/distributor', 'head/docdata/doc-id@regsrc'],
} as const satisfies Record<string, readonly Path[]>;

type Field = keyof typeof FIELDS;
const field = (root: Element, name: Field) => first(root, ...FIELDS[name]);
const all = (root: Element, name: Field) => FIELDS[name].flatMap((path) => values(root, path));

const LOCATION_PARTS = new Set(['sublocation', 'city', 'state', 'region', 'country']);

/**
 * The dateline's place: a structured `location` as "City, State, Country", otherwise the
 * dateline's own text without its `story.date` (a date is no place).
 */
function dateline(el: Element | undefined): string | undefined {
  if (!el) return undefined;
  const location = child(el, 'location');
  const parts = childElements(location).filter((c) => LOCATION_PARTS.has(localName(c))).map((c) => text(c)).filter(Boolean);
  if (parts.length > 0) return parts.join(', ');
  const own = el.children.filter((node) => !(isTag(node) && localName(node) === 'story.date')).map(rawText).join('');
  return datelinePlace(normalizeWhitespace(own));
}

/** Where the event happened (`evloc`), for wires that state the place there and not in a dateline: "Tegucigalpa". */
function eventLocation(el: Element | undefined): string | undefined {
  const parts = ['city', 'state-prov'].map((name) => (el ? attr(el, name)?.trim() : undefined)).filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Each `byline`, its `byttl` (title line) apart from the name. */
function bylines(root: Element): Array<Byline | string> {
  return selectAll(root, 'body/body.head/byline').flatMap((byline) => {
    const title = text(child(byline, 'byttl'));
    const name = byline.children.filter((node) => !(isTag(node) && localName(node) === 'byttl')).map(rawText).join('');
    return titledBylines(collapseWhitespace(name), title);
  });
}

/** `tobject.subject`: IPTC Subject NewsCodes unless another `ipr` (owner) is named; the most specific label is the name. */
function subjects(root: Element): StoryDraft['subjects'] {
  return uniqueSubjects(
    selectAll(root, 'head/tobject/tobject.subject').map((s) => {
      const ipr = attr(s, 'tobject.subject.ipr')?.trim();
      const scheme = !ipr || /^iptc$/i.test(ipr) ? IPTC_SUBJECT_SCHEME : ipr;
      const name = attr(s, 'tobject.subject.detail') || attr(s, 'tobject.subject.matter') || attr(s, 'tobject.subject.type');
      return subjectFromCode(attr(s, 'tobject.subject.refnum'), name, scheme);
    }),
  );
}

function copyrightNotice(root: Element): string | undefined {
  const holder = field(root, 'copyrightHolder');
  if (!holder) return undefined;
  const year = field(root, 'copyrightYear');
  return year ? `Copyright ${year} ${holder}` : `Copyright ${holder}`;
}

function draft(root: Element): StoryDraft {
  const body = select(root, 'body');
  const head = select(body, 'body.head');
  const headImages = head ? takeNitfMedia(head) : [];
  const content = select(body, 'body.content');
  const { html, images = [] } = content ? nitfBody(content) : {};

  const status = editorialStatus([field(root, 'status'), field(root, 'messageType')]);
  const wireId = field(root, 'wireId');
  const cancels = field(root, 'cancels');
  const urgency = Number.parseInt(field(root, 'urgency') ?? '', 10);
  const headline = field(root, 'headline');
  const by = bylines(root);

  return {
    wireId: wireId ?? null,
    altIds: { ...(wireId ? { 'doc-id': wireId } : {}), ...(cancels ? { 'management-doc-idref': cancels } : {}) },
    language: field(root, 'language') ?? null,
    headline: headline ?? null,
    subheadline: field(root, 'subheadline') ?? null,
    slugline: field(root, 'slugline') ?? null,
    bylines: by,
    dateline: dateline(select(root, 'body/body.head/dateline')) ?? eventLocation(select(root, 'head/docdata/evloc')) ?? null,
    tags: all(root, 'tags'),
    subjects: subjects(root),
    publishedAt: field(root, 'issuedAt') ?? null,
    embargoedUntil: status.embargoed ? (field(root, 'releasedAt') ?? null) : null,
    pubStatus: status.pubStatus,
    revisionKind: status.revisionKind,
    urgency: Number.isInteger(urgency) ? urgency : null,
    ednote: editorNote([field(root, 'ednote')]),
    // AP repeats the headline as the body's first `hl2`.
    bodyHtml: html ? withoutRepeatedLead(html, [headline, ...by.map((b) => (typeof b === 'string' ? b : b.name))]) : null,
    images: [...headImages, ...images],
    credits: all(root, 'credits'),
    copyrightNotice: copyrightNotice(root) ?? null,
    usageTerms: field(root, 'usageTerms') ?? null,
  };
}

/** NITF 3.x: one story per document. */
export const nitfParser: Parser<'xml'> = {
  format: 'nitf',
  kind: 'xml',
  detect: (doc) => localName(doc.root) === 'nitf',
  parse: (doc) => [draft(doc.root)],
};
