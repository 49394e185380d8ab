import type { PubStatus, RevisionKind } from '../../schema/story.js';

/**
 * Editorial status, shared by every wire: AP `pubstatus` and `editorialtypes`, NITF
 * `management-status`, NewsML-G2 `pubStatus` and `signal` qcodes, NewsML 1.2 `Status` and
 * `Instruction`, ninjs `pubstatus`, and Reuters' title prefixes all speak of the same few things:
 * may the story run (usable / withheld / canceled), is it under embargo, and what kind of
 * revision is it (new, update, correction, writethru, advisory, kill).
 */
export interface EditorialStatus {
  pubStatus: PubStatus | null;
  revisionKind: RevisionKind | null;
  /** The wire says the item is embargoed; the release time is in the format's own date field. */
  embargoed: boolean;
}

interface Effect {
  pubStatus?: PubStatus;
  revisionKind?: RevisionKind;
  embargoed?: true;
}

const KILL: Effect = { pubStatus: 'canceled', revisionKind: 'kill' };
const WITHHELD: Effect = { pubStatus: 'withheld' };
const CORRECTION: Effect = { revisionKind: 'correction' };
const WRITETHRU: Effect = { revisionKind: 'writethru' };
const UPDATE: Effect = { revisionKind: 'update' };
const ADVISORY: Effect = { revisionKind: 'advisory' };

/**
 * Every status word the wires use, normalized (lower case, qcode scheme and punctuation dropped:
 * `stat:canceled` → `canceled`, `Hold For Release` → `holdforrelease`). A canceled item is a kill
 * whichever wire says so; an embargoed one is usable once its release time has passed.
 */
const EFFECTS: Readonly<Record<string, Effect>> = {
  usable: { pubStatus: 'usable' },
  embargoed: { pubStatus: 'usable', embargoed: true },
  holdforrelease: { embargoed: true },
  withheld: WITHHELD,
  withhold: WITHHELD,
  canceled: KILL,
  cancelled: KILL,
  kill: KILL,
  elimination: KILL,
  // NewsML 1.2 Instruction: the item is to be removed.
  delete: KILL,
  correction: CORRECTION,
  corrective: CORRECTION,
  corrected: CORRECTION,
  clarification: CORRECTION,
  // NewsML 1.2 Instruction for a corrected item.
  rectify: CORRECTION,
  writethru: WRITETHRU,
  lead: WRITETHRU,
  update: UPDATE,
  refile: UPDATE,
  add: UPDATE,
  advisory: ADVISORY,
  disregard: ADVISORY,
};

const PUB_STATUS_RANK: Readonly<Record<PubStatus, number>> = { usable: 1, withheld: 2, canceled: 3 };
/** When signals disagree the graver kind wins: a corrective writethru is a correction. */
const REVISION_RANK: Readonly<Record<RevisionKind, number>> = { new: 1, advisory: 2, update: 3, writethru: 4, correction: 5, kill: 6 };

function normalize(signal: string): string {
  const local = signal.slice(signal.lastIndexOf(':') + 1);
  return local.toLowerCase().replace(/[^a-z]/g, '');
}

/** Combines every editorial signal an item carries; unknown words are ignored. */
export function editorialStatus(signals: Iterable<string | null | undefined>): EditorialStatus {
  const status: EditorialStatus = { pubStatus: null, revisionKind: null, embargoed: false };
  for (const signal of signals) {
    if (!signal) continue;
    const effect = EFFECTS[normalize(signal)];
    if (!effect) continue;
    if (effect.pubStatus && (!status.pubStatus || PUB_STATUS_RANK[effect.pubStatus] > PUB_STATUS_RANK[status.pubStatus])) {
      status.pubStatus = effect.pubStatus;
    }
    if (effect.revisionKind && (!status.revisionKind || REVISION_RANK[effect.revisionKind] > REVISION_RANK[status.revisionKind])) {
      status.revisionKind = effect.revisionKind;
    }
    if (effect.embargoed) status.embargoed = true;
  }
  return status;
}

/**
 * Reuters marks revisions in front of the title: "UPDATE 2-", "CORRECTED-", "REFILE-", chained as
 * "REFILE-UPDATE 1-". Only upper-case prefixes count, so a headline starting "Update on…" is left alone.
 */
const TITLE_PREFIX = /^(UPDATE(?: \d+)?|CORRECTED(?: \([^)]*\))?|CORRECTION|REFILE)\s*-\s*/;

/** The revision words in front of a title, and the title without them. */
export function titleSignals(title: string): { signals: string[]; rest: string } {
  const signals: string[] = [];
  let rest = title.trim();
  for (let match = TITLE_PREFIX.exec(rest); match; match = TITLE_PREFIX.exec(rest)) {
    signals.push(match[1]!.split(' ')[0]!);
    rest = rest.slice(match[0].length);
  }
  return { signals, rest };
}

/** Editor's notes, joined: AP's "Eds:" lead-in dropped, empty and repeated notes skipped. */
export function editorNote(notes: Iterable<string | null | undefined>): string | null {
  const kept = new Set<string>();
  for (const note of notes) {
    const cleaned = note?.replace(/^\s*eds?:\s*/i, '').trim();
    if (cleaned) kept.add(cleaned);
  }
  return kept.size > 0 ? [...kept].join(' / ') : null;
}
