import type { Element } from 'domhandler';
import type { Parser, StoryDraft } from '../types.js';
import { attr, childElements, localName, namespaceOf } from '../xml.js';
import { uniqueDrafts } from './identity.js';
import { readChannel, readRssItem } from './rss-item.js';
import { deep, first, NAMESPACES, type Vocabulary } from './select.js';

/** RSS 1.0 and RSS 0.90: RDF documents whose channel and items are in the RSS namespace. */
const RDF: Vocabulary = { own: NAMESPACES.rss1 };

/** A channel or item in an RSS namespace, or in none at all (namespace-less RDF, as Atom allows too). */
function isRssElement(el: Element): boolean {
  const name = localName(el);
  const ns = namespaceOf(el);
  return (name === 'channel' || name === 'item') && (ns === undefined || RDF.own.includes(ns));
}

/**
 * RSS 1.0 / RDF Site Summary. Unlike RSS 2.0, items sit beside the channel, carry their identity
 * in `rdf:about`, and take dates, authors and subjects from Dublin Core.
 */
export const rdfParser: Parser<'xml'> = {
  format: 'rdf',
  kind: 'xml',
  detect: (doc) => localName(doc.root) === 'rdf' && childElements(doc.root).some(isRssElement),
  parse: (doc, ctx): StoryDraft[] => {
    const channel = readChannel(first(doc.root, RDF, 'channel'), RDF, ctx.url);
    const drafts = deep(doc.root, RDF, 'item').map((item) => {
      const draft = readRssItem(item, RDF, channel, attr(item, 'rdf:about')?.trim() || undefined);
      return { ...draft, wireId: draft.wireId ?? draft.url ?? null };
    });
    return uniqueDrafts(drafts, ctx, 'rdf');
  },
};
