import type { Child } from 'hono/jsx';
import { type ErrorCode, errorCatalog } from '../errors/catalog.ts';
import type { MessageKey } from '../i18n/index.ts';
import { CodedError } from './components.tsx';
import type { AppContext } from './context.ts';
import { type PageOptions, renderPage } from './layout.tsx';

/** A page for one coded error from the catalog, with the catalog's HTTP status. */
export function renderCodedErrorPage(c: AppContext, code: ErrorCode, extra?: Child) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t(`error.${code}.title`), status: errorCatalog[code].httpStatus, narrow: true },
    <CodedError c={c} code={code}>
      {extra}
    </CodedError>,
  );
}

/** A plain HTTP error page: what happened and where to go next. Title and body are message keys. */
export function renderHttpErrorPage(
  c: AppContext,
  status: NonNullable<PageOptions['status']>,
  title: MessageKey,
  body: MessageKey,
) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t(title), status, narrow: true },
    <section class="http-error">
      <h1>{t(title)}</h1>
      <p>{t(body)}</p>
      <p class="button-row">
        <a class="button" href="/">
          {t('http.home')}
        </a>
        <a class="button" href="/help">
          {t('http.help')}
        </a>
      </p>
    </section>,
  );
}
