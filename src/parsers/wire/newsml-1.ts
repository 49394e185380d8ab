import type { Element } from 'domhandler';
import { ParseError } from '../../errors.js';
import type { ImageDraft, Parser, StoryDraft } from '../types.js';
import { attr, child, children, localName, text } from '../xml.js';
import { titledBylines } from './bylines.js';
import { datelinePlace } from './dateline.js';
import { editorialStatus, editorNote } from './editorial.js';
import { embeddedBody, withoutRepeatedLead } from './markup.js';
import { bestImage, isPictureType, rendition } from './media.js';
import { IPTC_SUBJECT_SCHEME, subjectFromCode, uniqueSubjects } from './qcodes.js';
import { first, selectAll, values, type Path } from './select.js';

/** Item-level fields, from a `NewsItem`. */
const ITEM_FIELDS = {
  publicIdentifier: ['Identification/NewsIdentifier/PublicIdentifier'],
  providerId: ['Identification/NewsIdentifier/ProviderId'],
  dateId: ['Identification/NewsIdentifier/DateId'],
  newsItemId: ['Identification/NewsIdentifier/NewsItemId'],
  revisionId: ['Identification/NewsIdentifier/RevisionId'],
  nameLabel: ['Identification/NameLabel'],
  firstCreatedAt: ['NewsManagement/FirstCreated'],
  updatedAt: ['NewsManagement/ThisRevisionCreated'],
  status: ['NewsManagement/Status@FormalName'],
  urgency: ['NewsManagement/Urgency@FormalName'],
  instruction: ['NewsManagement/Instruction@FormalName'],
  statusChangesAt: ['NewsManagement/StatusWillChange/DateAndTime'],
  language: ['@xml:lang'],
} as const satisfies Record<string, readonly Path[]>;

/** Component-level fields, looked up from the component holding the story text outwards. */
const COMPONENT_FIELDS = {
  headline: ['NewsLines/HeadLine'],
  subheadline: ['NewsLines/SubHeadLine'],
  slugline: ['NewsLines/SlugLine'],
  dateline: ['NewsLines/DateLine'],
  byline: ['NewsLines/ByLine'],
  bylineTitle: ['NewsLines/ByLineTitle'],
  copyright: ['NewsLines/CopyrightLine', 'RightsMetadata/Copyright/CopyrightHolder'],
  language: ['DescriptiveMetadata/Language@FormalName'],
  creator: ['AdministrativeMetadata/Creator/Party@FormalName'],
  // Lists: every value in every component of the chain.
  credits: ['NewsLines/CreditLine', 'AdministrativeMetadata/Provider/Party@FormalName'],
  usageTerms: ['RightsMetadata/UsageRights/UsageType', 'RightsMetadata/UsageRights/Limitations'],
  keywordLines: ['NewsLines/KeywordLine'],
} as const satisfies Record<string, readonly Path[]>;

type ItemField = keyof typeof ITEM_FIELDS;
type ComponentField = keyof typeof COMPONENT_FIELDS;

/** Components from the item's top one down to the one holding the content: nearest first when read reversed. */
type Chain = Element[];

const itemField = (item: Element, name: ItemField) => first(item, ...ITEM_FIELDS[name]);
const chainField = (chain: Chain, name: ComponentField) => chain.toReversed().map((c) => first(c, ...COMPONENT_FIELDS[name])).find(Boolean);
const chainAll = (chain: Chain, name: ComponentField) => [...new Set(chain.flatMap((c) => COMPONENT_FIELDS[name].flatMap((p) => values(c, p))))];

const formalName = (el: Element | undefined, name: string) => attr(child(el, name), 'FormalName')?.trim().toLowerCase() ?? '';

/** The `Role` of the nearest component in the chain that states one. */
const roleOf = (chain: Chain) => chain.toReversed().map((c) => formalName(c, 'Role')).find(Boolean) ?? '';

const BODY_ROLES = ['main', 'body'];

function isText(content: Element): boolean {
  const media = formalName(content, 'MediaType');
  const mime = formalName(content, 'MimeType');
  const format = formalName(content, 'Format');
  if (media && media !== 'text') return false;
  if (format === 'css' || mime === 'text/css') return false;
  return !mime || mime.startsWith('text/') || mime.includes('xml') || mime.includes('html');
}

function isPicture(content: Element): boolean {
  return !!attr(content, 'Href')?.trim() && (isPictureType(formalName(content, 'MediaType')) || formalName(content, 'MimeType').startsWith('image/'));
}

