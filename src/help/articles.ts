import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS, type Lang } from '../i18n/index.ts';
import { appPaths } from '../paths.ts';
import { placeholderNames, placeholdersIn, renderMarkdown } from './markdown.ts';

/** Help categories in display order. `contact` is shown by the contact page itself. */
export const helpCategories = [
  'login',
  'member-id',
  'enrollment',
  'card-payment',
  'security',
  'withdrawal',
  'contact',
] as const;
export type HelpCategory = (typeof helpCategories)[number];

export function isHelpCategory(value: string): value is HelpCategory {
  return (helpCategories as readonly string[]).includes(value);
}

/** One article in one language, parsed and rendered once. */
export interface HelpArticle {
  slug: string;
  lang: Lang;
  title: string;
  category: HelpCategory;
  related: string[];
  keywords: string[];
  /** Markdown source (placeholders unfilled). */
  source: string;
  /** Plain text for search and snippets (placeholders unfilled). */
  text: string;
  /** Rendered HTML (placeholders unfilled; fill with fillPlaceholdersInHtml). */
  html: string;
}

export interface HelpLibrary {
  /** Articles by language, then slug, in file-name order. */
  articles: Record<Lang, Map<string, HelpArticle>>;
  find(lang: Lang, slug: string): HelpArticle | undefined;
  inCategory(lang: Lang, category: HelpCategory): HelpArticle[];
}

/** The site path of an article. */
export function articlePath(article: Pick<HelpArticle, 'category' | 'slug'>): string {
  return `/help/${article.category}/${article.slug}`;
}

/** Splits `---` front matter (`key: value`, lists comma-separated) from the body. */
export function parseFrontMatter(file: string, name: string): { meta: Record<string, string>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(file);
  if (!match) throw new Error(`${name}: missing front matter`);
  const [, head = '', body = ''] = match;
  const meta: Record<string, string> = {};
  for (const line of head.split(/\r?\n/)) {
    if (!line.trim()) continue;
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`${name}: bad front matter line "${line}"`);
    meta[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return { meta, body };
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Markdown to searchable text: drops link targets and markup characters, keeps the words. */
function plainText(markdownSource: string): string {
  return markdownSource
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+\s*/gm, '')
    .replace(/[*_`>|]/g, '')
    .replace(/^\s*[-+]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses one article file. Throws with the file name on anything malformed (caught by tests and at startup). */
export function parseArticle(file: string, lang: Lang, slug: string): HelpArticle {
  const name = `${lang}/${slug}.md`;
  const { meta, body } = parseFrontMatter(file, name);
  const { title, category } = meta;
  if (!title) throw new Error(`${name}: title is required`);
  if (!category || !isHelpCategory(category)) throw new Error(`${name}: unknown category "${category}"`);
  for (const used of placeholdersIn(file)) {
    if (!(placeholderNames as readonly string[]).includes(used))
      throw new Error(`${name}: unknown placeholder {{${used}}}`);
  }
  return {
    slug,
    lang,
    title,
    category,
    related: list(meta.related),
    keywords: list(meta.keywords),
    source: body,
    text: plainText(body),
    html: renderMarkdown(body),
  };
}

/** Reads every article under `dir/{ja,en}/*.md` and checks that both languages have the same slugs and valid links. */
export function loadHelpLibrary(dir: string): HelpLibrary {
  const articles = { ja: new Map(), en: new Map() } as Record<Lang, Map<string, HelpArticle>>;
  for (const lang of LANGS) {
    for (const file of readdirSync(join(dir, lang)).sort()) {
      if (!file.endsWith('.md')) continue;
      const slug = file.slice(0, -3);
      articles[lang].set(slug, parseArticle(readFileSync(join(dir, lang, file), 'utf8'), lang, slug));
    }
  }
  for (const [slug, ja] of articles.ja) {
    const en = articles.en.get(slug);
    if (!en) throw new Error(`help article ${slug} has no English version`);
    if (en.category !== ja.category) throw new Error(`help article ${slug}: categories differ`);
    for (const related of [...ja.related, ...en.related]) {
      if (!articles.ja.has(related))
        throw new Error(`help article ${slug}: related "${related}" does not exist`);
    }
  }
  for (const slug of articles.en.keys()) {
    if (!articles.ja.has(slug)) throw new Error(`help article ${slug} has no Japanese version`);
  }
  return {
    articles,
    find: (lang, slug) => articles[lang].get(slug),
    inCategory: (lang, category) => [...articles[lang].values()].filter((a) => a.category === category),
  };
}

let shared: HelpLibrary | undefined;

/** The library from content/help, loaded on first use and then kept for the life of the process. */
export function helpLibrary(): HelpLibrary {
  shared ??= loadHelpLibrary(appPaths().helpContent);
  return shared;
}
