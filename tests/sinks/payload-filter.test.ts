import { describe, expect, it } from 'vitest';
import { matchesFilter } from '../../src/sinks/filter.js';
import { changeEvent, payloadOf, revisionKey } from '../../src/sinks/payload.js';
import { storyRevision } from '../helpers/stories.js';

describe('change events', () => {
  it.each([
    [{ version: 1, pubStatus: 'usable', revisionKind: null }, 'story.created'],
    [{ version: 2, pubStatus: 'usable', revisionKind: 'writethru' }, 'story.updated'],
    [{ version: 3, pubStatus: 'usable', revisionKind: 'correction' }, 'story.corrected'],
    [{ version: 2, pubStatus: 'withheld', revisionKind: null }, 'story.withheld'],
    [{ version: 4, pubStatus: 'canceled', revisionKind: 'kill' }, 'story.killed'],
    [{ version: 1, pubStatus: 'usable', revisionKind: 'kill' }, 'story.killed'],
  ] as const)('%o is %s', (story, event) => {
    expect(changeEvent(story)).toBe(event);
  });
});

describe('sink filters', () => {
  const story = storyRevision('urn:f:1', 1, { section: 'World', source: { id: 'ap', name: 'AP' } });
  it('match on every listed criterion, sections case-insensitively', () => {
    expect(matchesFilter(undefined, story)).toBe(true);
    expect(matchesFilter({ sections: ['world'] }, story)).toBe(true);
    expect(matchesFilter({ sections: ['sports'] }, story)).toBe(false);
    expect(matchesFilter({ sources: ['ap'], statuses: ['usable'] }, story)).toBe(true);
    expect(matchesFilter({ sources: ['ap'], statuses: ['canceled'] }, story)).toBe(false);
    expect(matchesFilter({ sections: ['world'] }, { ...story, section: null })).toBe(false);
  });
});

describe('payloads', () => {
  it('are the record itself or its ninjs export, keyed by id and version', () => {
    const story = storyRevision('https://wire.example/a', 2);
    expect(payloadOf(story, 'native')).toBe(story);
    expect(payloadOf(story, 'ninjs-3.1')).toMatchObject({ uri: 'https://wire.example/a', version: '2' });
    expect(revisionKey(story)).toBe('https://wire.example/a#v2');
  });
});
