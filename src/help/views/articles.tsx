import { raw } from 'hono/html';
import { errorHelpPath, isErrorCode } from '../../errors/catalog.ts';
import type { AppContext } from '../../web/context.ts';
import {
  articlePath,
  type HelpArticle,
  type HelpCategory,
  helpCategories,
  helpLibrary,
} from '../articles.ts';
import { articlePlaceholders, fillPlaceholdersInHtml, fillPlaceholdersInText } from '../markdown.ts';
import { buildSnippet, type SearchHit } from '../search.ts';
import { renderHelpPage } from './shell.tsx';

/** Articles shown as "popular" on the help home, in order. */
export const popularArticles = [
  'cannot-log-in',
  'forgot-password',
  'forgot-user-id',
  'start-procedure',
  'start-pin',
  'payment-date',
] as const;

/** Where a category's page lives; the contact category is the contact page itself. */
export function categoryPath(category: HelpCategory): string {
  return category === 'contact' ? '/help/contact' : `/help/${category}`;
}

/** A list of links to articles. */
export function ArticleList(props: { articles: HelpArticle[] }) {
  return (
    <ul class="article-list">
      {props.articles.map((a) => (
        <li>
          <a href={articlePath(a)}>{a.title}</a>
        </li>
      ))}
    </ul>
  );
}

/** The articles of the current language with these slugs (unknown slugs are skipped). */
export function articlesBySlug(c: AppContext, slugs: readonly string[]): HelpArticle[] {
  const library = helpLibrary();
  return slugs.flatMap((slug) => library.find(c.get('lang'), slug) ?? []);
}