interface Located {
  content: Element;
  chain: Chain;
}

/** Every `ContentItem` under a component, with the chain of components above it. */
function contentItems(component: Element, chain: Chain = []): Located[] {
  const here = [...chain, component];
  return [
    ...children(component, 'ContentItem').map((content) => ({ content, chain: here })),
    ...children(component, 'NewsComponent').flatMap((nested) => contentItems(nested, here)),
  ];
}

/**
 * The story text: a text `ContentItem` in a component whose role is the main text or body, else
 * one in a component with no role. Captions, contacts, style sheets and headline renditions
 * (Business Wire's roles) are not the story.
 */
function storyText(located: Located[]): Located | undefined {
  const texts = located.filter((l) => isText(l.content) && child(l.content, 'DataContent'));
  return texts.find((l) => BODY_ROLES.includes(roleOf(l.chain))) ?? texts.find((l) => roleOf(l.chain) === '');
}

/** A `Characteristics/Property` value by (lower-case) name: `Width`, `PixelWidth`… */
function property(content: Element, ...names: string[]): string | undefined {
  const found = selectAll(content, 'Characteristics/Property').find((p) => names.includes(attr(p, 'FormalName')?.toLowerCase() ?? ''));
  return attr(found, 'Value');
}

/** Pictures: each component holding picture files is one picture, captioned by its own text or headline. Logos are not pictures of the story. */
function pictures(located: Located[], storyComponent: Element | undefined): ImageDraft[] {
  const byComponent = new Map<Element, Located[]>();
  for (const l of located) {
    const component = l.chain.at(-1)!;
    if (component === storyComponent || roleOf(l.chain) === 'logo') continue;
    byComponent.set(component, [...(byComponent.get(component) ?? []), l]);
  }
  return [...byComponent.entries()].flatMap(([component, items]) => {
    const files = items.filter((l) => isPicture(l.content));
    const renditions = files.flatMap(
      (l) =>
        rendition(attr(l.content, 'Href'), property(l.content, 'width', 'pixelwidth'), property(l.content, 'height', 'pixelheight'), attr(child(l.content, 'MimeType'), 'FormalName')) ?? [],
    );
    const best = bestImage(renditions);
    if (!best) return [];
    // The caption is text in the picture's component or in a component nested in it (AFP's Role "Caption").
    const captionItem = contentItems(component).find((l) => isText(l.content) && child(l.content, 'DataContent'));
    const caption = text(child(captionItem?.content, 'DataContent')) ?? first(component, 'NewsLines/HeadLine');
    const credit = first(component, 'NewsLines/CreditLine', 'NewsLines/ByLine');
    return [{ url: best.href, caption: caption ?? null, credit: credit ?? null, width: best.width ?? null, height: best.height ?? null }];
  });
}

/** `TopicSet` names for subject codes (ANA sends them there), preferring English. */
function topicNames(item: Element): Map<string, string> {
  const names = new Map<string, string>();
  for (const topic of selectAll(item, '//Topic')) {
    const code = first(topic, 'FormalName');
    const labels = children(topic, 'Description').filter((d) => attr(d, 'Variant')?.toLowerCase() === 'name');
    const label = labels.find((d) => attr(d, 'xml:lang')?.toLowerCase().startsWith('en')) ?? labels[0];
    if (code && text(label)) names.set(code, text(label)!);
  }
  return names;
}

function subjects(item: Element, chain: Chain): StoryDraft['subjects'] {
  const names = topicNames(item);
  return uniqueSubjects(
    chain
      .flatMap((c) => selectAll(c, 'DescriptiveMetadata/SubjectCode'))
      .flatMap((code) => children(code, 'Subject', 'SubjectMatter', 'SubjectDetail'))
      .map((s) => {
        const code = attr(s, 'FormalName')?.trim();
        const scheme = attr(s, 'Scheme')?.trim();
        return subjectFromCode(code, code ? names.get(code) : undefined, !scheme || /^iptc/i.test(scheme) ? IPTC_SUBJECT_SCHEME : scheme);
      }),
  );
}

function keywords(chain: Chain): string[] {
  const properties = chain
    .flatMap((c) => selectAll(c, 'DescriptiveMetadata/Property'))
    .filter((p) => attr(p, 'FormalName')?.toLowerCase() === 'keyword')
    .map((p) => attr(p, 'Value')?.trim())
    .filter((v): v is string => !!v);
  return [...properties, ...chainAll(chain, 'keywordLines')];
}

