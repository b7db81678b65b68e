import type { Child } from 'hono/jsx';
import type { AppContext } from '../../web/context.ts';
import { type PageOptions, renderPage } from '../../web/layout.tsx';

export interface Crumb {
  href: string;
  label: string;
}

/** The GET search form shown on every help page (no CSRF: it changes nothing). */
export function HelpSearchBox(props: { c: AppContext; query?: string }) {
  const t = props.c.get('t');
  return (
    <search class="help-search">
      <form method="get" action="/help/search">
        <label for="help-q">{t('help.search.label')}</label>
        <div class="inline-form">
          <input
            id="help-q"
            name="q"
            type="search"
            value={props.query}
            placeholder={t('help.search.placeholder')}
            maxlength={200}
            autocomplete="off"
          />
          <button type="submit" class="button primary">
            {t('help.search.submit')}
          </button>
        </div>
      </form>
    </search>
  );
}

/** Renders a help page: breadcrumbs back to the help home, the search box, then the body. */
export function renderHelpPage(
  c: AppContext,
  options: PageOptions & { crumbs?: Crumb[]; query?: string },
  body: Child,
) {
  const t = c.get('t');
  const crumbs: Crumb[] = [{ href: '/help', label: t('help.title') }, ...(options.crumbs ?? [])];
  return renderPage(
    c,
    { title: options.title, status: options.status ?? 200 },
    <div class="help">
      {options.crumbs ? (
        <nav aria-label={t('help.breadcrumb')} class="breadcrumbs">
          <ol>
            {crumbs.map((crumb, i) => (
              <li>
                <a href={crumb.href} aria-current={i === crumbs.length - 1 ? 'page' : undefined}>
                  {crumb.label}
                </a>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <HelpSearchBox c={c} query={options.query} />
      {body}
    </div>,
  );
}
