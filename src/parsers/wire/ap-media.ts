import { ParseError } from '../../errors.js';
import type { Parser, StoryDraft } from '../types.js';
import { titledBylines } from './bylines.js';
import { editorialStatus, editorNote } from './editorial.js';
import { asString, get, getInteger, getString, getStrings, isObject, objects, type JsonObject } from './json.js';
import { isPictureType, jsonAssociationImages, jsonPicture } from './media.js';
import { subjectFromCode, uniqueSubjects } from './qcodes.js';

/**
 * AP Media API JSON. An item's text is not in the JSON (it is the NITF rendition behind
 * `renditions.nitf.href`), so a text item becomes a partial story: its headline, metadata and
 * `description_summary` as the teaser body. A picture item's caption is its text.
 */

/** The items of a document: a feed or search envelope (`data.items[].item`), a one-item envelope (`data.item`, `item`) or a bare item. */
export function apItems(value: unknown): JsonObject[] {
  const data = get(value, 'data');
  const listed = get(data, 'items') ?? get(value, 'items');
  if (Array.isArray(listed)) return objects(listed).map((entry) => (isObject(get(entry, 'item')) ? (get(entry, 'item') as JsonObject) : entry));
  const single = get(data, 'item') ?? get(value, 'item');
  if (isObject(single)) return [single];
  return isObject(value) ? [value] : [];
}

const AP_ONLY_FIELDS = ['editorialtypes', 'bylines', 'headline_extended', 'description_summary', 'datelinelocation', 'description_caption', 'description_creditline'];

/** An AP item: an `altids.itemid`, plus an AP revision id or a field no other ninjs-like JSON has. */
export function isApItem(item: unknown): boolean {
  const altids = get(item, 'altids');
  if (!getString(altids, 'itemid')) return false;
  return getString(altids, 'etag', 'friendlykey') !== undefined || AP_ONLY_FIELDS.some((key) => get(item, key) !== undefined);
}

/** "City, ST" in the United States (AP style names the state), "City, Country" elsewhere. */
function dateline(item: JsonObject): string | undefined {
  const located = getString(item, 'located');
  if (located) return located;
  const where = get(item, 'datelinelocation');
  const city = getString(where, 'city');
  if (!city) return undefined;
  const domestic = ['USA', 'US'].includes(getString(where, 'countrycode')?.toUpperCase() ?? '');
  const region = domestic ? getString(where, 'countryareacode', 'countryareaname') : getString(where, 'countryname');
  return region ? `${city}, ${region}` : city;
}

function bylines(item: JsonObject): StoryDraft['bylines'] {
  const writers = objects(get(item, 'bylines')).flatMap((b) => titledBylines(getString(b, 'by'), getString(b, 'title')));
  const photographer = get(item, 'photographer');
  return writers.length > 0 ? writers : titledBylines(getString(photographer, 'name'), getString(photographer, 'title'));
}

function draft(item: JsonObject): StoryDraft {
  const altids = get(item, 'altids');
  const ids = isObject(altids)
    ? Object.fromEntries(Object.entries(altids).flatMap(([k, v]) => (asString(v) === undefined ? [] : [[k, asString(v)!]])))
    : {};
  const status = editorialStatus([getString(item, 'pubstatus'), ...getStrings(item, 'editorialtypes')]);
  const headline = getString(item, 'headline', 'title');
  const extended = getString(item, 'headline_extended');
  const picture = isPictureType(getString(item, 'type')) ? jsonPicture(item) : null;
  const teaser = picture ? (picture.caption ?? undefined) : getString(item, 'description_summary');
  const infosources = objects(get(item, 'infosource')).map((s) => getString(s, 'name'));

  return {
    wireId: getString(altids, 'itemid') ?? null,
    wireRevision: getString(altids, 'etag') ?? getString(item, 'version') ?? null,
    altIds: ids,
    language: getString(item, 'language') ?? null,
    headline: headline ?? null,
    subheadline: extended && extended !== headline ? extended : null,
    slugline: getString(item, 'slugline') ?? null,
    bylines: bylines(item),
    dateline: dateline(item) ?? null,
    tags: getStrings(item, 'keywords'),
    subjects: uniqueSubjects(objects(get(item, 'subject')).map((s) => subjectFromCode(getString(s, 'code'), getString(s, 'name'), getString(s, 'scheme')))),
    firstCreatedAt: getString(item, 'firstcreated') ?? null,
    updatedAt: getString(item, 'versioncreated') ?? null,
    embargoedUntil: getString(item, 'embargoed') ?? null,
    pubStatus: status.pubStatus,
    revisionKind: status.revisionKind,
    urgency: getInteger(item, 'urgency') ?? null,
    ednote: editorNote([getString(item, 'ednote')]),
    bodyText: teaser ?? null,
    images: [...(picture ? [picture] : []), ...jsonAssociationImages(get(item, 'associations'))],
    credits: [getString(item, 'provider'), ...infosources].filter((c): c is string => c !== undefined),
    copyrightNotice: getString(item, 'copyrightnotice') ?? null,
    usageTerms: getStrings(item, 'usageterms').join(' ') || null,
    // The story text lives in the NITF rendition; without it this is a teaser.
    representation: picture ? 'full' : 'partial',
  };
}

/** AP Media API item JSON, bare or in its item, feed or search envelope. */
export const apMediaParser: Parser<'json'> = {
  format: 'ap-media',
  kind: 'json',
  detect: (doc) => {
    // `api_version` marks AP's envelope, even around an empty feed page (which holds no story).
    if (get(doc.value, 'api_version') !== undefined && isObject(get(doc.value, 'data'))) return true;
    const items = apItems(doc.value);
    return items.length > 0 && items.every(isApItem);
  },
  parse: (doc) => {
    const items = apItems(doc.value).filter(isApItem);
    if (items.length === 0) throw new ParseError('WD_ERR_NO_STORY', 'the AP Media document holds no item');
    return items.map(draft);
  },
};
