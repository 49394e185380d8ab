/**
 * Deterministic wire-like feeds for benchmarks: RSS 2.0 with full `content:encoded` bodies of
 * realistic length (an AP story is 500–900 words), built from a seeded generator so every run
 * parses the same bytes.
 */
const WORDS = (
  'officials said the government announced on thursday that talks would continue after a week of ' +
  'protests in the capital where thousands gathered to demand reforms police estimated the crowd at ' +
  'several thousand while organizers put it higher the minister told reporters that the measures were ' +
  'temporary and that parliament would review them next month analysts said the decision could affect ' +
  'markets across the region investors reacted cautiously and shares fell in early trading before ' +
  'recovering by the afternoon the central bank kept interest rates unchanged citing inflation and ' +
  'slowing growth in the third quarter residents described long lines at fuel stations and closed schools'
).split(' ');
const PLACES = ['WASHINGTON', 'LONDON', 'VILNIUS, Lithuania', 'MEXICO CITY', 'LA CROSSE, Wis.', 'TOKYO', 'NAIROBI, Kenya'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number): string {
  const length = 12 + Math.floor(next() * 18);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  return `${words[0]!.charAt(0).toUpperCase()}${words.join(' ').slice(1)}.`;
}

export function benchFeed(feedIndex: number, items: number): string {
  const next = random(feedIndex + 1);
  const entries = Array.from({ length: items }, (_, i) => {
    const paragraphs = Array.from({ length: 14 + Math.floor(next() * 10) }, () => `<p>${[sentence(next), sentence(next), sentence(next)].join(' ')}</p>`);
    paragraphs[0] = `<p>${PLACES[i % PLACES.length]} (AP) — ${paragraphs[0]!.slice(3)}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `<item><title>${sentence(next).slice(0, 80)}</title><link>https://wire.example/${feedIndex}/${i}</link>
<guid isPermaLink="false">bench-${feedIndex}-${i}</guid><dc:creator>By Jane Roe and John Doe, Associated Press</dc:creator>
<pubDate>Fri, ${day} Sep 2025 12:42:00 GMT</pubDate><category>World</category>
<content:encoded><![CDATA[${paragraphs.join('\n')}<figure><img src="https://wire.example/photo/${i}.jpg"><figcaption>A scene in the capital. (AP Photo/Jane Roe)</figcaption></figure>]]></content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Bench wire ${feedIndex}</title><link>https://wire.example/</link><language>en-us</language>
${entries.join('\n')}
</channel></rss>`;
}
