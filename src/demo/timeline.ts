import { ap, AP_BELARUS_WRITETHRU, AP_STORIES } from './content/ap.js';
import { cnn, CNN_STORIES } from './content/cnn.js';
import { FERRY, FERRY_CORRECTION, FERRY_WRITETHRU, MASCOT, MASCOT_KILL, ninjs, nitf } from './content/developing.js';
import type { Revision, Site, Story } from './content/model.js';
import { newser, NEWSER_STORIES } from './content/newser.js';
import { reuters, REUTERS_STOCKS_CLOSE, REUTERS_STORIES } from './content/reuters.js';

/** Every wire the emulator serves, in the order the demo lists them. */
export const SITES: readonly Site[] = [ap, cnn, reuters, newser, nitf, ninjs];

type Event = { site: Site; publish: Story } | { site: Site; revise: Story; with: Revision };

interface Tick {
  /** What happens, for the demo's narration. */
  note: string;
  events: readonly Event[];
}

const publish = (site: Site, ...stories: Story[]): Event[] => stories.map((story) => ({ site, publish: story }));

/**
 * The news day, one tick at a time. Every revision stays up for at least two ticks, so a source
 * polled about once a tick sees each of them; after the last tick nothing changes.
 */
const TICKS: readonly Tick[] = [
  {
    note: 'the morning so far: 12 stories on six wires',
    events: [
      ...publish(ap, AP_STORIES.library, AP_STORIES.belarus, AP_STORIES.wildfire),
      ...publish(cnn, CNN_STORIES.coral, CNN_STORIES.belarus),
      ...publish(reuters, REUTERS_STORIES.stocks, REUTERS_STORIES.barges, REUTERS_STORIES.belavia),
      ...publish(newser, NEWSER_STORIES.belarus, NEWSER_STORIES.wildfire),
      ...publish(nitf, FERRY),
      ...publish(ninjs, MASCOT),
    ],
  },
  { note: 'CNN and Reuters publish new stories', events: [...publish(cnn, CNN_STORIES.bathhouse), ...publish(reuters, REUTERS_STORIES.champagne)] },
  {
    note: 'AP moves a writethru of its Belarus story (new headline, two new paragraphs); the NITF ferry story gets a writethru',
    events: [
      { site: ap, revise: AP_STORIES.belarus, with: AP_BELARUS_WRITETHRU },
      { site: nitf, revise: FERRY, with: FERRY_WRITETHRU },
    ],
  },
  {
    note: 'Reuters replaces its markets report with the close; AP and Newser publish new stories',
    events: [{ site: reuters, revise: REUTERS_STORIES.stocks, with: REUTERS_STOCKS_CLOSE }, ...publish(ap, AP_STORIES.orcas), ...publish(newser, NEWSER_STORIES.bathhouse)],
  },
  { note: 'CORRECTION: the NITF ferry story now says 212 people were aboard, not 221', events: [{ site: nitf, revise: FERRY, with: FERRY_CORRECTION }] },
  { note: 'KILL: the ninjs mascot story is withdrawn', events: [{ site: ninjs, revise: MASCOT, with: MASCOT_KILL }] },
];

export const TICK_COUNT = TICKS.length;

export function noteOf(tick: number): string {
  return TICKS[tick]?.note ?? '';
}

/** Every site's stories as they stand once ticks 0…`tick` have happened, in publishing order. */
export function storiesAt(tick: number): Map<Site, Story[]> {
  const state = new Map<Site, Map<string, Story>>(SITES.map((site) => [site, new Map()]));
  for (const { events } of TICKS.slice(0, tick + 1)) {
    for (const event of events) {
      const stories = state.get(event.site)!;
      if ('publish' in event) {
        stories.set(event.publish.key, { ...event.publish, version: 1 });
        continue;
      }
      const current = stories.get(event.revise.key);
      if (!current) throw new Error(`timeline: ${event.revise.key} is revised before it is published`);
      stories.set(current.key, { ...current, ...event.with, version: (current.version ?? 1) + 1 });
    }
  }
  return new Map([...state].map(([site, stories]) => [site, [...stories.values()]]));
}

/** What a complete ingest of a site holds once ticks 0…`tick` have happened. */
export interface Expected {
  stories: number;
  /** Stories whose latest revision is a kill or a correction: the formats that carry status say so. */
  kills: number;
  corrections: number;
}

export function expectedAt(tick: number): Map<Site, Expected> {
  return new Map(
    [...storiesAt(tick)].map(([site, stories]) => [
      site,
      { stories: stories.length, kills: stories.filter((s) => s.status === 'kill').length, corrections: stories.filter((s) => s.status === 'correction').length },
    ]),
  );
}
