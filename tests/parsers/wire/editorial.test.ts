import { describe, expect, it } from 'vitest';
import { editorialStatus, editorNote, titleSignals } from '../../../src/parsers/wire/editorial.js';

describe('editorial status: one table for every wire', () => {
  it.each([
    // AP editorialtypes (reference/ingest-anchors.md (d) 3)
    ['Kill', 'canceled', 'kill'],
    ['Elimination', 'canceled', 'kill'],
    ['Withhold', 'withheld', null],
    ['Correction', null, 'correction'],
    ['Corrective', null, 'correction'],
    ['Clarification', null, 'correction'],
    ['Writethru', null, 'writethru'],
    ['Lead', null, 'writethru'],
    ['Advisory', null, 'advisory'],
    ['Disregard', null, 'advisory'],
    ['Add', null, 'update'],
    ['Takes', null, null],
    // pubstatus words (AP, ninjs, NITF management-status, NewsML 1.2 Status)
    ['usable', 'usable', null],
    ['Usable', 'usable', null],
    ['withheld', 'withheld', null],
    ['canceled', 'canceled', 'kill'],
    ['cancelled', 'canceled', 'kill'],
    // NewsML-G2 qcodes
    ['stat:usable', 'usable', null],
    ['stat:withheld', 'withheld', null],
    ['stat:canceled', 'canceled', 'kill'],
    ['sig:correction', null, 'correction'],
    ['sig:update', null, 'update'],
    ['apsig:consumerready', null, null],
    // NewsML 1.2 Instruction
    ['Rectify', null, 'correction'],
    ['Delete', 'canceled', 'kill'],
  ] as const)('%s → pubStatus %s, revisionKind %s', (signal, pubStatus, revisionKind) => {
    expect(editorialStatus([signal])).toEqual({ pubStatus, revisionKind, embargoed: false });
  });

  it('reads an embargo as usable once released, and HoldForRelease as an embargo without a status', () => {
    expect(editorialStatus(['embargoed'])).toEqual({ pubStatus: 'usable', revisionKind: null, embargoed: true });
    expect(editorialStatus(['HoldForRelease'])).toEqual({ pubStatus: null, revisionKind: null, embargoed: true });
    expect(editorialStatus(['Hold For Release'])).toEqual({ pubStatus: null, revisionKind: null, embargoed: true });
  });

  it('lets the graver signal win when several disagree', () => {
    expect(editorialStatus(['usable', 'Kill', 'Advisory'])).toEqual({ pubStatus: 'canceled', revisionKind: 'kill', embargoed: false });
    expect(editorialStatus(['Writethru', 'Corrective'])).toMatchObject({ revisionKind: 'correction' });
    expect(editorialStatus(['Withhold', 'usable'])).toMatchObject({ pubStatus: 'withheld' });
    expect(editorialStatus(['Advisory', 'Lead'])).toMatchObject({ revisionKind: 'writethru' });
  });

  it('ignores unknown words, blanks and missing values', () => {
    expect(editorialStatus(['edStat:U', '', null, undefined, 'newscontent'])).toEqual({ pubStatus: null, revisionKind: null, embargoed: false });
  });
});

describe('Reuters title prefixes', () => {
  it('reads the revision words and returns the bare title', () => {
    expect(titleSignals('UPDATE 2-Belarus frees prisoners')).toEqual({ signals: ['UPDATE'], rest: 'Belarus frees prisoners' });
    expect(titleSignals('CORRECTED-Oil edges up')).toEqual({ signals: ['CORRECTED'], rest: 'Oil edges up' });
    expect(titleSignals('REFILE-UPDATE 1-Oil edges up')).toEqual({ signals: ['REFILE', 'UPDATE'], rest: 'Oil edges up' });
    expect(titleSignals('CORRECTED (OFFICIAL)-Oil edges up')).toEqual({ signals: ['CORRECTED'], rest: 'Oil edges up' });
  });

  it('maps them through the shared table', () => {
    expect(editorialStatus(titleSignals('REFILE-UPDATE 1-Oil edges up').signals)).toMatchObject({ revisionKind: 'update' });
    expect(editorialStatus(titleSignals('CORRECTED-Oil edges up').signals)).toMatchObject({ revisionKind: 'correction' });
  });

  it('leaves ordinary headlines alone', () => {
    expect(titleSignals('Update on the talks: no deal yet')).toEqual({ signals: [], rest: 'Update on the talks: no deal yet' });
    expect(titleSignals('UPDATES TO FOLLOW on budget')).toEqual({ signals: [], rest: 'UPDATES TO FOLLOW on budget' });
  });
});

describe("editor's notes", () => {
  it("drops AP's Eds: lead-in and joins distinct notes", () => {
    expect(editorNote(['Eds: UPDATES with US statement.'])).toBe('UPDATES with US statement.');
    expect(editorNote(['Ed: Adds byline.', 'Adds byline.', '  ', null, 'Moves on general news.'])).toBe('Adds byline. / Moves on general news.');
    expect(editorNote([])).toBeNull();
  });
});
