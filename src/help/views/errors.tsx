import {
  type ErrorArea,
  type ErrorCode,
  errorCatalog,
  errorCodes,
  errorHelpPath,
} from '../../errors/catalog.ts';
import { ContactBox } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { articlesForCode } from '../error-articles.ts';
import { ArticleList, articlesBySlug, StillStuck } from './articles.tsx';
import { renderHelpPage } from './shell.tsx';

const areas: ErrorArea[] = ['login', 'member', 'enrollment', 'card'];

/** A table of codes with their meaning and whether a call is needed. */
function CodeTable(props: { c: AppContext; codes: ErrorCode[] }) {
  const t = props.c.get('t');
  return (
    <div class="table-scroll">
      <table class="code-table">
        <thead>
          <tr>
            <th scope="col">{t('help.errors.code')}</th>
            <th scope="col">{t('help.errors.meaning')}</th>
          </tr>
        </thead>
        <tbody>
          {props.codes.map((code) => (
            <tr>
              <td>
                <a href={errorHelpPath(code)} class="code">
                  {code}
                </a>
              </td>
              <td>
                {t(`error.${code}.title`)}
                {errorCatalog[code].contactCenter ? (
                  <span class="badge badge-closed"> {t('help.errors.contactNeeded')}</span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** /help/errors: every code in the catalog, grouped by area. */
export function renderErrorListPage(c: AppContext) {
  const t = c.get('t');
  return renderHelpPage(
    c,
    { title: t('help.errors.title'), crumbs: [{ href: '/help/errors', label: t('help.errors.title') }] },
    <>
      <h1>{t('help.errors.title')}</h1>
      <p class="lead">{t('help.errors.lead')}</p>
      {areas.map((area) => (
        <section aria-labelledby={`area-${area}`}>
          <h2 id={`area-${area}`}>{t(`help.errors.area.${area}`)}</h2>
          <CodeTable c={c} codes={errorCodes.filter((code) => errorCatalog[code].area === area)} />
        </section>
      ))}
    </>,
  );
}

/** /help/errors/CODE: what the code means, what to do, whether to call, and related articles. */
export function renderErrorCodePage(c: AppContext, code: ErrorCode) {
  const t = c.get('t');
  const entry = errorCatalog[code];
  const title = t(`error.${code}.title`);
  return renderHelpPage(
    c,
    {
      title: `${code} ${title}`,
      crumbs: [
        { href: '/help/errors', label: t('help.errors.title') },
        { href: errorHelpPath(code), label: code },
      ],
    },
    <article class="error-help">
      <p class="error-code-tag">{t('error.code', { code })}</p>
      <h1>{title}</h1>
      <h2>{t('help.errors.whatHappened')}</h2>
      <p>{t(`error.${code}.explanation`)}</p>
      <h2>{t('help.errors.whatToDo')}</h2>
      <p>
        <strong>{t(`error.${code}.action`)}</strong>
      </p>
      {entry.contactCenter ? (
        <>
          <p class="notice notice-warning">{t('help.errors.needContact', { code })}</p>
          <ContactBox c={c} />
        </>
      ) : (
        <p class="notice">{t('help.errors.noContact')}</p>
      )}
      <section aria-labelledby="related-title">
        <h2 id="related-title">{t('help.article.related')}</h2>
        <ArticleList articles={articlesBySlug(c, articlesForCode[code])} />
      </section>
      <p>
        <a href="/help/errors">{t('help.errors.allCodes')}</a>
      </p>
      {entry.contactCenter ? null : <StillStuck c={c} />}
    </article>,
  );
}

/** A code we do not know: say so, and offer the list, the search and the troubleshooter (never a dead end). */
export function renderUnknownCodePage(c: AppContext, typed: string) {
  const t = c.get('t');
  const shown = typed.slice(0, 20);
  return renderHelpPage(
    c,
    {
      title: t('help.errors.unknown.title', { code: shown }),
      status: 404,
      crumbs: [{ href: '/help/errors', label: t('help.errors.title') }],
      query: shown,
    },
    <>
      <h1>{t('help.errors.unknown.title', { code: shown })}</h1>
      <p class="lead">{t('help.errors.unknown.lead')}</p>
      <p>{t('help.errors.unknown.check')}</p>
      <ul class="next-links">
        <li>
          <a href="/help/errors">{t('help.errors.unknown.list')}</a>
        </li>
        <li>
          <a href="#help-q">{t('help.errors.unknown.search')}</a>
        </li>
        <li>
          <a href="/help/login-trouble">{t('help.errors.unknown.trouble')}</a>
        </li>
      </ul>
      <h2>{t('help.errors.title')}</h2>
      <CodeTable c={c} codes={errorCodes} />
    </>,
  );
}
