import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../src/parsers/cleaners/text.js';
import { siteStrategy, type SiteSpec } from '../../../src/parsers/html/site.js';
import { apnews } from '../../../src/parsers/html/sites/apnews.js';
import { bbc } from '../../../src/parsers/html/sites/bbc.js';
import { cnn } from '../../../src/parsers/html/sites/cnn.js';
import { siteFor } from '../../../src/parsers/html/sites/index.js';
import { nbcnews } from '../../../src/parsers/html/sites/nbcnews.js';
import { newser } from '../../../src/parsers/html/sites/newser.js';
import { npr } from '../../../src/parsers/html/sites/npr.js';
import { nytimes } from '../../../src/parsers/html/sites/nytimes.js';
import { radioCanada } from '../../../src/parsers/html/sites/radio-canada.js';
import { slate } from '../../../src/parsers/html/sites/slate.js';
import { reuters } from '../../../src/parsers/html/sites/reuters.js';
import { theguardian } from '../../../src/parsers/html/sites/theguardian.js';
import type { PageFields } from '../../../src/parsers/html/strategy.js';
import { ALL_FIELDS, fixturePage, htmlPage } from './pages.js';

/**
 * Each site map alone on its fixture, with embedded data and the generic extractor switched off:
 * a selector that stops matching fails here, instead of being hidden by a fallback.
 */
function siteOnly(spec: SiteSpec, fixture: string): PageFields & { text: string } {
  const found = siteStrategy(spec).extract(fixturePage(fixture), ALL_FIELDS);
  return { ...found, text: htmlToText(found.bodyHtml ?? '') };
}

describe('site registry', () => {
  it.each([
    ['apnews.com', 'apnews'],
    ['www.cnn.com', 'cnn'],
    ['edition.cnn.com', 'cnn'],
    ['www.reuters.com', 'reuters'],
    ['www.bbc.co.uk', 'bbc'],
    ['www.bbc.com', 'bbc'],
    ['www.theguardian.com', 'theguardian'],
    ['www.npr.org', 'npr'],
    ['www.nbcnews.com', 'nbcnews'],
    ['www.msnbc.com', 'nbcnews'],
    ['www.today.com', 'nbcnews'],
    ['www.newser.com', 'newser'],
    ['ici.radio-canada.ca', 'radio-canada'],
    ['www.nytimes.com', 'nytimes'],
    ['www.slate.com', 'slate'],
  ])('%s → %s', (host, name) => {
    expect(siteFor(host.replace(/^www\./, ''))?.name).toBe(name);
  });

  it('has no map for other hosts, nor for look-alike domains', () => {
    expect(siteFor('example.com')).toBeUndefined();
    expect(siteFor('notcnn.com')).toBeUndefined();
    expect(siteFor('cnn.com.evil.example')).toBeUndefined();
    expect(siteFor(null)).toBeUndefined();
  });
});

describe('AP (apnews.com)', () => {
  const found = siteOnly(apnews, 'apnews-la-crosse-flooding');

  it('reads the Brightspot layout', () => {
    expect(found.headline).toBe('Mississippi River crests at La Crosse as volunteers stack sandbags');
    expect(found.bylines).toEqual(['By JANE HOLLOWAY and MARCUS REID']);
  });

  it('keeps the zone-less published time for the site zone (UTC) to read', () => {
    expect(apnews.timeZone).toBe('UTC');
    expect(found.publishedAt).toBe('2025-04-18T14:05:11');
    expect(found.updatedAt).toBe('2025-04-18T17:22:40.517Z');
  });

  it('takes the lead photo from above the story, with its AP credit in the caption', () => {
    expect(found.images?.[0]).toMatchObject({
      caption: 'Volunteers stack sandbags along the Mississippi River in La Crosse, Wis., Thursday, April 17, 2025. (AP Photo/Erin Lindqvist)',
      credit: null,
    });
    expect(found.images?.[0]?.url).toContain('resize/1198x798');
  });

  it('keeps the dateline lead in the body and drops the enhancements', () => {
    expect(found.text.startsWith('LA CROSSE, Wis. (AP) — The Mississippi River crested Friday')).toBe(true);
    expect(found.text).not.toContain('ADVERTISEMENT');
    expect(found.text).not.toContain('Flood warnings spread');
  });
});

