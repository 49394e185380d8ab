import type { Byline } from '../../schema/story.js';
import { parseBylines } from '../cleaners/bylines.js';
import { canonicalCredit } from '../cleaners/credits.js';

/**
 * A byline the wire states with a separate title line: NITF `byline` + `byttl`, AP
 * `bylines[{by, title}]`, NewsML 1.2 `ByLine` + `ByLineTitle`. The title line holds either a job
 * title ("AP Business Writer") or the writer's organization ("The Canadian Press"); a known wire
 * is taken as the organization. Without a title the raw byline goes to finalization as it is.
 */
export function titledBylines(byline: string | undefined, title: string | undefined): Array<Byline | string> {
  const raw = byline?.trim();
  if (!raw) return [];
  const role = title?.trim();
  if (!role) return [raw];
  // The shared splitter still decides who the people are ("Mia Rabson and Jordan Press").
  const isOrganization = canonicalCredit(role) !== null;
  return parseBylines(raw).map((b) => (isOrganization ? { ...b, organization: b.organization ?? role } : { ...b, title: role }));
}
