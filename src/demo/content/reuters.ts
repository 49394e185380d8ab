import { renderAtom } from './atom.js';
import { byRecency, hexId, lastChange, newest, paragraphsHtml, TYPES, zoned, type Revision, type Site, type Story } from './model.js';

const FEED_PATH = '/reuters/atom.xml';
/** Reuters style abbreviates only some months ("Sept 12", "March 3"). */
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

export const REUTERS_STORIES = {
  belavia: {
    key: 'us-lifts-sanctions-belarus-airline-belavia-prisoners',
    headline: 'US lifts sanctions on Belarus airline Belavia as Minsk frees 52 prisoners',
    teaser: 'The United States lifted sanctions on Belarusian state airline Belavia as Minsk released 52 prisoners into Lithuania.',
    bylines: ['Ieva Mockutė'],
    dateline: 'VILNIUS',
    section: 'World',
    tags: ['Europe', 'Belarus', 'Aviation'],
    paragraphs: [
      'The United States lifted sanctions on Belarusian state airline Belavia on Thursday as Minsk released 52 prisoners into Lithuania, in the latest sign of a thaw between Washington and the close Russian ally.',
      'U.S. envoy John Coale announced the move after talks with President Alexander Lukashenko in Minsk, according to a video published by Belarusian state media.',
      'Those freed included 14 foreign nationals, Lukashenko’s press service said. Lithuanian President Gitanas Nauseda said on X that more than 1,000 political prisoners remained in Belarusian jails.',
      'Belavia was sanctioned by the European Union, the United States and other countries after Belarus forced a Ryanair flight between Athens and Vilnius to land in Minsk in May 2021 and arrested an opposition journalist on board.',
      '(Reporting by Ieva Mockutė in Vilnius; Writing by Tom Ashford; Editing by Claire Hughes)',
    ],
    publishedAt: '2025-09-12T11:47:00Z',
  },
  stocks: {
    key: 'european-shares-edge-higher-fed-meeting',
    headline: 'European shares edge higher as investors look ahead to Fed meeting',
    teaser: 'European shares inched higher on Friday as investors positioned for an expected U.S. rate cut next week.',
    bylines: ['Nikhil Varma'],
    dateline: 'LONDON',
    section: 'Markets',
    tags: ['Markets', 'Europe', 'Stocks'],
    paragraphs: [
      'European shares inched higher on Friday, on track for a weekly gain, as investors positioned for an expected U.S. interest rate cut next week and digested the European Central Bank’s decision to leave borrowing costs unchanged.',
      'The pan-European STOXX 600 index was up 0.2% at 0805 GMT, with mining stocks leading gains as copper prices firmed.',
      'Technology shares were mixed, while defensive sectors such as utilities and healthcare slipped slightly.',
      '“Markets are in wait-and-see mode ahead of the Fed,” said Helen Marsh, a strategist at Arbor Lane Capital. “Absent a surprise, the path of least resistance is modestly higher.”',
      '(Reporting by Nikhil Varma in Bengaluru; Editing by Sonia Patel)',
    ],
    publishedAt: '2025-09-12T08:05:00Z',
  },
  barges: {
    key: 'dutch-inland-shipping-crewless-barge-trials',
    headline: 'Dutch inland shipping firms begin trials of crewless barges',
    teaser: 'Two Dutch inland shipping companies began trials of remotely monitored barges between Rotterdam and the Belgian border.',
    bylines: ['Bart van Dijk'],
    dateline: 'ROTTERDAM',
    section: 'Business',
    tags: ['Shipping', 'Netherlands', 'Autonomous vehicles'],
    paragraphs: [
      'Two Dutch inland shipping companies on Friday began trials of remotely monitored barges on a canal route between Rotterdam and the Belgian border, testing whether automation can ease a chronic shortage of skippers.',
      'The vessels, each carrying up to 40 containers, will sail with a reduced crew on board for the first six months while operators at a control centre in Rotterdam watch live sensor and camera feeds, the companies said in a joint statement.',
      'Inland shipping moves roughly a third of the containers entering and leaving the port of Rotterdam, but the industry says many skippers are nearing retirement age and too few young people are joining.',
      '(Reporting by Bart van Dijk; Editing by Maria Lund)',
    ],
    publishedAt: '2025-09-12T09:30:00Z',
  },
  champagne: {
    key: 'rain-interrupts-champagne-grape-harvest',
    headline: 'Rain interrupts Champagne grape harvest as growers fear mildew',
    teaser: 'Heavy rain halted picking across parts of France’s Champagne region a week into the harvest.',
    bylines: ['Elise Moreau'],
    dateline: 'REIMS, France',
    section: 'World',
    tags: ['Europe', 'France', 'Agriculture'],
    paragraphs: [
      'Heavy rain halted picking across parts of France’s Champagne region on Friday, a week into a harvest that growers had hoped would make up for two small crops in a row.',
      'Growers in the Marne valley said downpours on Thursday and Friday had raised the risk of mildew and rot in the last parcels still on the vine.',
      '“The grapes that are in are very good. What is left is a race against the weather,” said Julien Marceau, who farms 12 hectares near Epernay.',
      '(Reporting by Elise Moreau; Editing by Claire Hughes)',
    ],
    publishedAt: '2025-09-12T14:40:00Z',
  },
} satisfies Record<string, Story>;

