/**
 * The little of jsdom and @postlight/parser (Mercury) that the eval's baseline runner uses. Neither
 * ships type declarations, and adding @types packages for one script is not worth a dependency.
 */

declare module 'jsdom' {
  import type { Readability } from '@mozilla/readability';

  /** A console with no listeners: page scripts and CSS errors go nowhere. */
  export class VirtualConsole {}

  export class JSDOM {
    constructor(html: string, options: { url: string; virtualConsole: VirtualConsole });
    readonly window: { readonly document: ConstructorParameters<typeof Readability>[0]; close(): void };
  }
}

declare module '@postlight/parser' {
  /** Mercury's answer; `error`/`failed` with a message instead of fields when it gave up. */
  export interface MercuryResult {
    title?: string | null;
    author?: string | null;
    date_published?: string | null;
    /** The cleaned article, as HTML. */
    content?: string | null;
    error?: boolean;
    failed?: boolean;
    message?: string;
  }

  const Parser: {
    parse(url: string, options: { html: string; fetchAllPages?: boolean }): Promise<MercuryResult>;
  };
  export default Parser;
}
