import type { KoaContextWithOIDC } from 'oidc-provider';
import { negotiateLang, translator } from '../../i18n/index.ts';

/**
 * oidc-provider's error page (e.g. an unregistered redirect URI, where nothing may be sent back to the
 * service): our wording in the member's language, the error code for the service operator, our stylesheet.
 * It is rendered outside Hono (inside oidc-provider), so it sets its own headers.
 */
export async function renderProviderError(
  ctx: KoaContextWithOIDC,
  out: { error?: string; error_description?: string },
  _error: unknown,
): Promise<void> {
  const lang = negotiateLang(undefined, undefined, ctx.get('accept-language') || undefined);
  const t = translator(lang);
  const page = (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t('oidc.error.title')}</title>
        <link rel="stylesheet" href="/assets/app.css" />
      </head>
      <body>
        <main class="container narrow">
          <h1>{t('oidc.error.title')}</h1>
          <p>{t('oidc.error.body')}</p>
          <p>
            {t('oidc.error.code')}: <code>{out.error ?? ''}</code> {out.error_description ?? ''}
          </p>
          <p>
            <a href="/">{t('oidc.error.home')}</a>
          </p>
        </main>
      </body>
    </html>
  );
  ctx.type = 'html';
  ctx.set(
    'Content-Security-Policy',
    "default-src 'none'; style-src 'self'; base-uri 'none'; frame-ancestors 'none'",
  );
  ctx.set('Cache-Control', 'no-store');
  ctx.body = `<!doctype html>${await page.toString()}`;
}