/** The closing story replaces the morning report under the same id: full content, so no page is needed. */
export const REUTERS_STOCKS_CLOSE: Revision = {
  headline: 'European shares close higher for the week as miners lead gains',
  teaser: 'European shares closed higher on Friday and notched a second straight weekly gain.',
  paragraphs: [
    'European shares closed higher on Friday and notched a second straight weekly gain, as investors positioned for an expected U.S. interest rate cut next week and mining stocks rallied on firmer metal prices.',
    'The pan-European STOXX 600 index ended 0.4% higher and rose 1.1% over the week. The basic resources sector climbed 1.8%.',
    'Technology shares were mixed, while defensive sectors such as utilities and healthcare lagged.',
    '“Markets are in wait-and-see mode ahead of the Fed,” said Helen Marsh, a strategist at Arbor Lane Capital. “Absent a surprise, the path of least resistance is modestly higher.”',
    '(Reporting by Nikhil Varma in Bengaluru; Additional reporting by Elise Moreau in Paris; Editing by Sonia Patel)',
  ],
  updatedAt: '2025-09-12T15:52:00Z',
};

/** Entries sent as inline XHTML rather than escaped HTML: wire feeds mix both. */
const XHTML = new Set([REUTERS_STORIES.barges.key]);

function lead(story: Story): string {
  const day = zoned(story.publishedAt, 'Europe/London', 'd');
  const month = MONTHS[Number(zoned(story.publishedAt, 'Europe/London', 'M')) - 1];
  return `${story.dateline}, ${month} ${day} (Reuters) - `;
}

/** Reuters World News: an Atom feed with the full story in every entry. */
export const reuters: Site = {
  id: 'reuters',
  name: 'Reuters World News',
  feedPath: FEED_PATH,
  format: 'atom',
  partial: false,
  timeZone: 'Europe/London',
  documents(stories, origin) {
    const entries = byRecency(stories).map((story) => {
      const [first = '', ...rest] = story.paragraphs;
      const markup = paragraphsHtml([`${lead(story)}${first}`, ...rest]);
      return {
        id: `tag:reuters.com,2025:newsml_L8N${hexId(story.key, 7).toUpperCase()}`,
        title: story.headline,
        link: `${origin}/reuters/${story.section.toLowerCase()}/${story.key}-${story.publishedAt.slice(0, 10)}/`,
        published: story.publishedAt,
        updated: lastChange(story),
        authors: story.bylines,
        categories: story.tags,
        summary: story.teaser,
        content: { type: XHTML.has(story.key) ? ('xhtml' as const) : ('html' as const), markup },
      };
    });
    const feed = renderAtom(
      {
        id: `${origin}${FEED_PATH}`,
        title: 'Reuters World News',
        selfUrl: `${origin}${FEED_PATH}`,
        link: `${origin}/reuters/world/`,
        rights: `© ${newest(stories).slice(0, 4)} Reuters. All rights reserved.`,
        updated: newest(stories),
      },
      entries,
    );
    return [{ path: FEED_PATH, contentType: TYPES.atom, body: feed, modifiedAt: newest(stories) }];
  },
};
