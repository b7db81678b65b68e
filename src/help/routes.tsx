import { Hono } from 'hono';
import { isErrorCode } from '../errors/catalog.ts';
import type { AppEnv } from '../web/context.ts';
import { renderHttpErrorPage } from '../web/pages.tsx';
import { helpLibrary, isHelpCategory } from './articles.ts';
import { helpSearch } from './search.ts';
import { TROUBLE_START, troubleStartNode, troubleTree } from './troubleshooter.ts';
import {
  renderArticlePage,
  renderCategoryPage,
  renderHelpHome,
  renderSearchPage,
} from './views/articles.tsx';
import { renderContactPage } from './views/contact.tsx';
import { renderErrorCodePage, renderErrorListPage, renderUnknownCodePage } from './views/errors.tsx';
import { renderTroubleshooterPage } from './views/troubleshooter.tsx';

/** Help center routes: articles, search, troubleshooter, error codes, contact. All GET, all public. */
export const helpRoutes = new Hono<AppEnv>();

/** Codes are typed by hand from a screen: ignore case and surrounding spaces. */
const normaliseCode = (typed: string) => typed.normalize('NFKC').trim().toUpperCase();

helpRoutes.get('/help', (c) => renderHelpHome(c));

helpRoutes.get('/help/search', (c) => {
  const query = (c.req.query('q') ?? '').slice(0, 200).trim();
  return renderSearchPage(c, query, query ? helpSearch().search(query) : []);
});

helpRoutes.get('/help/login-trouble', (c) => {
  const step = c.req.query('step') ?? TROUBLE_START;
  const node = troubleTree.get(step);
  return renderTroubleshooterPage(c, node ?? troubleStartNode, node === undefined);
});

helpRoutes.get('/help/contact', (c) => renderContactPage(c));

helpRoutes.get('/help/errors', (c) => {
  // The lookup form on the help home sends ?code=; send it to the code's own page.
  const typed = c.req.query('code');
  if (typed !== undefined && typed.trim() !== '')
    return c.redirect(`/help/errors/${encodeURIComponent(normaliseCode(typed).slice(0, 20))}`, 303);
  return renderErrorListPage(c);
});

helpRoutes.get('/help/errors/:code', (c) => {
  const typed = c.req.param('code');
  const code = normaliseCode(typed);
  if (!isErrorCode(code)) return renderUnknownCodePage(c, code);
  if (code !== typed) return c.redirect(`/help/errors/${code}`, 301);
  return renderErrorCodePage(c, code);
});

helpRoutes.get('/help/:category', (c) => {
  const category = c.req.param('category');
  if (!isHelpCategory(category)) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
  return renderCategoryPage(c, category);
});

helpRoutes.get('/help/:category/:slug', (c) => {
  const article = helpLibrary().find(c.get('lang'), c.req.param('slug'));
  if (!article) return renderHttpErrorPage(c, 404, 'http.404.title', 'http.404.body');
  // Old or mistyped category in the path: send the reader to the article's real address.
  if (article.category !== c.req.param('category'))
    return c.redirect(`/help/${article.category}/${article.slug}`, 301);
  return renderArticlePage(c, article);
});
