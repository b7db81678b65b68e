import MiniSearch from 'minisearch';
import type { Lang } from '../i18n/index.ts';
import { type HelpLibrary, helpLibrary } from './articles.ts';

/** Han, hiragana, katakana (with the prolonged sound mark and iteration mark): text written without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]/u;
const TOKEN_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆]+|[\p{L}\p{N}]+/gu;

/** NFKC folds full-width Latin and half-width kana, so ＩＤ and ID, ﾛｸﾞｲﾝ and ログイン match. */
function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Splits text into search terms: Japanese runs become overlapping character bigrams (a run of one
 * character stays one term), Latin words and numbers stay whole. Japanese needs no dictionary this way.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const [run] of normalise(text).matchAll(TOKEN_RUN)) {
    if (CJK.test(run)) {
      const chars = [...run];
      if (chars.length === 1) terms.push(run);
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars.slice(i, i + 2).join(''));
    } else {
      terms.push(run);
    }
  }
  return terms;
}

interface IndexedArticle {
  id: string;
  slug: string;
  lang: Lang;
  title: string;
  keywords: string;
  text: string;
}

/** One search hit: the article in the language it matched, and the parts of a snippet to highlight. */
export interface SearchHit {
  slug: string;
  /** Language of the article version that matched best. */
  matchedLang: Lang;
  score: number;
}

export interface HelpSearch {
  /** Ranked hits, one per slug (both languages searched; the best-scoring version wins). */
  search(query: string, limit?: number): SearchHit[];
}

/** Builds the index over both languages' articles once. */
export function buildHelpSearch(library: HelpLibrary): HelpSearch {
  const index = new MiniSearch<IndexedArticle>({
    fields: ['title', 'keywords', 'text'],
    storeFields: ['slug', 'lang'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 3, keywords: 2 },
      // A single Japanese character or a half-typed Latin word matches longer terms that start with it.
      prefix: (term) => [...term].length === 1 || (!CJK.test(term) && term.length >= 3),
      fuzzy: (term) => (!CJK.test(term) && term.length >= 5 ? 0.2 : false),
      combineWith: 'OR',
    },
  });
  const docs: IndexedArticle[] = [];
  for (const articles of Object.values(library.articles)) {
    for (const a of articles.values()) {
      docs.push({
        id: `${a.lang}:${a.slug}`,
        slug: a.slug,
        lang: a.lang,
        title: a.title,
        keywords: a.keywords.join(' '),
        text: a.text,
      });
    }
  }
  index.addAll(docs);
  return {
    search(query, limit = 20) {
      const trimmed = query.trim().slice(0, 200);
      if (!trimmed) return [];
      const best = new Map<string, SearchHit>();
      for (const r of index.search(trimmed)) {
        const slug = r.slug as string;
        if (!best.has(slug)) best.set(slug, { slug, matchedLang: r.lang as Lang, score: r.score });
      }
      // OR-matching bigrams finds something in almost every article; drop the long tail of weak matches.
      const hits = [...best.values()];
      const floor = (hits[0]?.score ?? 0) * 0.08;
      return hits.filter((h) => h.score >= floor).slice(0, limit);
    },
  };
}

/** A piece of a snippet; `mark` pieces matched the query. Rendered as JSX, so text is escaped. */
export interface SnippetPart {
  text: string;
  mark: boolean;
}

/**
 * A window of the article text around the first match, split into marked and unmarked parts. Matching is
 * on the query's own terms (bigrams and words), so highlighting agrees with what the index matched.
 */
export function buildSnippet(text: string, query: string, width = 110): SnippetPart[] {
  const folded = normalise(text);
  // NFKC can change lengths; only highlight when positions still line up with the original text.
  const aligned = folded.length === text.length;
  const haystack = aligned ? folded : text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of new Set(tokenize(query))) {
    let from = 0;
    for (;;) {
      const at = haystack.indexOf(term, from);
      if (at < 0) break;
      ranges.push([at, at + term.length]);
      from = at + 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const first = merged[0]?.[0] ?? 0;
  const start = Math.max(0, first - Math.floor(width / 3));
  const end = Math.min(text.length, start + width);
  const parts: SnippetPart[] = [];
  if (start > 0) parts.push({ text: '…', mark: false });
  let cursor = start;
  for (const [a, b] of merged) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    if (from > cursor) parts.push({ text: text.slice(cursor, from), mark: false });
    parts.push({ text: text.slice(from, to), mark: true });
    cursor = to;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}

let shared: HelpSearch | undefined;

/** The search index over content/help, built on first use and kept for the life of the process. */
export function helpSearch(): HelpSearch {
  shared ??= buildHelpSearch(helpLibrary());
  return shared;
}