/** /help: search, the troubleshooter, error-code lookup, categories, popular articles, contact. */
export function renderHelpHome(c: AppContext) {
  const t = c.get('t');
  const library = helpLibrary();
  const lang = c.get('lang');
  return renderHelpPage(
    c,
    { title: t('help.title') },
    <>
      <h1>{t('help.title')}</h1>
      <p class="lead">{t('help.lead')}</p>
      <div class="grid help-entry">
        <section class="panel" aria-labelledby="help-trouble-title">
          <h2 id="help-trouble-title">{t('help.home.troubleTitle')}</h2>
          <p>{t('help.home.troubleLead')}</p>
          <a class="button primary" href="/help/login-trouble">
            {t('help.home.troubleStart')}
          </a>
        </section>
        <section class="panel" aria-labelledby="help-errors-title">
          <h2 id="help-errors-title">{t('help.home.errorsTitle')}</h2>
          <p>{t('help.home.errorsLead')}</p>
          <form method="get" action="/help/errors" class="inline-form">
            <label for="help-code" class="visually-hidden">
              {t('help.home.errorsLookup')}
            </label>
            <input
              id="help-code"
              name="code"
              type="text"
              maxlength={8}
              placeholder="C01"
              autocomplete="off"
            />
            <button type="submit" class="button">
              {t('help.home.errorsGo')}
            </button>
          </form>
          <p>
            <a href="/help/errors">{t('help.home.errorsLink')}</a>
          </p>
        </section>
        <section class="panel" aria-labelledby="help-contact-title">
          <h2 id="help-contact-title">{t('help.home.contactTitle')}</h2>
          <p>
            <a href="/help/contact">{t('help.home.contactLink')}</a>
          </p>
        </section>
      </div>
      <h2>{t('help.home.popular')}</h2>
      <ArticleList articles={articlesBySlug(c, popularArticles)} />
      <h2>{t('help.home.categories')}</h2>
      <ul class="category-grid">
        {helpCategories.map((category) => (
          <li>
            <a href={categoryPath(category)}>
              <strong>{t(`help.category.${category}`)}</strong>
              <span>{t(`help.category.${category}.lead`)}</span>
              <span class="muted">
                {t('help.category.articles', { count: library.inCategory(lang, category).length })}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </>,
  );
}

/** /help/:category: the category's articles. */
export function renderCategoryPage(c: AppContext, category: HelpCategory) {
  const t = c.get('t');
  const title = t(`help.category.${category}`);
  return renderHelpPage(
    c,
    { title, crumbs: [{ href: categoryPath(category), label: title }] },
    <>
      <h1>{title}</h1>
      <p class="lead">{t(`help.category.${category}.lead`)}</p>
      <ArticleList articles={helpLibrary().inCategory(c.get('lang'), category)} />
      <StillStuck c={c} />
    </>,
  );
}

/** The "still stuck?" box: troubleshooter and contact page. */
export function StillStuck(props: { c: AppContext }) {
  const t = props.c.get('t');
  return (
    <section class="panel" aria-labelledby="still-stuck-title">
      <h2 id="still-stuck-title">{t('help.article.stillStuck')}</h2>
      <p>{t('help.article.stillStuckLead')}</p>
      <div class="button-row">
        <a class="button" href="/help/login-trouble">
          {t('help.home.troubleStart')}
        </a>
        <a class="button" href="/help/contact">
          {t('help.home.contactLink')}
        </a>
      </div>
    </section>
  );
}

/** /help/:category/:slug: one article with its related articles. */
export function renderArticlePage(c: AppContext, article: HelpArticle) {
  const t = c.get('t');
  const values = articlePlaceholders(c.get('deps').config);
  const title = fillPlaceholdersInText(article.title, values);
  const related = articlesBySlug(c, article.related);
  return renderHelpPage(
    c,
    {
      title,
      crumbs: [
        { href: categoryPath(article.category), label: t(`help.category.${article.category}`) },
        { href: articlePath(article), label: title },
      ],
    },
    <article class="help-article">
      <h1>{title}</h1>
      {/* Our own Markdown from content/help, rendered with raw HTML off; config values are escaped when filled. */}
      <div class="article-body">{raw(fillPlaceholdersInHtml(article.html, values))}</div>
      {related.length > 0 ? (
        <section aria-labelledby="related-title">
          <h2 id="related-title">{t('help.article.related')}</h2>
          <ArticleList articles={related} />
        </section>
      ) : null}
      <StillStuck c={c} />
    </article>,
  );
}

/** /help/search?q=: ranked hits with highlighted snippets (parts rendered as text, never as HTML). */
export function renderSearchPage(c: AppContext, query: string, hits: SearchHit[]) {
  const t = c.get('t');
  const lang = c.get('lang');
  const library = helpLibrary();
  const values = articlePlaceholders(c.get('deps').config);
  // Someone who types a code ("c01") wants its explanation first.
  const typedCode = query
    .normalize('NFKC')
    .toUpperCase()
    .match(/\b[A-Z]\d{2}\b/g)
    ?.find(isErrorCode);
  return renderHelpPage(
    c,
    { title: t('help.search.title'), query, crumbs: [] },
    <>
      <h1>{t('help.search.title')}</h1>
      {typedCode ? (
        <p class="notice">
          <a href={errorHelpPath(typedCode)}>{t('help.search.codeShortcut', { code: typedCode })}</a>
        </p>
      ) : null}
      {query === '' ? (
        <p>{t('help.search.empty')}</p>
      ) : hits.length === 0 ? (
        <>
          <p role="status">{t('help.search.none', { q: query })}</p>
          <p>{t('help.search.noneTips')}</p>
          <p>
            <a class="button" href="/help/login-trouble">
              {t('help.home.troubleStart')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p role="status">{t('help.search.resultsFor', { q: query, count: hits.length })}</p>
          <ol class="search-results">
            {hits.map((hit) => {
              const article = library.find(lang, hit.slug);
              const matched = library.find(hit.matchedLang, hit.slug);
              // Hits come from the library's own index, so both exist; a stale hit is left out, not a 500.
              if (!article || !matched) return null;
              const snippet = buildSnippet(fillPlaceholdersInText(matched.text, values), query);
              return (
                <li>
                  <a href={articlePath(article)}>{fillPlaceholdersInText(article.title, values)}</a>
                  <span class="muted"> · {t(`help.category.${article.category}`)}</span>
                  <p class="snippet" lang={hit.matchedLang === lang ? undefined : hit.matchedLang}>
                    {snippet.map((part) => (part.mark ? <mark>{part.text}</mark> : part.text))}
                  </p>
                  {hit.matchedLang === lang ? null : <p class="muted small">{t('help.search.otherLang')}</p>}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>,
  );
}
