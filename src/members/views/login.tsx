import { errorHelpPath } from '../../errors/catalog.ts';
import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';

export interface LoginViewProps {
  identifier?: string;
  errors?: FieldErrors;
  failure?: { swappedHint: boolean; emailShared?: boolean };
  notice?: string;
  status?: 200 | 400 | 401 | 429;
}

/** The login page: the forgot-ID/password links sit in the middle of the page, as members expect. */
export function renderLoginPage(c: AppContext, props: LoginViewProps = {}) {
  const t = c.get('t');
  const aids = { show: t('password.show'), hide: t('password.hide'), capsLock: t('password.capsLock') };
  return renderPage(
    c,
    {
      title: t('login.title'),
      status: props.status ?? 200,
      narrow: true,
      scripts: ['/assets/webauthn-browser.js', '/assets/passkeys.js'],
    },
    <>
      <h1>{t('login.title')}</h1>
      <p class="lead">{t('login.lead')}</p>
      {props.notice ? <Notice kind="info">{props.notice}</Notice> : null}
      {props.failure ? (
        <div class="notice notice-error" role="alert" id="login-error">
          <p>
            <strong>{t('error.L01.title')}</strong>
          </p>
          <p>{t('error.L01.action')}</p>
          {props.failure.swappedHint ? (
            <p class="swapped-hint">
              {t('login.swappedHint')}{' '}
              <a href="/help/login/swapped-id-password">{t('help.login.swappedArticle')}</a>
            </p>
          ) : null}
          <p class="muted">
            {t('login.severalIds')}{' '}
            <a href="/help/member-id/several-member-ids">{t('help.login.severalIdsArticle')}</a>
          </p>
          <ul class="login-help-links">
            <li>
              <a href="/help/login/caps-lock-autofill">{t('help.login.capsArticle')}</a>
            </li>
            <li>
              <a href={errorHelpPath('L01')}>{t('error.code', { code: 'L01' })}</a>
            </li>
            <li>
              <a href="/help/login-trouble">{t('login.failed.help')}</a>
            </li>
          </ul>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={props.errors ?? {}} />
      <Form c={c} action="/login" class="stack" novalidate>
        <Field
          name="identifier"
          label={t('login.identifier')}
          hint={t('login.identifier.hint')}
          value={props.identifier}
          error={props.errors?.identifier}
          autocomplete="username"
          required
          maxlength={254}
        />
        <Field
          name="password"
          type="password"
          label={t('login.password')}
          error={props.errors?.password}
          autocomplete="current-password"
          required
          passwordAids={aids}
        />
        <p class="swapped-hint-live notice notice-warning" hidden role="status">
          {t('login.swappedHint')}
        </p>
        <button type="submit" class="button primary wide">
          {t('login.submit')}
        </button>
      </Form>
      <section class="passkey-sign-in" aria-labelledby="passkey-title" data-passkey-section hidden>
        <h2 id="passkey-title">{t('passkeys.signIn')}</h2>
        <p>{t('passkeys.signIn.lead')}</p>
        <form method="post" action="/login/passkey" data-passkey-sign-in>
          <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
          <input type="hidden" name="response" value="" />
          <p class="passkey-failed notice notice-error" role="alert" hidden>
            {t('passkeys.signIn.failed')}
          </p>
          <button type="submit" class="button wide">
            {t('passkeys.signIn')}
          </button>
        </form>
      </section>
      <section class="forgot" aria-labelledby="forgot-title">
        <h2 id="forgot-title">{t('login.forgotHeading')}</h2>
        <div class="button-row">
          <a class="button" href="/forgot/id">
            {t('login.forgotId')}
          </a>
          <a class="button" href="/forgot/password">
            {t('login.forgotPassword')}
          </a>
        </div>
        <p>
          <a href="/help/login-trouble">{t('login.trouble')}</a>
        </p>
        <p>
          <a href="/help/login/cannot-log-in">{t('help.login.troubleTitle')}</a> ·{' '}
          <a href="/help/contact">{t('nav.contact')}</a>
        </p>
      </section>
      <section class="register-cta">
        <h2>{t('login.noAccount')}</h2>
        <a class="button" href="/register">
          {t('login.registerLink')}
        </a>
      </section>
    </>,
  );
}
