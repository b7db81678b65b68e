import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';

const aidsOf = (c: AppContext) => {
  const t = c.get('t');
  return { show: t('password.show'), hide: t('password.hide'), capsLock: t('password.capsLock') };
};

/** /forgot/id: the email whose user IDs should be sent. */
export function renderForgotUserIdPage(c: AppContext, props: { email?: string; errors?: FieldErrors } = {}) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('forgot.id.title'), status: Object.keys(errors).length ? 400 : 200, narrow: true },
    <>
      <h1>{t('forgot.id.title')}</h1>
      <p class="lead">{t('forgot.id.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/forgot/id" class="stack" novalidate>
        <Field
          name="email"
          type="email"
          label={t('forgot.id.email')}
          hint={t('forgot.id.email.hint')}
          value={props.email}
          error={errors.email}
          autocomplete="email"
          inputmode="email"
          required
          maxlength={254}
        />
        <button type="submit" class="button primary wide">
          {t('forgot.id.submit')}
        </button>
      </Form>
      <p>
        <a href="/forgot/password">{t('login.forgotPassword')}</a> · <a href="/login">{t('login.title')}</a>
      </p>
    </>,
  );
}

/** The answer to /forgot/id: the same whether or not the address has member IDs. */
export function renderForgotUserIdSentPage(c: AppContext, email: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('forgot.id.sent.title'), narrow: true },
    <>
      <h1>{t('forgot.id.sent.title')}</h1>
      <Notice kind="success">
        <p>{t('forgot.id.sent.body', { email })}</p>
      </Notice>
      <p>{t('forgot.sent.spam')}</p>
      <p>
        <a class="button" href="/login">
          {t('login.title')}
        </a>
      </p>
    </>,
  );
}

/** /forgot/password: user ID or email. */
export function renderForgotPasswordPage(
  c: AppContext,
  props: { identifier?: string; errors?: FieldErrors } = {},
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('forgot.password.title'), status: Object.keys(errors).length ? 400 : 200, narrow: true },
    <>
      <h1>{t('forgot.password.title')}</h1>
      <p class="lead">{t('forgot.password.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/forgot/password" class="stack" novalidate>
        <Field
          name="identifier"
          label={t('forgot.password.identifier')}
          hint={t('forgot.password.several')}
          value={props.identifier}
          error={errors.identifier}
          autocomplete="username"
          required
          maxlength={254}
        />
        <button type="submit" class="button primary wide">
          {t('forgot.password.submit')}
        </button>
      </Form>
      <p>
        <a href="/forgot/id">{t('forgot.password.forgotId')}</a> · <a href="/login">{t('login.title')}</a>
      </p>
    </>,
  );
}

/** The answer to /forgot/password: the same whether or not the identifier is registered. */
export function renderForgotPasswordSentPage(c: AppContext, identifier: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('forgot.password.sent.title'), narrow: true },
    <>
      <h1>{t('forgot.password.sent.title')}</h1>
      <Notice kind="success">
        <p>{t('forgot.password.sent.body', { identifier })}</p>
      </Notice>
      <p>{t('forgot.password.sent.newest')}</p>
      <p>{t('forgot.sent.spam')}</p>
      <p>
        <a href="/forgot/id">{t('forgot.password.forgotId')}</a>
      </p>
    </>,
  );
}

/** /reset-password?token=…: the new-password form. */
export function renderResetPasswordPage(
  c: AppContext,
  props: {
    token: string;
    userId: string;
    /** Two-step login is on: the reset asks for its code too. */
    secondFactor?: boolean;
    errors?: FieldErrors;
    status?: 400 | 401;
  },
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    {
      title: t('reset.title'),
      status: Object.keys(errors).length ? (props.status ?? 400) : 200,
      narrow: true,
    },
    <>
      <h1>{t('reset.title')}</h1>
      <p class="lead">{t('reset.lead', { userId: props.userId })}</p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/reset-password" class="stack" novalidate>
        <input type="hidden" name="token" value={props.token} />
        <input type="hidden" name="username" value={props.userId} autocomplete="username" />
        <Field
          name="password"
          type="password"
          label={t('reset.password')}
          hint={t('register.password.hint')}
          error={errors.password}
          autocomplete="new-password"
          required
          passwordAids={aidsOf(c)}
        />
        {props.secondFactor ? (
          <Field
            name="code"
            label={t('reset.code')}
            hint={t('reset.code.hint')}
            error={errors.code}
            autocomplete="one-time-code"
            required
            maxlength={40}
          />
        ) : null}
        <p>{t('reset.after')}</p>
        <button type="submit" class="button primary wide">
          {t('reset.submit')}
        </button>
      </Form>
    </>,
  );
}

export { aidsOf };
