/**
 * Value cleaners for site maps' `clean` lists: small, composable, and shared so that each site
 * file stays a declarative map. Dates, bylines and datelines are normalized later by the shared
 * cleaners; these only cut what a site prints around a value.
 */

/**
 * Keeps a value only when it starts with the label, and drops the label: CNN prints one
 * timestamp that is either "Published …" or "Updated …".
 *
 * @example onlyLabelled(/^updated\s+/i)('Updated 3:15 PM EDT, Fri September 12, 2025') // '3:15 PM EDT, Fri September 12, 2025'
 */
export function onlyLabelled(label: RegExp): (value: string) => string | null {
  return (value) => (label.test(value) ? value.replace(label, '').trim() || null : null);
}

/**
 * Drops a leading label when present: "Posted Sep 12, 2025 7:42 AM CDT" → "Sep 12, 2025 7:42 AM CDT".
 *
 * @example withoutLabel(/^posted\s+/i)('Posted Sep 12, 2025') // 'Sep 12, 2025'
 */
export function withoutLabel(label: RegExp): (value: string) => string | null {
  return (value) => value.replace(label, '').trim() || null;
}

/**
 * Epoch milliseconds (or seconds) in a data attribute, as an ISO instant.
 *
 * @example epochToIso('1757680920000') // '2025-09-12T12:42:00.000Z'
 */
export function epochToIso(value: string): string | null {
  if (!/^\d{9,13}$/.test(value)) return null;
  const n = Number(value);
  return new Date(value.length <= 10 ? n * 1000 : n).toISOString();
}

/** The part of a value before a separator: NBC prints "Dec. 13, 2016, 12:31 PM UTC / Updated Dec. 13, 2016, 6:06 PM UTC". */
export function before(separator: RegExp): (value: string) => string | null {
  return (value) => value.split(separator)[0]?.trim() || null;
}

/** The part of a value after a separator, or null when there is none. */
export function after(separator: RegExp): (value: string) => string | null {
  return (value) => {
    const match = separator.exec(value);
    return match ? value.slice(match.index + match[0].length).trim() || null : null;
  };
}
