import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseStories } from '../../../src/parsers/parse.js';
import type { Story } from '../../../src/schema/story.js';

/**
 * The Newser story wiredesk started from (../shared/seed/): every field a reader sees on the page
 * must come out as data. The fixture is a Newser-style page holding exactly that story.
 */
const FIXTURE = new URL('../../fixtures/html/newser-belarus-prisoners.html', import.meta.url);
const URL_OF_PAGE = 'https://www.newser.com/story/376102/belarus-frees-52-prisoners-as-leaders-praise-trump.html';

const LEAD =
  "Belarus freed 52 political prisoners on Thursday, as the United States announced it was lifting sanctions on the isolated country's national airline. After the prisoners were released into Lithuania, both countries thanked President Trump for his involvement, CNN reports.";
const BULLETS = [
  "Belarus, a close ally of Russia, has been repeatedly slapped with Western sanctions both for its authoritarian government's crackdown on human rights and its role in Moscow's invasion of Ukraine in 2022, the AP reports. Its president, Alexander Lukashenko, has ruled the nation of 9.5 million with an iron fist for more than three decades, and allowed the Kremlin to use Belarusian territory to send troops and weapons into Ukraine.",
  "But for more than a year, Lukashenko has sought to mend ties with the West in the hopes of easing the sanctions and the country's international isolation. He has regularly released prisoners as a way to win favor. In June, Belarus freed Siarhei Tsikhanouski, a key dissident figure and the husband of exiled opposition leader Sviatlana Tsikhanouskaya, and 13 others following a visit by a senior Trump administration envoy.",
  "Among those released Thursday were 14 foreigners—six Lithuanians, two Latvians, two Poles, two Germans, one French national, and one UK national—according to the Belarusian presidency's press service.",
  'In a post on X, Lithuanian President Gitanas Nauseda said the prisoners left behind "barbed wire, barred windows and constant fear." He said he was "deeply grateful" to the US and personally to Trump for their efforts to free political prisoners. He said 52 is "a great many." "Yet more than 1,000 political prisoners still remain in Belarusian prisons and we cannot stop until they see freedom!"',
  'Shortly before the release became public on Thursday, Belarusian state media posted a video of US envoy John Coale announcing that Washington had lifted sanctions on Belarus national air carrier, Belavia. The airline was sanctioned by the European Union, the US, and others after Belarusian flight controllers ordered a commercial jet traveling from Greece to Lithuania to land in Minsk. Once the plane landed, authorities arrested Raman Pratasevich, a dissident journalist who was on board.',
  'Coale said he met with Lukashenko Thursday and they discussed issues "including additional prisoner releases and regional security issues, like ending the weaponization of illegal migration from Belarus into neighboring NATO countries," CNN reports. In his opening statement at the meeting, Lukashenko said he wanted to thank Trump "not because I want to flatter him, that\'s foreign to me—for the efforts he is making toward peace, primarily in our region."',
];

describe('the founding story (Newser, Sep 12, 2025)', () => {
  let story: Story;

  beforeAll(() => {
    // The source's own zone is New York: the page's "CDT" must win over it.
    const result = parseStories(readFileSync(FIXTURE), { url: URL_OF_PAGE, defaultTimeZone: 'America/New_York' });
    expect(result.stories).toHaveLength(1);
    story = result.stories[0]!;
  });

  it('is read by the Newser site map', () => {
    expect(story.parser).toBe('html');
    expect(story.extraction).toMatchObject({
      headline: 'site:newser',
      subheadline: 'site:newser',
      bylines: 'site:newser',
      publishedAt: 'site:newser',
      section: 'site:newser',
      tags: 'site:newser',
      related: 'site:newser',
      images: 'site:newser',
      bodyHtml: 'site:newser',
    });
  });

  it('has the section and tag shown above the headline', () => {
    expect(story.section).toBe('World');
    expect(story.tags).toEqual(['Belarus']);
  });

  it('has the headline and the dek', () => {
    expect(story.headline).toBe('Belarus Frees 52 Prisoners as Leaders Praise Trump');
    expect(story.subheadline).toBe('Political prisoners were released into Lithuania');
  });

  it('splits the group byline as the byline cleaner documents it', () => {
    // "By Newser Editors and Wire Services": a group byline with its outlet, then a generic group.
    expect(story.bylines).toEqual([{ name: 'Newser Editors', organization: 'Newser' }, { name: 'Wire Services' }]);
  });

  it('reads the posted time in its US zone and keeps the raw string', () => {
    expect(story.publishedAt).toBe('2025-09-12T12:42:00Z');
    expect(story.rawDates.publishedAt).toBe('Sep 12, 2025 7:42 AM CDT');
    expect(story.updatedAt).toBeNull();
  });

  it('keeps the photo with its caption and its credit apart', () => {
    expect(story.images).toHaveLength(1);
    const [photo] = story.images;
    expect(photo).toMatchObject({
      url: 'https://img1-azrcdn.newser.com/square-image/1612841-12-20250912074208.jpeg',
      caption: "Lithuania's President Gitanas Nauseda speaks at the presidential palace in Vilnius, Lithuania, Monday, Sept. 8, 2025.",
      credit: 'AP Photo/Mindaugas Kulbis, File',
      width: 800,
      height: 533,
    });
  });

  it('has the lead paragraph and each bullet as its own line', () => {
    const lines = story.bodyText.split('\n');
    expect(lines[0]).toBe(LEAD);
    for (const bullet of BULLETS) expect(lines).toContain(bullet);
    expect(story.bodyText).toBe([LEAD, BULLETS.join('\n')].join('\n\n'));
    expect(story.bodyHtml).toMatch(/^<p>Belarus freed 52 political prisoners/);
    expect(story.bodyHtml.match(/<li>/g)).toHaveLength(BULLETS.length);
  });

  it('leaves the page furniture out of the body', () => {
    for (const furniture of ['Read These Next', 'Most Popular', 'Share', 'Copyright', 'US Lifts Airline Sanctions', 'AP Photo']) {
      expect(story.bodyText).not.toContain(furniture);
    }
  });

  it('links the related story', () => {
    expect(story.related).toEqual([
      { headline: 'US Lifts Airline Sanctions as Belarus Frees Prisoners', url: 'https://www.newser.com/story/376055/us-lifts-airline-sanctions-as-belarus-frees-prisoners.html' },
    ]);
  });

  it('credits the wires it rewrites', () => {
    expect(story.credits).toEqual(expect.arrayContaining(['AP', 'CNN']));
  });

  it('knows its language, address and identity', () => {
    expect(story.language).toBe('en');
    expect(story.url).toBe(URL_OF_PAGE);
    expect(story.id).toBe(URL_OF_PAGE);
    // Newser prints no dateline: the story is a rewrite, not a dispatch.
    expect(story.dateline).toBeNull();
  });
});
