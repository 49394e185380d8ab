import type { Subject } from '../../schema/story.js';

/**
 * Subjects from every wire as `{ scheme, code, name }`. NewsML-G2 writes a concept as a qcode
 * (`subj:15054000`, `N2:SOC`, `medtop:20001065`) whose prefix is the scheme; ninjs and AP write a
 * full URI (`http://cv.iptc.org/newscodes/mediatopic/20001065`); NITF and NewsML 1.2 give a bare
 * IPTC Subject NewsCode. IPTC's own vocabularies are named by their usual qcode alias everywhere,
 * so the same concept compares equal whichever wire sent it.
 */

/** IPTC Subject NewsCodes (the 8-digit codes of NITF `tobject.subject` and NewsML 1.2 `SubjectCode`). */
export const IPTC_SUBJECT_SCHEME = 'subj';

const SCHEME_ALIASES: ReadonlyArray<readonly [uri: string, alias: string]> = [
  ['http://cv.iptc.org/newscodes/subjectcode/', IPTC_SUBJECT_SCHEME],
  ['http://cv.iptc.org/newscodes/mediatopic/', 'medtop'],
  ['http://cv.iptc.org/newscodes/genre/', 'genre'],
  ['http://cv.iptc.org/newscodes/productgenre/', 'prodgenre'],
];

/** A scheme as a short alias when it is one of IPTC's vocabularies, else as given. */
export function schemeAlias(scheme: string): string {
  const lower = scheme.trim().toLowerCase().replace(/^https:/, 'http:');
  const withSlash = lower.endsWith('/') ? lower : `${lower}/`;
  return SCHEME_ALIASES.find(([uri]) => uri === withSlash)?.[1] ?? scheme.trim();
}

function subject(code: string | undefined, name: string | undefined, scheme: string | undefined): Subject | null {
  const c = code?.trim() || undefined;
  const n = name?.trim() || undefined;
  if (c === undefined && n === undefined) return null;
  const s = scheme?.trim() ? schemeAlias(scheme) : undefined;
  return { ...(c === undefined ? {} : { code: c }), ...(n === undefined ? {} : { name: n }), ...(s === undefined ? {} : { scheme: s }) };
}

/** `N2:SOC` → `{ scheme: 'N2', code: 'SOC' }`; a qcode without a prefix is a code without a scheme. */
export function subjectFromQcode(qcode: string | undefined, name?: string): Subject | null {
  const colon = qcode?.indexOf(':') ?? -1;
  if (!qcode || colon === -1) return subject(qcode, name, undefined);
  return subject(qcode.slice(colon + 1), name, qcode.slice(0, colon));
}

/**
 * A concept URI split at its last path segment: the vocabulary, then the code
 * (`http://cv.ap.org/id/86aad5…` → scheme `http://cv.ap.org/id/`, code `86aad5…`).
 */
export function subjectFromUri(uri: string | undefined, name?: string, literal?: string): Subject | null {
  const slash = uri?.replace(/\/+$/, '').lastIndexOf('/') ?? -1;
  if (!uri || slash === -1) return subject(literal ?? uri, name, undefined);
  const trimmed = uri.replace(/\/+$/, '');
  return subject(literal ?? trimmed.slice(slash + 1), name, trimmed.slice(0, slash + 1));
}

/** A code with an explicit scheme (ninjs 1.x, AP): the scheme aliased, the code as given. */
export function subjectFromCode(code: string | undefined, name?: string, scheme?: string): Subject | null {
  return subject(code, name, scheme);
}

/** Subjects in first-seen order, each concept once (wires repeat ancestors and duplicates). */
export function uniqueSubjects(subjects: Iterable<Subject | null>): Subject[] {
  const seen = new Map<string, Subject>();
  for (const s of subjects) {
    if (!s) continue;
    const key = `${s.scheme ?? ''}\u0000${s.code ?? `name:${s.name ?? ''}`}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}
