/**
 * What article markup looks like, and what the furniture around it looks like: tag sets and
 * class/id patterns shared by the content scorer and the body cleaner. Patterns run on
 * `class + " " + id`, lower-cased, once per element.
 */

/** Never reader-visible story text, wherever they appear. */
export const JUNK_TAGS: ReadonlySet<string> = new Set([
  ...['script', 'style', 'noscript', 'template', 'title', 'head', 'meta', 'link', 'base', 'svg', 'math', 'canvas'],
  ...['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'video', 'audio', 'source', 'track', 'map', 'area'],
  ...['button', 'input', 'select', 'option', 'optgroup', 'textarea', 'label', 'output', 'progress', 'meter', 'dialog'],
]);

/** Page furniture by its tag: never part of the story body. */
export const FURNITURE_TAGS: ReadonlySet<string> = new Set(['nav', 'aside', 'menu']);

/** Furniture by tag only when small: some CMSs wrap the whole page in a form, or a story in a header. */
export const SOFT_FURNITURE_TAGS: ReadonlySet<string> = new Set(['form', 'footer', 'header', 'fieldset']);

/** ARIA roles of page furniture. */
export const FURNITURE_ROLES: ReadonlySet<string> = new Set([
  ...['navigation', 'menu', 'menubar', 'complementary', 'banner', 'contentinfo', 'search', 'alert', 'alertdialog'],
  ...['dialog', 'toolbar', 'tablist', 'button'],
]);

/** Elements that start a new block of text; anything else is inline and flows into its block. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  ...['address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'fieldset'],
  ...['figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li'],
  ...['main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'td'],
  ...['th', 'caption', 'ul', 'body', 'html'],
]);

export const HEADING_TAGS: ReadonlySet<string> = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Body blocks that hold text directly (a definition list's terms and definitions become paragraphs). */
export const TEXT_BLOCKS: ReadonlySet<string> = new Set(['p', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'dt', 'dd', 'pre', 'blockquote', 'td', 'th', 'caption']);
/** Body blocks kept as they are, holding other blocks. */
export const OUTER_BLOCKS: ReadonlySet<string> = new Set(['ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'tr']);
/** Headings kept in the body; the h1 is the headline. */
export const SUBHEADS: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
export const TABLE_PARTS: ReadonlySet<string> = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption']);
/** Inline markup kept in the body (what the story sanitizer allows); other inline elements give their text only. */
export const INLINE_KEPT: ReadonlySet<string> = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'code']);

/**
 * Readability's starting score per tag: containers that usually hold prose score up, lists,
 * forms and headings down.
 */
export function tagScore(name: string): number {
  switch (name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/;
const NEGATIVE =
  /(?:^|[\s_-])(?:ad|ads|hid|hidden)(?:$|[\s_-])|banner|combx|comment(?!ary)|com-|contact|footer|gdpr|masthead|media|meta|outbrain|taboola|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|social|newsletter|subscri/;

/** Readability's class weight: +25 for names that suggest the story, −25 for furniture. */
export function classWeight(names: string): number {
  if (names === ' ') return 0;
  return (NEGATIVE.test(names) ? -25 : 0) + (POSITIVE.test(names) ? 25 : 0);
}

const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment(?!ary)|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|outbrain|taboola|newsletter/;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/;

/** Names that make an element an unlikely home for the story (it still may be, if it says `content`…). */
export function isUnlikely(names: string): boolean {
  return UNLIKELY.test(names) && !MAYBE.test(names);
}

/**
 * Class or id words of furniture inside an article: share bars, related/recommended blocks,
 * newsletter sign-ups, ads, author boxes, tags, comments, captions and credits (taken with their
 * images). Matched against whole parts of class names (`share-bar` → `share`, `bar`), so that
 * `player-stats` or `shadow` do not count.
 */
const FURNITURE_WORDS: ReadonlySet<string> = new Set([
  ...['ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'dfp', 'gpt', 'sponsor', 'sponsored', 'promo'],
  ...['promos', 'promoted', 'promotion', 'share', 'shares', 'sharing', 'social', 'sociable', 'syndication', 'newsletter'],
  ...['newsletters', 'subscribe', 'subscription', 'signup', 'related', 'recommended', 'recommendations', 'recirc', 'trending'],
  ...['popular', 'outbrain', 'taboola', 'zergnet', 'revcontent', 'teaser', 'teasers', 'comment', 'comments', 'disqus'],
  ...['discussion', 'replies', 'breadcrumb', 'breadcrumbs', 'pagination', 'pager', 'modal', 'popup', 'overlay', 'cookie'],
  ...['cookies', 'consent', 'gdpr', 'paywall', 'regwall', 'login', 'signin', 'register', 'sidebar', 'widget', 'rail'],
  ...['masthead', 'footer', 'caption', 'credit', 'gallery', 'slideshow', 'carousel', 'video', 'podcast', 'embed', 'tags'],
  ...['tag', 'topics', 'meta', 'metadata', 'bio', 'byline', 'timestamp', 'toolbar', 'tools', 'print', 'email', 'rating'],
  ...['subnav', 'nav', 'navigation', 'menu', 'kicker', 'eyebrow', 'headline', 'contributor', 'contributors'],
]);
/** Furniture named by two or three words, however they are joined (`read-more`, `readMore`, `readmore`). */
const FURNITURE_PHRASES: ReadonlySet<string> = new Set([
  ...['readmore', 'alsoread', 'seealso', 'furtherreading', 'morestories', 'morearticles', 'morenews', 'morefrom', 'moreon'],
  ...['mostread', 'mostviewed', 'mostpopular', 'youmay', 'youmight', 'nextup', 'nextarticle', 'nextstory', 'authorbio'],
  ...['authorbox', 'authorinfo', 'authorcard', 'authordetails', 'aboutauthor', 'abouttheauthor', 'sharebar', 'sharetools'],
  ...['sharebuttons', 'sharelinks', 'addthis', 'sharethis', 'followus', 'inlinecta', 'paidcontent', 'nativead', 'sronly'],
  ...['screenreader', 'visuallyhidden', 'skiplink', 'jumplink', 'postnav', 'articlenav'],
]);
/** First words of those phrases (when not furniture words themselves): most words then cost one lookup. */
const PHRASE_STARTS: ReadonlySet<string> = new Set([
  ...['read', 'also', 'see', 'further', 'more', 'most', 'you', 'next', 'about', 'add', 'follow', 'inline', 'paid', 'native'],
  ...['sr', 'screen', 'visually', 'skip', 'jump', 'post', 'article'],
]);
const WORD_SPLIT = /[\s_-]+/;
const CAMEL_HUMP = /([a-z0-9])([A-Z])/g;
const UPPER = /[A-Z]/;

/** Class names that describe a state or a feature of the box, not what it is: `has-comments`, `no-ads`, `field-label-hidden`. */
const STATE_NAME = /^(?:has|with|without|no|is|show|hide|enable|enabled|disable|disabled)[-_]|[-_](?:hidden|enabled|disabled|visible|open|closed|active)$/i;

/** Lower-case words of class and id names: `share-bar imageEmbedCredit` → share, bar, image, embed, credit. */
function nameWords(rawNames: string): string[] {
  const words: string[] = [];
  for (const name of rawNames.split(' ')) {
    if (name === '' || STATE_NAME.test(name)) continue;
    const spaced = UPPER.test(name) ? name.replace(CAMEL_HUMP, '$1 $2').toLowerCase() : name;
    for (const word of spaced.split(WORD_SPLIT)) if (word !== '') words.push(word);
  }
  return words;
}

/** The story's own body, by the class names CMSs give it; such an element is never furniture. */
export const BODY_CLASS =
  /article-?body|article__body|articlebody|article-?content|article__content|article-?text|articletext|story-?body|story__body|storybody|story-?content|story-?text|entry-?content|entry-?body|post-?content|post-?body|post-?text|postbody|post-?entry|body-?text|bodytext|body-?copy|rich-?text|text-?body|content-?body|main-?text|article-?main|articlemain|field-?body|node-?body/;

/**
 * Furniture by class or id words. `rawNames` is `class + " " + id` as written: camelCase parts
 * count as words, and a phrase counts in any spelling. (A body class outranks this: see BODY_CLASS.)
 */
export function hasFurnitureName(rawNames: string): boolean {
  const words = nameWords(rawNames);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (FURNITURE_WORDS.has(word) || FURNITURE_PHRASES.has(word)) return true;
    if (!PHRASE_STARTS.has(word)) continue;
    const next = words[i + 1] ?? '';
    if (FURNITURE_PHRASES.has(word + next) || FURNITURE_PHRASES.has(word + next + (words[i + 2] ?? ''))) return true;
  }
  return false;
}

/** A wrapper whose job is to hold an image (its caption and credit go with it, not into the text). */
export const FIGURE_CLASS = /(?:^|[\s_-])(?:figure|image|img|photo|picture|media|wp-caption|lead-?art|lede-?art|thumbnail)(?:$|[\s_-])|image-?wrap|img-?wrap|photo-?wrap|inline-?image/;
export const CAPTION_CLASS = /caption|figcaption|legend|cutline/;
/** Inside a figure, where a credit or byline can only be the picture's. */
export const CREDIT_CLASS = /credit|copyright|byline|photographer|courtesy|source|attribution/;
/** Anywhere: a picture credit or copyright line, never story text. */
export const CREDIT_LINE_CLASS = /credit|copyright|photographer|courtesy/;

/**
 * Short lines that promote something else: "READ MORE: …", "Sign up for our newsletter", a lone
 * "Advertisement". Only tried on blocks shorter than PROMO_MAX_CHARS.
 */
export const PROMO_TEXT = new RegExp(
  [
    String.raw`^(?:advertisement|advertising|sponsored(?: content)?|ad|story continues below(?: advertisement)?|continue reading(?: (?:below|the main story))?|scroll to continue.*|skip (?:to|this) .*)$`,
    String.raw`^(?:read|see|watch|listen|click|tap)(?: (?:more|also|next|now|here|this|the full story|the full article|related))*\s*[:|»>]`,
    String.raw`^(?:related|more|also read|also|recommended|trending|popular|latest|top stories|most read|editor'?s picks?|photos?|video|watch|listen|gallery|slideshow|podcast)(?: (?:stories|articles|links|coverage|content|news|reading|story))?\s*[:|»>]`,
    String.raw`^(?:related(?: \w+)?|more (?:stories|articles|news|from|on|coverage|(?:great )?\w+ stories)|also read|recommended(?: \w+)?|you may also like|you might also like|read more|read next|up next|most popular|most read|share this(?: article| story)?|comments?|follow us)\b[^.!?]{0,40}(?:\.\.\.|…|:)?$`,
    String.raw`^(?:sign up|subscribe|register|get|join|want)\b.{0,120}\b(?:newsletter|our|email|e-mail|alerts|updates|briefing|digest|inbox|bulletin)\b`,
    String.raw`\b(?:sign up|subscribe)\b.{0,60}\b(?:newsletter|briefing|digest|inbox)\b`,
    String.raw`^(?:follow|like) (?:us|@\w+|\w+(?: \w+)? on (?:twitter|facebook|instagram|x))\b`,
    String.raw`^(?:click|tap) here\b`,
    String.raw`^share (?:this|on)\b|^(?:share|tweet|email|print|copy link|pin it)$`,
  ].join('|'),
  'i',
);
export const PROMO_MAX_CHARS = 200;

/** The label of a block of links to other stories: "DON'T MISS", "Related:", "Read more". */
export const PROMO_LABEL =
  /^(?:related(?: stories| articles| coverage| content| links)?|read more|more (?:stories|from|on)|also read|see also|don'?t miss|must read|recommended|trending(?: now)?|popular|most read|latest(?: news)?|top stories|editor'?s picks?|read next|up next|you may also like|watch|listen)\b/i;
/** Links to other stories under such a label, in one block, up to this long. */
export const PROMO_BLOCK_MAX_CHARS = 1000;
