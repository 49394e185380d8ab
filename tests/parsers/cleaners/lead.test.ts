import { describe, expect, it } from 'vitest';
import { stripLeadText } from '../../../src/parsers/cleaners/lead.js';

describe('stripLeadText', () => {
  it('removes a dateline prefix that spans elements, keeping characters as they are', () => {
    expect(stripLeadText('<p><b>LA CROSSE</b>, Wis. (AP) — Tomás said “yes” &amp; left.</p>', 'LA CROSSE, Wis. (AP) — ')).toBe(
      '<p>Tomás said “yes” &amp; left.</p>',
    );
  });

  it('removes whole leading blocks the prefix covers, and nothing around an image', () => {
    expect(stripLeadText('<h2>Fan <em>backlash</em></h2><p>Updated 3:15 p.m.</p><p>Once the season ends.</p>', 'Fan backlash\n\nUpdated 3:15 p.m.\n\n')).toBe('<p>Once the season ends.</p>');
    expect(stripLeadText('<figure><img src="https://x.test/a.jpg"><figcaption>By Jane Doe</figcaption></figure><p>Text.</p>', 'By Jane Doe\n\n')).toBe(
      '<figure><img src="https://x.test/a.jpg"></figure><p>Text.</p>',
    );
  });

  it('leaves the HTML alone when the text does not start with the prefix', () => {
    const html = '<p>WASHINGTON — A senator said.</p>';
    expect(stripLeadText(html, 'LONDON — ')).toBe(html);
  });
});