describe('CNN', () => {
  const found = siteOnly(cnn, 'cnn-belarus-airline-sanctions');

  it('reads headline, byline with CNN, and the "Updated" timestamp', () => {
    expect(found.headline).toBe('Belarus frees 52 prisoners as US lifts sanctions on national airline');
    expect(found.bylines).toEqual(['By Lena Markovic, Seán Ó Briain and Daniel Okafor, CNN']);
    expect(found.updatedAt).toBe('3:15 PM EDT, Fri September 12, 2025');
    // The page prints only "Updated": the published time comes from embedded data.
    expect(found.publishedAt).toBeUndefined();
  });

  it('takes the dateline from the cite and keeps it out of the body', () => {
    expect(found.dateline).toBe('Vilnius, Lithuania');
    expect(found.text.startsWith('Belarus freed 52 political prisoners on Thursday')).toBe(true);
    expect(found.text).toContain('according to Reuters');
    expect(found.text).not.toContain('Belarus frees opposition figure');
  });

  it('splits the photo credit the caption ends with', () => {
    expect(found.images?.[0]).toMatchObject({ caption: 'Released prisoners arrive at the US embassy in Vilnius, Lithuania, on Thursday. Ints Kalnins/Reuters' });
  });
});

describe('Reuters', () => {
  const found = siteOnly(reuters, 'reuters-oil-prices');

  it('reads the data-testid layout', () => {
    expect(found.headline).toBe('Oil steadies as traders weigh Middle East supply risks against demand worries');
    expect(found.bylines).toEqual(['By Ahmad Ghaddar and Colleen Howe']);
    expect(found.publishedAt).toBe('2025-09-12T07:42:18Z');
    expect(found.tags).toEqual(['Commodities', 'Energy Markets']);
  });

  it('keeps the paragraphs and leaves the toolbar and promos out', () => {
    expect(found.text.startsWith('LONDON, Sept 12 (Reuters) - Oil prices were little changed')).toBe(true);
    expect(found.text).toContain('Reporting by Ahmad Ghaddar');
    expect(found.text).not.toContain('Sign up');
    expect(found.text).not.toContain('Share');
  });
});

describe('BBC', () => {
  const found = siteOnly(bbc, 'bbc-storm-scotland');

  it('reads the data-component blocks', () => {
    expect(found.headline).toBe('Storm Amy: Trains cancelled and ferries halted as gusts hit Scotland');
    // The role under the name ("BBC Scotland News") is not a name.
    expect(found.bylines).toEqual(['Catriona Lennox']);
    expect(found.publishedAt).toBe('2025-10-03T06:12:44.000Z');
    expect(found.tags).toEqual(['Weather', 'Scotland transport', 'Storms']);
  });

  it('keeps the text blocks and subheads, without headline, byline, links and tags', () => {
    expect(found.text.startsWith('Trains have been cancelled and ferry crossings halted')).toBe(true);
    expect(found.text).toContain('Ferries cancelled');
    for (const furniture of ['Storm Amy: Trains', 'Catriona Lennox', 'More on this story', 'Scotland transport', 'Storm names']) {
      expect(found.text).not.toContain(furniture);
    }
  });
});

describe('the Guardian', () => {
  const found = siteOnly(theguardian, 'theguardian-heatwave-seville');

  it('reads headline, standfirst and contributors, and the place filed from as the dateline', () => {
    expect(found.headline).toBe('Seville swelters as Spain records its hottest June night');
    expect(found.subheadline).toBe('Minimum temperature of 29.4C in Andalusian capital adds to fears over heat-related deaths as authorities open cooling centres');
    expect(found.bylines).toEqual(['Ruth Adeyemi', 'Tom Castell']);
    expect(found.dateline).toBe('Seville');
    expect(found.tags).toEqual(['Spain', 'Heatwaves', 'Climate crisis', 'Europe']);
  });

  it('takes the lead photo with its "Photograph:" credit in the caption, and leaves rich links out', () => {
    expect(found.images?.[0]?.caption).toBe('People cool off in a fountain in the Plaza de España in Seville on Sunday. Photograph: Cristina Quicler/AFP/Getty Images');
    expect(found.text.startsWith('Seville has recorded its hottest June night')).toBe(true);
    expect(found.text).not.toContain('Europe swelters in early summer heatwave');
  });
});

describe('NPR', () => {
  const found = siteOnly(npr, 'npr-school-lunch');

  it('reads the story title, byline, slug and tags', () => {
    expect(found.headline).toBe('Free school meals program expands to 3 more states');
    expect(found.bylines).toEqual(['Maya Thornbury']);
    expect(found.publishedAt).toBe('2025-08-21T05:00:14-04:00');
    expect(found.section).toBe('Education');
    expect(found.tags).toEqual(['school meals', 'child nutrition']);
  });

  it('takes the image bucket with its caption and credit, and leaves controls and internal links out', () => {
    expect(found.images?.[0]).toMatchObject({
      caption: 'Students pick up trays in a school cafeteria in Albuquerque, N.M., on Aug. 14.',
      credit: 'Adria Malcolm for NPR',
    });
    expect(found.text.startsWith('Starting this fall')).toBe(true);
    for (const furniture of ['toggle caption', 'States weigh the cost', 'Sponsor Message', 'Adria Malcolm']) expect(found.text).not.toContain(furniture);
  });
});

