import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';

/** The second step of a sign-in: the code from the authenticator app, or a recovery code. */
export function renderTwoStepLoginPage(
  c: AppContext,
  props: { errors?: FieldErrors; status?: 200 | 400 | 401 } = {},
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('twoStep.login.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('twoStep.login.title')}</h1>
      <p class="lead">{t('twoStep.login.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/login/two-step" class="stack" novalidate>
        <Field
          name="code"
          label={t('twoStep.login.code')}
          hint={t('twoStep.login.code.hint')}
          error={errors.code}
          autocomplete="one-time-code"
          required
          maxlength={40}
        />
        <div class="field checkbox-field">
          <input type="checkbox" id="f-remember" name="remember" value="yes" />
          <label for="f-remember">{t('twoStep.login.remember')}</label>
        </div>
        <button type="submit" class="button primary wide">
          {t('twoStep.login.submit')}
        </button>
      </Form>
      <p class="muted">{t('twoStep.login.noApp')}</p>
      <p>
        <a href="/login">{t('twoStep.login.cancel')}</a>
      </p>
    </>,
  );
}

/**
 * "This was not me": a confirmation page before anything changes — from the link in a new-device mail
 * (`token`; a link must not change anything by itself) or from the sign-in history of a logged-in member.
 */
export function renderNotMePage(
  c: AppContext,
  from: { token: string } | { history: true },
  props: { errors?: FieldErrors; status?: 200 | 400 } = {},
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('notMe.title'), narrow: true, status: props.status ?? 200 },
    <>
      <h1>{t('notMe.title')}</h1>
      <p class="lead">{t('notMe.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action={'token' in from ? '/sign-in/not-me' : '/settings/sign-ins/not-me'} class="stack">
        {'token' in from ? (
          <input type="hidden" name="token" value={from.token} />
        ) : (
          <input type="hidden" name="confirm" value="yes" />
        )}
        <button type="submit" class="button danger wide" id="f-confirm">
          {t('notMe.submit')}
        </button>
      </Form>
      {'history' in from ? (
        <p>
          <a href="/settings/sign-ins">{t('notMe.back')}</a>
        </p>
      ) : null}
    </>,
  );
}

export function renderNotMeDonePage(c: AppContext, options: { loggedOut?: boolean } = {}) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('notMe.done.title'), narrow: true, ...(options.loggedOut ? { loggedOut: true } : {}) },
    <>
      <h1>{t('notMe.done.title')}</h1>
      <Notice kind="info">{t('notMe.done.body')}</Notice>
    </>,
  );
}
