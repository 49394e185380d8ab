/**
 * Article pages of the corpus with what their ground truth expects, one loader per corpus folder.
 * A loader returns no pages when its folder is absent. Only what a ground truth states is
 * expected: a field left undefined is not counted for that page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { exists, listFiles, readJson } from './corpus.js';
import { htmlText } from './text.js';

export interface ArticleExpectation {
  headline?: string;
  /** Byline strings (or one name each), split into names by the author rule. */
  authors?: string[];
  published?: string;
  /** The whole article text: scored by shingle F1. */
  body?: string;
  /** The first words of the article text (Mercury's content_starts_with). */
  opening?: string;
}

export interface ArticlePage {
  /** Corpus-relative path of the page; `.gz` pages are gunzipped. */
  file: string;
  url: string;
  expected: ArticleExpectation;
}

/** The URL mozilla/readability's tests load their pages at; also used for pages with no URL. */
export const FAKE_URL = 'http://fakehost/test/page.html';

export function pageBytes(corpus: string, file: string): Buffer {
  const bytes = readFileSync(join(corpus, file));
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

/** Ground-truth values as read: null, '' and [] state nothing. */
type Stated = { [K in keyof ArticleExpectation]: ArticleExpectation[K] | null };

/** The expectation without the fields its ground truth leaves empty. */
function stated(values: Stated): ArticleExpectation {
  const kept = Object.entries(values).filter(([, v]) => (Array.isArray(v) ? v.length > 0 : Boolean(v?.trim())));
  return Object.fromEntries(kept) as ArticleExpectation;
}

const MERCURY = 'articles/mercury/ground_truth.json';
const MercuryTruth = z.array(
  z.object({
    file: z.string(),
    url: z.string(),
    title: z.string().nullable(),
    author: z.string().nullable(),
    date_published: z.string().nullable(),
    content_starts_with: z.string().nullable(),
    asserted_fields: z.array(z.string()),
    extra: z.record(z.string(), z.unknown()).nullish(),
  }),
);

/**
 * Mercury's pinned outputs; a field counts only when its test asserts it. A date asserted as
 * `date_published_date_only` is the same field without a time of day; `date_published_local_date`
 * (a day in the test machine's zone) and `date_published_startswith` (a prefix) are not dates.
 */
export function mercuryPages(corpus: string): ArticlePage[] {
  if (!exists(corpus, MERCURY)) return [];
  return MercuryTruth.parse(readJson(corpus, MERCURY)).map((e) => {
    const asserted = (field: string): boolean => e.asserted_fields.includes(field);
    const dateOnly = e.extra?.['date_published_date_only'];
    return {
      file: e.file,
      url: e.url,
      expected: stated({
        headline: asserted('title') ? e.title : null,
        authors: asserted('author') && e.author !== null ? [e.author] : null,
        published: asserted('date_published')
          ? e.date_published
          : asserted('date_published_date_only') && typeof dateOnly === 'string'
            ? dateOnly
            : null,
        opening: asserted('content_starts_with') ? e.content_starts_with : null,
      }),
    };
  });
}

const READABILITY = 'articles/readability';
const ReadabilityMetadata = z.object({
  title: z.string().nullable(),
  byline: z.string().nullable(),
  publishedTime: z.string().nullable(),
});

/** Readability's test pages: its metadata, and its cleaned article (expected.html) as the body. */
export function readabilityPages(corpus: string): ArticlePage[] {
  return listFiles(corpus, READABILITY)
    .filter((file) => file.endsWith('/expected-metadata.json'))
    .map((metadataFile) => {
      const dir = metadataFile.slice(0, -'/expected-metadata.json'.length);
      const meta = ReadabilityMetadata.parse(readJson(corpus, metadataFile));
      return {
        file: `${dir}/source.html`,
        url: FAKE_URL,
        expected: stated({
          headline: meta.title,
          authors: meta.byline === null ? null : [meta.byline],
          published: meta.publishedTime,
          body: htmlText(readFileSync(join(corpus, dir, 'expected.html'), 'utf8')),
        }),
      };
    });
}

const NEWSPAPER = 'articles/newspaper/ground_truth.json';
const NewspaperTruth = z.array(
  z.object({
    file: z.string(),
    url: z.string().nullable(),
    expected_text_file: z.string().optional(),
    expected_text_status: z.string(),
    title: z.string().optional(),
    authors_unordered: z.array(z.string()).optional(),
    publish_date: z.string().optional(),
  }),
);

/**
 * newspaper's regression pages. An entry whose text file is a note on how newspaper failed
 * (status "failure_note") is no ground truth and is left out; one with no text keeps its title.
 */
export function newspaperPages(corpus: string): ArticlePage[] {
  if (!exists(corpus, NEWSPAPER)) return [];
  return NewspaperTruth.parse(readJson(corpus, NEWSPAPER))
    .filter((e) => e.expected_text_status !== 'failure_note')
    .map((e) => ({
      file: e.file,
      url: e.url ?? FAKE_URL,
      expected: stated({
        headline: e.title,
        authors: e.authors_unordered,
        published: e.publish_date,
        body:
          e.expected_text_status === 'expected_fulltext' && e.expected_text_file !== undefined
            ? readFileSync(join(corpus, e.expected_text_file), 'utf8')
            : null,
      }),
    }));
}

const FUNDUS = 'articles/fundus-sample/ground_truth.json';
const FundusTruth = z.record(
  z.string(),
  z.object({
    url: z.string(),
    title: z.string().nullable(),
    authors: z.array(z.string()),
    publishing_date: z.string().nullable(),
    body: z.string(),
  }),
);

/** fundus's parser-test pages, keyed by their path under the folder. */
export function fundusPages(corpus: string): ArticlePage[] {
  if (!exists(corpus, FUNDUS)) return [];
  return Object.entries(FundusTruth.parse(readJson(corpus, FUNDUS))).map(([path, e]) => ({
    file: `articles/fundus-sample/${path}`,
    url: e.url,
    expected: stated({ headline: e.title, authors: e.authors, published: e.publishing_date, body: e.body }),
  }));
}

const AEB = 'benchmark/scrapinghub-aeb';
const AebTruth = z.record(z.string(), z.object({ articleBody: z.string(), url: z.string() }));

/** The article-extraction benchmark's pages that are in the corpus: body text only. */
export function benchmarkPages(corpus: string): ArticlePage[] {
  if (!exists(corpus, `${AEB}/ground-truth.json`)) return [];
  return Object.entries(AebTruth.parse(readJson(corpus, `${AEB}/ground-truth.json`)))
    .map(([id, e]) => ({ file: `${AEB}/html/${id}.html.gz`, url: e.url, expected: { body: e.articleBody } }))
    .filter((page) => exists(corpus, page.file))
    .sort((a, b) => a.file.localeCompare(b.file));
}

const PublishedResults = z.object({
  tables: z.record(z.string(), z.record(z.string(), z.object({ f1: z.number() }))),
});

export interface PublishedF1 {
  name: string;
  f1: number;
}

/**
 * The benchmark's published F1 of Readability.js and of the best extractor of its latest
 * evaluation (all open source), on the full benchmark: a reference, not the same pages.
 */
export function publishedF1(corpus: string): { readability: PublishedF1; best: PublishedF1 } | null {
  const file = `${AEB}/published_results.json`;
  if (!exists(corpus, file)) return null;
  const tables = PublishedResults.parse(readJson(corpus, file)).tables;
  const latest = Object.entries(tables).find(([title]) => title.startsWith('Results of the latest evaluation'))?.[1];
  const readability = latest?.['readability_js'];
  if (latest === undefined || readability === undefined) return null;
  const [name, best] = Object.entries(latest).reduce((top, entry) => (entry[1].f1 > top[1].f1 ? entry : top));
  return { readability: { name: 'readability_js', f1: readability.f1 }, best: { name, f1: best.f1 } };
}