/** The city the item describes (`DescriptiveMetadata`'s `Location` or own `City` property), for a `DateLine` that holds only a date. */
function describedPlace(chain: Chain): string | undefined {
  const city = chain
    .flatMap((c) => [...selectAll(c, 'DescriptiveMetadata/Location/Property'), ...selectAll(c, 'DescriptiveMetadata/Property')])
    .find((p) => attr(p, 'FormalName')?.toLowerCase() === 'city');
  return (city && attr(city, 'Value')?.trim()) || undefined;
}

/** `NewsLine`s typed as an advisory are notes to the editor ("RECASTS with…"). */
function advisories(chain: Chain): string[] {
  return chain
    .flatMap((c) => selectAll(c, 'NewsLines/NewsLine'))
    .filter((line) => formalName(line, 'NewsLineType').includes('advisory'))
    .map((line) => first(line, 'NewsLineText'))
    .filter((t): t is string => !!t);
}

/**
 * The story id without the revision: NewsML 1.2's PublicIdentifier ends in `:RevisionId`, so it
 * changes with every revision; the id is rebuilt from its stable parts when they are all there.
 */
function storyId(item: Element): string | undefined {
  const parts = [itemField(item, 'providerId'), itemField(item, 'dateId'), itemField(item, 'newsItemId')];
  if (parts.every(Boolean)) return `urn:newsml:${parts.join(':')}`;
  return itemField(item, 'publicIdentifier');
}

function draft(item: Element): StoryDraft {
  const top = child(item, 'NewsComponent');
  const located = top ? contentItems(top) : [];
  const story = storyText(located);
  const chain: Chain = story?.chain ?? (top ? [top] : []);
  const body = story ? embeddedBody(child(story.content, 'DataContent')!, `${formalName(story.content, 'MimeType')} ${formalName(story.content, 'Format')}`) : { images: [] };

  const status = editorialStatus([itemField(item, 'status'), itemField(item, 'instruction')]);
  const byline = chainField(chain, 'byline') ?? chainField(chain, 'creator');
  const by = titledBylines(byline, chainField(chain, 'bylineTitle'));
  const headline = chainField(chain, 'headline');
  const urgency = Number.parseInt(itemField(item, 'urgency') ?? '', 10);
  const publicIdentifier = itemField(item, 'publicIdentifier');

  return {
    wireId: storyId(item) ?? null,
    wireRevision: itemField(item, 'revisionId') ?? null,
    altIds: publicIdentifier ? { PublicIdentifier: publicIdentifier } : {},
    language: chainField(chain, 'language') ?? itemField(item, 'language') ?? null,
    headline: headline ?? null,
    subheadline: chainField(chain, 'subheadline') ?? null,
    slugline: chainField(chain, 'slugline') ?? itemField(item, 'nameLabel') ?? null,
    bylines: by,
    dateline: datelinePlace(chainField(chain, 'dateline')) ?? describedPlace(chain) ?? null,
    tags: keywords(chain),
    subjects: subjects(item, chain),
    updatedAt: itemField(item, 'updatedAt') ?? null,
    firstCreatedAt: itemField(item, 'firstCreatedAt') ?? null,
    embargoedUntil: status.embargoed ? (itemField(item, 'statusChangesAt') ?? null) : null,
    pubStatus: status.pubStatus,
    revisionKind: status.revisionKind,
    urgency: Number.isInteger(urgency) ? urgency : null,
    ednote: editorNote(advisories(chain)),
    bodyHtml: body.html ? withoutRepeatedLead(body.html, [headline, byline]) : null,
    bodyText: body.text ?? null,
    images: [...body.images, ...pictures(located, chain.at(-1))],
    credits: chainAll(chain, 'credits'),
    copyrightNotice: chainField(chain, 'copyright') ?? null,
    usageTerms: chainAll(chain, 'usageTerms').join('; ') || null,
  };
}

/** NewsML 1.2: a `NewsML` envelope with one or more `NewsItem`s, each one story. */
export const newsml1Parser: Parser<'xml'> = {
  format: 'newsml-1.2',
  kind: 'xml',
  detect: (doc) => localName(doc.root) === 'newsml',
  parse: (doc) => {
    const items = children(doc.root, 'NewsItem');
    if (items.length === 0) throw new ParseError('WD_ERR_NO_STORY', 'the NewsML 1.2 document holds no NewsItem');
    return items.map(draft);
  },
};
