/**
 * Child process of baselines.ts: reads a BaselineJob on stdin, runs Readability (jsdom) and
 * Mercury on each page, one after the other, and writes one BaselineAnswer per line to fd 3.
 * A crash or a null result is that page's answer; nothing a page does stops the others.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { Readability } from '@mozilla/readability';
import Parser from '@postlight/parser';
import { decodeBuffer } from 'encoding-sniffer';
import { JSDOM, VirtualConsole } from 'jsdom';
import { pageBytes } from './article-pages.js';
import {
  ANSWER_FD,
  BASELINES,
  type Baseline,
  type BaselineAnswer,
  type BaselineArticle,
  type BaselineJob,
} from './baselines.js';
import { htmlText } from './text.js';

/** Raised for a result that is no article (null, or Mercury's error object). */
class NoArticle extends Error {}

function readability(html: string, url: string): BaselineArticle {
  // A virtual console with no listener: the pages' CSS and markup errors are not ours to print.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    const article = new Readability(dom.window.document).parse();
    if (article === null) throw new NoArticle('parse() returned null');
    return {
      headline: article.title ?? null,
      byline: article.byline ?? null,
      published: article.publishedTime ?? null,
      body: article.textContent ?? '',
    };
  } finally {
    dom.window.close();
  }
}

async function mercury(html: string, url: string): Promise<BaselineArticle> {
  // Never fetch a next page: the eval reads the saved page only, offline.
  const result = await Parser.parse(url, { html, fetchAllPages: false });
  if (result.error === true || result.failed === true) throw new NoArticle(result.message ?? 'failed');
  return {
    headline: result.title ?? null,
    byline: result.author ?? null,
    published: result.date_published ?? null,
    body: htmlText(result.content ?? ''),
  };
}

const RUN: Record<Baseline, (html: string, url: string) => BaselineArticle | Promise<BaselineArticle>> = {
  readability,
  mercury,
};

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The page as text, decoded once for both baselines: as UTF-8 when it is valid UTF-8 (some saved
 * fixtures were re-encoded but kept a legacy meta charset, and the libraries' own test harnesses
 * read them as UTF-8), else by BOM or meta charset in the first 4 KB, else as windows-1252.
 */
function pageHtml(corpus: string, file: string): string {
  const bytes = pageBytes(corpus, file);
  try {
    return UTF8.decode(bytes);
  } catch {
    return decodeBuffer(bytes, { defaultEncoding: 'windows-1252', maxBytes: 4096 });
  }
}

async function main(): Promise<void> {
  const job = JSON.parse(readFileSync(0, 'utf8')) as BaselineJob;
  const out = createWriteStream('', { fd: ANSWER_FD });
  for (const [page, { file, url }] of job.pages.entries()) {
    for (const system of BASELINES) {
      const started = performance.now();
      let answer: BaselineAnswer;
      try {
        const html = pageHtml(job.corpus, file);
        // An empty html would make Mercury fetch the URL instead.
        if (html.trim() === '') throw new NoArticle('empty page');
        const article = await RUN[system](html, url);
        answer = { page, system, ms: performance.now() - started, ok: true, ...article };
      } catch (error) {
        const reason = error instanceof NoArticle ? error.message : `crash: ${String(error)}`;
        answer = { page, system, ms: performance.now() - started, ok: false, failure: reason.slice(0, 200) };
      }
      out.write(`${JSON.stringify(answer)}\n`);
    }
  }
  await new Promise<void>((done) => out.end(done));
}

// Mercury starts promises it does not await; one that rejects late must not end the run.
process.on('unhandledRejection', (reason) => process.stderr.write(`unhandled rejection: ${String(reason)}\n`));
await main();
