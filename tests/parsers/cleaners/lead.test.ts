import { describe, expect, it } from 'vitest';
import { stripLeadText } from '../../../src/parsers/cleaners/lead.js';

describe('stripLeadText', () => {
  it('removes a dateline prefix that spans elements, keeping characters as they are', () => {
    expect(stripLeadText('<p><b>LA CROSSE</b>, Wis. (AP) — Tomás said “yes” &amp; left.</p>', 'LA CROSSE, Wis. (AP) — ')).toBe(
      '<p><b></b>Tomás said “yes” &amp; left.</p>',
    );
  });

  it('leaves the HTML alone when the text does not start with the prefix', () => {
    const html = '<p>WASHINGTON — A senator said.</p>';
    expect(stripLeadText(html, 'LONDON — ')).toBe(html);
  });
});
