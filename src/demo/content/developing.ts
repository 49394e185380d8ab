import { hexId, lastChange, TYPES, type Revision, type Site, type Story } from './model.js';
import { renderNinjs } from './ninjs.js';
import { renderNitf } from './nitf.js';

/**
 * Two wires that serve one story at a fixed URL and replace it in place: the NITF file always
 * holds the latest take of a developing story, the ninjs file the latest version of an item.
 */

const NITF_PATH = '/nitf/latest.xml';
const NINJS_PATH = '/ninjs/latest.json';
const AP = { credit: 'AP', name: 'The Associated Press' };
const PNS = { credit: 'PNS', name: 'Prairie News Service' };

export const FERRY: Story = {
  key: 'greece-ferry-aground-paros',
  headline: 'Ferry with 221 aboard runs aground off Greek island; no injuries reported',
  teaser: 'A passenger ferry ran aground off the Greek island of Paros, the coast guard said.',
  bylines: ['Nikos Papadakis'],
  dateline: 'ATHENS, Greece',
  section: 'International',
  tags: ['Greece', 'Ferries', 'Maritime accidents'],
  paragraphs: [
    'A passenger ferry carrying 221 people ran aground off the Cycladic island of Paros on Friday, Greece’s coast guard said. No injuries were reported.',
    'The coast guard said a patrol boat and two private vessels were heading to the scene. The cause of the grounding was not immediately known.',
  ],
  publishedAt: '2025-09-12T13:58:00Z',
  ednote: 'Eds: Developing story. Will be updated.',
};

export const FERRY_WRITETHRU: Revision = {
  headline: 'Passengers taken off ferry that ran aground near Greek island of Paros',
  teaser: 'All 221 people aboard a ferry that ran aground off Paros were taken safely to shore.',
  paragraphs: [
    'All 221 people aboard a passenger ferry that ran aground off the Cycladic island of Paros on Friday were taken safely to shore, Greece’s coast guard said.',
    'The vessel struck a rocky shoal shortly after leaving the port of Parikia in calm seas, the coast guard said in a statement. Passengers were moved to a second ferry and to small boats and brought back to the port within two hours.',
    '“There was a loud noise and the ship leaned a little, but the crew stayed calm and told everyone to put on life jackets,” passenger Eleni Markou told reporters at the port.',
    'Divers were inspecting the hull, and the captain and two officers were detained for questioning, as is standard procedure in Greece after maritime accidents.',
    'Greek ferries carry millions of passengers a year between the mainland and the islands, with traffic peaking in the summer months.',
  ],
  photo: {
    file: 'greece-paros-ferry-passengers.jpg',
    caption: 'Passengers step off a small boat at the port of Parikia on Paros island, Greece, Friday, Sept. 12, 2025.',
    credit: 'AP Photo/Lefteris Doukas',
    width: 1200,
    height: 800,
  },
  status: 'writethru',
  ednote: 'Eds: UPDATES with passengers taken ashore, coast guard statement. With AP Photos.',
  updatedAt: '2025-09-12T14:26:00Z',
};

/** The writethru had the count wrong: 212 people were aboard, not 221. */
export const FERRY_CORRECTION: Revision = {
  teaser: 'All 212 people aboard a ferry that ran aground off Paros were taken safely to shore.',
  paragraphs: [
    'All 212 people aboard a passenger ferry that ran aground off the Cycladic island of Paros on Friday were taken safely to shore, Greece’s coast guard said.',
    ...FERRY_WRITETHRU.paragraphs!.slice(1),
  ],
  status: 'correction',
  ednote: 'Eds: CORRECTS number of people aboard to 212, sted 221, in 1st paragraph.',
  updatedAt: '2025-09-12T15:05:00Z',
};

export const MASCOT: Story = {
  key: 'cedar-bend-rivets-retire-mascot',
  headline: 'Minor league team will retire its rivet-headed mascot after fan vote',
  teaser: 'The Cedar Bend Rivets say fans voted to replace Rusty, the mascot who has roamed their ballpark since 1994.',
  bylines: ['Casey Morgan'],
  dateline: 'CEDAR BEND, Iowa',
  section: 'Sports',
  tags: ['Baseball', 'Minor leagues', 'Iowa'],
  paragraphs: [
    'The Cedar Bend Rivets will retire Rusty, the rivet-headed mascot who has roamed the minor league team’s ballpark since 1994, after a fan vote, the team said Friday.',
    'More than 11,000 votes were cast online over two weeks, and 58% favored replacing Rusty with a new character, according to the team.',
    '“Rusty has been a part of a lot of childhoods here, including mine,” general manager Tara Lindgren said. “But the fans have spoken.”',
    'The new mascot will be unveiled before the start of next season.',
  ],
  publishedAt: '2025-09-12T13:02:00Z',
};

/** A kill: same item, status canceled, the editors' notice instead of the story. */
export const MASCOT_KILL: Revision = {
  headline: `KILLED: ${MASCOT.headline}`,
  teaser: 'The story about the Cedar Bend Rivets retiring their mascot is killed.',
  paragraphs: [
    `Editors: The story headlined “${MASCOT.headline},” moved at 9:02 a.m. EDT, is killed. The Cedar Bend Rivets say no fan vote was held and the mascot is not being retired. Please make sure the story is not published. There will be no substitute story.`,
  ],
  status: 'kill',
  ednote: 'KILL: Story withdrawn; the team says no fan vote was held. No substitute story will be sent.',
  updatedAt: '2025-09-12T15:20:00Z',
};

/** AP's NITF drop: one developing story, the latest take at one URL. */
export const nitf: Site = {
  id: 'nitf',
  name: 'AP NITF (developing story)',
  feedPath: NITF_PATH,
  format: 'nitf',
  partial: false,
  timeZone: 'UTC',
  documents: (stories, origin) =>
    stories.map((story) => ({
      path: NITF_PATH,
      contentType: TYPES.nitf,
      body: renderNitf({
        story,
        docId: `AP${hexId(story.key, 16)}`,
        slugline: 'EU-Greece-Ferry-Aground',
        // A first take moves at a higher urgency than its writethrus.
        urgency: (story.version ?? 1) === 1 ? 3 : 4,
        provider: AP,
        ...(story.photo ? { photoUrl: `${origin}/nitf/photos/${story.photo.file}` } : {}),
      }),
      modifiedAt: lastChange(story),
    })),
};

/** A regional wire's ninjs endpoint: the latest version of one item. */
export const ninjs: Site = {
  id: 'ninjs',
  name: 'Prairie News Service (ninjs)',
  feedPath: NINJS_PATH,
  format: 'ninjs',
  partial: false,
  timeZone: 'America/Chicago',
  documents: (stories) =>
    stories.map((story) => ({
      path: NINJS_PATH,
      contentType: TYPES.ninjs,
      body: renderNinjs({
        story,
        uri: `urn:newsml:pns.wiredesk.invalid:20250912:${story.key}`,
        urgency: 5,
        subject: { uri: 'http://cv.iptc.org/newscodes/mediatopic/15000000', name: 'sport' },
        provider: PNS,
      }),
      modifiedAt: lastChange(story),
    })),
};
