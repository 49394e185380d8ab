import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../../src/parsers/cleaners/sanitize.js';

/** OWASP-style vectors: event handlers, script URLs (plain and obfuscated), active elements, mutation XSS. */
const VECTORS: ReadonlyArray<readonly [string, string]> = [
  ['script element', '<script>alert(1)</script>'],
  ['script with src', '<script src="https://evil.example/x.js"></script>'],
  ['uppercase script', '<SCRIPT>alert(1)</SCRIPT>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img onerror, quoted, with base', '<img src="/a.jpg" onerror="alert(1)">'],
  ['svg onload', '<svg onload=alert(1)>'],
  ['svg with script', '<svg><script>alert(1)</script></svg>'],
  ['body onload', '<body onload=alert(1)>'],
  ['javascript href', '<a href="javascript:alert(1)">x</a>'],
  ['mixed-case javascript href', '<a href="JaVaScRiPt:alert(1)">x</a>'],
  ['tab-split javascript href', '<a href="jav&#x09;ascript:alert(1)">x</a>'],
  ['newline-split javascript href', '<a href="jav&#x0A;ascript:alert(1)">x</a>'],
  ['entity-encoded javascript href', '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>'],
  ['leading-space javascript href', '<a href=" javascript:alert(1)">x</a>'],
  ['vbscript href', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data html href', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data image src', '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">'],
  ['javascript img src', '<img src="javascript:alert(1)">'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe src', '<iframe src="javascript:alert(1)"></iframe>'],
  ['object data', '<object data="javascript:alert(1)"></object>'],
  ['embed src', '<embed src="https://evil.example/x.swf">'],
  ['base href', '<base href="javascript:alert(1)//"><a href="/x">x</a>'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">'],
  ['form action', '<form action="javascript:alert(1)"><button>go</button></form>'],
  ['input formaction', '<input type="submit" formaction="javascript:alert(1)">'],
  ['style element', '<style>body{background:url("javascript:alert(1)")}</style>'],
  ['css expression', '<p style="width: expression(alert(1))">x</p>'],
  ['link stylesheet', '<link rel="stylesheet" href="javascript:alert(1)">'],
  ['math mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['svg style mutation', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'],
  ['details ontoggle', '<details open ontoggle=alert(1)>'],
  ['video poster', '<video poster=javascript:alert(1)></video>'],
  ['xlink href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>'],
  ['event handler on allowed tag', '<p onclick="alert(1)" onmouseover=alert(2)>x</p>'],
  ['handler after slash', '<img/src=x/onerror=alert(1)>'],
  ['template content', '<template><img src=x onerror=alert(1)></template>'],
  ['textarea breakout', '<textarea><img src=x onerror=alert(1)></textarea>'],
  ['title breakout', '<title><img src=x onerror=alert(1)></title>'],
  ['comment breakout', '<!--<img src="--><img src=x onerror=alert(1)//">'],
  ['cdata', '<![CDATA[<script>alert(1)</script>]]>'],
  ['unclosed attribute', '<a href="https://x.example/" onmouseover="alert(1)'],
];

describe('sanitizeHtml against XSS vectors', () => {
  it.each(VECTORS)('%s', (_name, vector) => {
    const out = sanitizeHtml(`<p>before</p>${vector}<p>after</p>`, { baseUrl: 'https://news.example.com/a/' });
    expect(out).not.toMatch(/\son[a-z]+\s*=/i);
    expect(out).not.toMatch(/(?:javascript|vbscript|data):/i);
    expect(out).not.toMatch(/<\s*\/?\s*(?:script|iframe|svg|math|style|object|embed|base|meta|form|input|link|template|textarea|title|noscript|video|details)\b/i);
    expect(out).not.toMatch(/\sstyle\s*=|\ssrcdoc\s*=|expression\(/i);
    expect(out).toContain('<p>before</p>');
  });
});
