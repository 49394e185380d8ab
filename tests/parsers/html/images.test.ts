import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeImages } from '../../../src/parsers/html/images.js';

describe('mergeImages', () => {
  it('keeps each picture once, where it came first, filling what it lacks from its other copies', () => {
    const merged = mergeImages([
      { from: 'json-ld', images: [{ url: 'https://cdn.example.com/photos/flood-20250417-0412.jpg?w=1200&h=630&crop=1', width: 1200, height: 630 }] },
      {
        from: 'generic',
        images: [
          { url: 'https://cdn.example.com/photos/flood-20250417-0412.jpg?w=640', caption: 'Sandbags in La Crosse.', credit: '(AP Photo/Erin Lindqvist)', alt: 'Sandbags' },
          { url: 'https://cdn.example.com/photos/river-20250417-0415.jpg', caption: 'The river at dawn.' },
        ],
      },
    ]);
    expect(merged.images).toEqual([
      { url: 'https://cdn.example.com/photos/flood-20250417-0412.jpg?w=1200&h=630&crop=1', width: 1200, height: 630, caption: 'Sandbags in La Crosse.', credit: 'AP Photo/Erin Lindqvist', alt: 'Sandbags' },
      { url: 'https://cdn.example.com/photos/river-20250417-0415.jpg', caption: 'The river at dawn.' },
    ]);
    expect(merged.from).toEqual(['json-ld', 'generic']);
  });

  it('recognises renditions: crops filed apart, WordPress sizes, rendering paths, resizers naming the original', () => {
    const same = (a: string, b: string) => mergeImages([{ from: 'x', images: [{ url: a }, { url: b }] }]).images.length === 1;
    expect(same('https://img.example.com/image/1612841-12-20250912074208.jpeg', 'https://img.example.com/square-image/1612841-12-20250912074208.jpeg')).toBe(true);
    expect(same('https://example.com/wp-content/uploads/2025/09/council-vote-1024x683.jpg', 'https://example.com/wp-content/uploads/2025/09/council-vote.jpg')).toBe(true);
    expect(same('https://media.example.com/image/upload/t_fit-1120w,f_auto,q_auto:best/news/1183917/council.jpg', 'https://media.example.com/image/upload/c_fill,w_600/news/1183917/council.jpg')).toBe(true);
    expect(same('https://dims.example.com/resize/1440x960!/?url=https%3A%2F%2Fassets.example.com%2Fa1%2Fflooding.jpg', 'https://dims.example.com/resize/600x400!/?url=https%3A%2F%2Fassets.example.com%2Fa1%2Fflooding.jpg')).toBe(true);
    expect(same('https://i.example.co.uk/img/media/3c2b/master/5000.jpg?width=620&dpr=2&s=abc', 'https://i.example.co.uk/img/media/3c2b/master/5000.jpg?width=1200&quality=85')).toBe(true);
    expect(same('https://media.example.com/j/newscms/2016_45/161110-nasa-spacex_ea6b06bb.fit-760w.jpg', 'https://media.example.com/j/newscms/2016_45/161110-nasa-spacex_ea6b06bb.nbcnews-fp-1200-630.jpg')).toBe(true);
    expect(same('https://cdn3.example.com/img/1JaR=/670x503/2014/03/21/mark-zuckerberg-home.jpg', 'https://cdn1.example.com/img/nAMd=/570x0/2014/03/21/mark-zuckerberg-home.jpg')).toBe(true);
    expect(same('https://cms.example.org/images/42584/fill-1200x650/', 'https://cms.example.org/images/42584/fill-640x426|format-jpeg|jpegquality-80/')).toBe(true);
    expect(same('https://o.example.com/images/dims?thumbnail=640%2C480&amp;image_uri=https%3A%2F%2Fs.example.com%2Fa.jpg', 'https://o.example.com/images/dims?resize=1600&image_uri=https%3A%2F%2Fs.example.com%2Fa.jpg')).toBe(true);
  });

  it('keeps different pictures apart, also when their short file names agree', () => {
    const same = (a: string, b: string) => mergeImages([{ from: 'x', images: [{ url: a }, { url: b }] }]).images.length === 1;
    expect(same('https://i.example.co.uk/img/media/3c2b/master/5000.jpg', 'https://i.example.co.uk/img/media/9f8e/master/5000.jpg')).toBe(false);
    expect(same('https://example.com/image.php?id=5', 'https://example.com/image.php?id=6')).toBe(false);
    expect(same('https://example.com/shots/Screen-Shot-2016-12-01-at-10.15.32-AM.png', 'https://example.com/shots/Screen-Shot-2016-12-01-at-10.16.05-AM.png')).toBe(false);
  });

  it('never throws, and never returns more images than it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.webUrl({ withQueryParameters: true }), fc.string({ maxLength: 60 })), { maxLength: 8 }), (urls) => {
        const merged = mergeImages([{ from: 'x', images: urls.map((url) => ({ url, credit: url.slice(0, 5) })) }]);
        expect(merged.images.length).toBeLessThanOrEqual(urls.length);
      }),
    );
  });
});