describe('NBC News', () => {
  const found = siteOnly(nbcnews, 'nbcnews-wildfire-evacuations');

  it('reads the hero, dek, names and unibrow', () => {
    expect(found.headline).toBe('Thousands ordered to evacuate as wildfire jumps highway in Northern California');
    expect(found.subheadline).toBe('The fire, which started Thursday afternoon near Red Bluff, had burned more than 18,000 acres by Friday morning.');
    expect(found.bylines).toEqual(['Rosa Delgado', 'Kevin Tran']);
    expect(found.section).toBe('U.S. News');
  });

  it('splits the one time element into published and updated', () => {
    expect(found.publishedAt).toBe('Sept. 12, 2025, 9:05 AM EDT');
    expect(found.updatedAt).toBe('Sept. 12, 2025, 11:40 AM EDT');
  });

  it('takes the hero photo with its credit apart', () => {
    expect(found.images?.[0]).toMatchObject({
      caption: 'A firefighter watches the Tehama Fire burn near Red Bluff, Calif., on Thursday.',
      credit: 'Josh Edelson / AFP - Getty Images',
    });
    expect(found.text).not.toContain('Recommended');
  });
});

describe('Newser', () => {
  const found = siteOnly(newser, 'newser-belarus-prisoners');

  it('reads every field a reader sees', () => {
    expect(found).toMatchObject({
      headline: 'Belarus Frees 52 Prisoners as Leaders Praise Trump',
      subheadline: 'Political prisoners were released into Lithuania',
      bylines: ['By Newser Editors and Wire Services'],
      publishedAt: 'Sep 12, 2025 7:42 AM CDT',
      section: 'World',
      tags: ['Belarus'],
      related: [{ headline: 'US Lifts Airline Sanctions as Belarus Frees Prisoners', url: 'https://www.newser.com/story/376055/us-lifts-airline-sanctions-as-belarus-frees-prisoners.html' }],
    });
    expect(newser.timeZone).toBe('America/Chicago');
    expect(found.images?.[0]?.caption).toBe(
      "Lithuania's President Gitanas Nauseda speaks at the presidential palace in Vilnius, Lithuania, Monday, Sept. 8, 2025. (AP Photo/Mindaugas Kulbis, File)",
    );
    expect(found.text.split('\n').filter(Boolean)).toHaveLength(7);
  });
});

describe('Radio-Canada', () => {
  it('reads the Dublin Core dates as clock times, not the "+00:00" time element (also from an archive that wrote content as value)', () => {
    const head = '<meta name="dc.date.created" content="2017-03-13|19h18"><meta name="dc.date.modified" value="2017-03-13|21h15">';
    const page = htmlPage(`<html><head>${head}</head><body><time datetime="2017-03-13 19:18:46.402+00:00">Publié le 13 mars 2017</time></body></html>`, 'https://ici.radio-canada.ca/nouvelle/1');
    expect(siteStrategy(radioCanada).extract(page, ALL_FIELDS)).toMatchObject({ publishedAt: '2017-03-13 19:18', updatedAt: '2017-03-13 21:15' });
    expect(radioCanada.timeZone).toBe('America/Toronto');
  });
});

describe('New York Times', () => {
  it('takes a graphics page’s g-headline over its template’s itemprop headline', () => {
    const body = '<header><h1 class="story-heading" itemprop="headline">The National Museum of African American History</h1></header><div class="g-header"><h1 class="g-headline">I, Too, Sing America</h1></div>';
    const page = htmlPage(`<html><body>${body}</body></html>`, 'https://www.nytimes.com/interactive/2016/09/15/arts/museum.html');
    expect(siteStrategy(nytimes).extract(page, ALL_FIELDS).headline).toBe('I, Too, Sing America');
  });
});

describe('Slate', () => {
  it('takes the article header’s headline, dek and New York time, not the sticky bar’s social title', () => {
    const body =
      '<header class="roll-up"><h1 class="primary">Trump’s Promises Were a Con</h1></header>' +
      '<header class="article-header"><div class="meta"><div class="pub-date">March 9 2017 4:21 PM</div></div><h1 class="hed">Broken Pledge</h1><h2 class="dek">Trump’s promises have proved to be a con.</h2></header>';
    const page = htmlPage(`<html><body>${body}</body></html>`, 'https://www.slate.com/articles/news_and_politics/politics/2017/03/con.html');
    expect(siteStrategy(slate).extract(page, ALL_FIELDS)).toMatchObject({ headline: 'Broken Pledge', subheadline: 'Trump’s promises have proved to be a con.', publishedAt: 'March 9 2017 4:21 PM' });
  });
});
