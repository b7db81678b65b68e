import type { Child } from 'hono/jsx';
import { telHref } from '../i18n/format.ts';
import type { MessageKey } from '../i18n/index.ts';
import type { AppContext } from './context.ts';

export interface PageOptions {
  title: string;
  status?: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 422 | 429 | 500 | 503;
  /** Narrow single-column layout for forms. */
  narrow?: boolean;
  /** The session ended while answering (withdrawal): show the page as to a visitor. */
  loggedOut?: boolean;
  /** Extra scripts of this page (under /assets), loaded after app.js with the page's CSP nonce. */
  scripts?: string[];
}

/** Link to the same page in another language, keeping the path and other query parameters. */
function languageHref(c: AppContext, lang: 'ja' | 'en'): string {
  const url = new URL(c.req.url);
  url.searchParams.set('lang', lang);
  // Always a path on this site: '//evil.example/x' (or '/\\evil.example') would otherwise be an off-site link.
  const path = `/${url.pathname.replace(/^[/\\]+/, '')}`;
  return `${path}?${url.searchParams.toString()}`;
}

/** Renders a full HTML page around `body` with the shared header, navigation and footer. */
export function renderPage(c: AppContext, options: PageOptions, body: Child) {
  const t = c.get('t');
  const lang = c.get('lang');
  const member = options.loggedOut ? undefined : c.get('member');
  const nonce = c.get('secureHeadersNonce');
  const { config } = c.get('deps');
  // The footer sentence with the number as a tap-to-call link (the sentence order differs per language).
  const [footerBefore = '', footerAfter = ''] = t('footer.contact', {
    phone: '\u0000',
    opens: config.contact.opens,
    closes: config.contact.closes,
  }).split('\u0000');
  // The support console has its own bar (support/views/frame.tsx); the member navigation stays off it.
  const inConsole = c.req.path === '/support' || c.req.path.startsWith('/support/');
  const showMember = member && !inConsole;
  const nav: [string, MessageKey][] = inConsole
    ? []
    : member
      ? [
          ['/portal', 'nav.portal'],
          ['/settings', 'nav.settings'],
          ['/help', 'nav.help'],
        ]
      : [
          ['/login', 'nav.login'],
          ['/register', 'nav.register'],
          ['/help', 'nav.help'],
        ];
  return c.html(
    '<!doctype html>' +
    (
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${options.title} | ${t('site.name')}`}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <script src="/assets/app.js" nonce={nonce} defer />
          {(options.scripts ?? []).map((src) => (
            <script src={src} nonce={nonce} defer />
          ))}
        </head>
        <body>
          <a class="skip" href="#main">
            {t('nav.skip')}
          </a>
          <header class="site-header">
            <div class="bar">
              <a class="brand" href={inConsole ? '/support' : member ? '/portal' : '/'}>
                <span class="brand-mark" aria-hidden="true">
                  cn
                </span>
                <span>{t('site.name')}</span>
              </a>
              <nav aria-label={t('nav.main')} class="nav">
                <ul>
                  {nav.map(([href, key]) => (
                    <li>
                      <a href={href}>{t(key)}</a>
                    </li>
                  ))}
                  {showMember ? (
                    <li>
                      <form method="post" action="/logout" class="inline">
                        <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
                        <button type="submit" class="link-button">
                          {t('nav.logout')}
                        </button>
                      </form>
                    </li>
                  ) : null}
                </ul>
              </nav>
              <nav class="lang" aria-label={t('nav.language')}>
                <a href={languageHref(c, 'ja')} lang="ja" aria-current={lang === 'ja' ? 'true' : undefined}>
                  日本語
                </a>
                <a href={languageHref(c, 'en')} lang="en" aria-current={lang === 'en' ? 'true' : undefined}>
                  English
                </a>
              </nav>
            </div>
          </header>
          <main id="main" class={options.narrow ? 'main narrow' : 'main'}>
            {body}
          </main>
          <footer class="site-footer">
            <p>
              {footerBefore}
              <a href={telHref(config.contact.phoneNavi)}>{config.contact.phoneNavi}</a>
              {footerAfter}
            </p>
            <p>
              <a href="/help">{t('nav.help')}</a> · <a href="/help/contact">{t('nav.contact')}</a>
            </p>
            <p class="muted">{t('footer.note')}</p>
          </footer>
        </body>
      </html>
    ),
    options.status ?? 200,
  );
}
