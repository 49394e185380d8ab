const EMAIL = /[^\s()<>@,;:"]+@[^\s()<>@,;:"]+\.[^\s()<>@,;:"]+/;
const ONLY_EMAIL = new RegExp(`^(?:mailto:)?${EMAIL.source}$`, 'i');
/** `jane@example.com (Jane Doe)` and `Jane Doe (jane@example.com)`. */
const PARENTHESISED = /^(.*?)\s*\(([^()]*)\)\s*$/;
/** `Jane Doe <jane@example.com>`. */
const ANGLED = /^(.*?)\s*<[^<>]*>\s*$/;

/**
 * The name in a feed's author string. RSS `author` is meant to be an email address, so feeds
 * write `jane@example.com (Jane Doe)`; the name is the byline. A bare address names nobody (it is
 * often a desk mailbox such as `newsfeeds@…`), so it gives nothing.
 *
 * @example authorName('jdoe@example.com (Jane Doe)') // 'Jane Doe'
 */
export function authorName(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const parenthesised = PARENTHESISED.exec(value);
  if (parenthesised) {
    const [outside = '', inside = ''] = [parenthesised[1]?.trim(), parenthesised[2]?.trim()];
    if (ONLY_EMAIL.test(outside) || outside === '') return named(inside);
    if (ONLY_EMAIL.test(inside)) return named(outside);
    return value;
  }
  const angled = ANGLED.exec(value);
  if (angled && EMAIL.test(value)) return named(angled[1]?.trim());
  return named(value);
}

function named(value: string | undefined): string | undefined {
  return value && !ONLY_EMAIL.test(value) ? value : undefined;
}

/** Raw byline strings from a list of author strings, names only, blanks dropped. */
export function authorNames(raws: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  for (const raw of raws) {
    const name = authorName(raw);
    if (name) out.push(name);
  }
  return out;
}
