import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';

export function renderRegisterPage(
  c: AppContext,
  props: { values?: Record<string, string>; errors?: FieldErrors } = {},
) {
  const t = c.get('t');
  const aids = { show: t('password.show'), hide: t('password.hide'), capsLock: t('password.capsLock') };
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('register.title'), status: Object.keys(errors).length ? 400 : 200, narrow: true },
    <>
      <h1>{t('register.title')}</h1>
      <p class="lead">{t('register.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/register" class="stack" novalidate>
        <Field
          name="userId"
          label={t('register.userId')}
          hint={t('register.userId.hint')}
          value={props.values?.userId}
          error={errors.userId}
          autocomplete="username"
          required
          maxlength={254}
        />
        <Field
          name="email"
          type="email"
          label={t('register.email')}
          hint={t('register.email.hint')}
          value={props.values?.email}
          error={errors.email}
          autocomplete="email"
          inputmode="email"
          required
          maxlength={254}
        />
        <Field
          name="password"
          type="password"
          label={t('register.password')}
          hint={t('register.password.hint')}
          error={errors.password}
          autocomplete="new-password"
          required
          passwordAids={aids}
        />
        <button type="submit" class="button primary wide">
          {t('register.submit')}
        </button>
      </Form>
    </>,
  );
}

export function renderRegisterSentPage(c: AppContext, email: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('register.sent.title'), narrow: true },
    <>
      <h1>{t('register.sent.title')}</h1>
      <Notice kind="success">{t('register.sent.body', { email })}</Notice>
      <p>{t('register.sent.spam')}</p>
    </>,
  );
}

export function renderVerifyPage(c: AppContext, token: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('register.verify.title'), narrow: true },
    <>
      <h1>{t('register.verify.title')}</h1>
      <p>{t('register.verify.lead')}</p>
      <Form c={c} action="/register/verify">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="button primary wide">
          {t('register.verify.submit')}
        </button>
      </Form>
    </>,
  );
}

export function renderVerifyTakenPage(c: AppContext, userId: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('register.verify.title'), status: 409, narrow: true },
    <>
      <h1>{t('register.verify.title')}</h1>
      <Notice kind="error">{t('register.verify.taken', { userId })}</Notice>
      <p>
        <a class="button" href="/register">
          {t('register.title')}
        </a>
      </p>
    </>,
  );
}
