import type { CurrentMember } from '../../deps.ts';
import { aidsOf } from '../../members/views/recovery.tsx';
import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { RegistrationDetails } from '../registration.ts';
import { RegistrationFacts } from './registration.tsx';

/** The registration forms, in the order settings lists them. */
const registrationPaths = [
  ['address', 'registration.submit.address'],
  ['phone', 'registration.submit.phone'],
  ['bank', 'registration.submit.bank'],
  ['notifications', 'registration.submit.notifications'],
] as const;

export interface SettingsProps {
  member: CurrentMember;
  userIdIsEmail: boolean;
  registration: RegistrationDetails;
  notice?: string;
  emailForm?: { newEmail?: string; errors?: FieldErrors };
  passwordErrors?: FieldErrors;
  status?: 200 | 400 | 429;
}

/** /settings: the member's ID and email, email change, password change, and the way to withdraw. */
export function renderSettingsPage(c: AppContext, props: SettingsProps) {
  const t = c.get('t');
  const emailErrors = props.emailForm?.errors ?? {};
  const passwordErrors = props.passwordErrors ?? {};
  return renderPage(
    c,
    { title: t('account.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('account.title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <section class="panel" aria-labelledby="account-summary">
        <h2 id="account-summary">{t('account.summary')}</h2>
        <dl class="account-facts">
          <dt>{t('account.userId')}</dt>
          <dd class="account-user-id">{props.member.userId}</dd>
          <dt>{t('account.email')}</dt>
          <dd class="account-email">{props.member.email}</dd>
        </dl>
      </section>

      <section class="panel" aria-labelledby="account-registration-title">
        <h2 id="account-registration-title">{t('registration.title')}</h2>
        <p>{t('registration.lead')}</p>
        <RegistrationFacts t={t} details={props.registration} />
        <ul class="link-list">
          {registrationPaths.map(([path, label]) => (
            <li>
              <a href={`/settings/registration/${path}`}>{t(label)}</a>
            </li>
          ))}
        </ul>
      </section>

      <section class="panel" aria-labelledby="account-security-title">
        <h2 id="account-security-title">{t('security.title')}</h2>
        <p>
          <a href="/settings/security">{t('security.link')}</a> ·{' '}
          <a href="/settings/sign-ins">{t('signIns.title')}</a>
        </p>
      </section>

      <section class="panel" aria-labelledby="account-email-title">
        <h2 id="account-email-title">{t('account.email.title')}</h2>
        <p>{t('account.email.lead')}</p>
        {props.userIdIsEmail ? <Notice kind="warning">{t('account.email.idChanges')}</Notice> : null}
        <ErrorSummary t={t} errors={emailErrors} />
        <Form c={c} action="/settings/email" class="stack" novalidate>
          <Field
            name="newEmail"
            type="email"
            label={t('account.email.new')}
            value={props.emailForm?.newEmail}
            error={emailErrors.newEmail}
            autocomplete="email"
            inputmode="email"
            required
            maxlength={254}
          />
          <Field
            name="currentPassword"
            type="password"
            label={t('account.currentPassword')}
            error={emailErrors.currentPassword}
            autocomplete="current-password"
            required
          />
          <button type="submit" class="button primary">
            {t('account.email.submit')}
          </button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="account-password-title">
        <h2 id="account-password-title">{t('account.password.title')}</h2>
        <p>{t('account.password.lead')}</p>
        <ErrorSummary t={t} errors={passwordErrors} />
        <Form c={c} action="/settings/password" class="stack" novalidate>
          <input type="hidden" name="username" value={props.member.userId} autocomplete="username" />
          <div id="pw-current">
            <Field
              name="currentPassword"
              type="password"
              label={t('account.currentPassword')}
              error={passwordErrors.currentPassword}
              autocomplete="current-password"
              required
            />
          </div>
          <Field
            name="newPassword"
            type="password"
            label={t('account.password.new')}
            hint={t('register.password.hint')}
            error={passwordErrors.newPassword}
            autocomplete="new-password"
            required
            passwordAids={aidsOf(c)}
          />
          <button type="submit" class="button primary">
            {t('account.password.submit')}
          </button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="account-services-title">
        <h2 id="account-services-title">{t('connected.title')}</h2>
        <p>{t('connected.settings.lead')}</p>
        <p>
          <a href="/settings/services">{t('connected.title')}</a>
        </p>
      </section>
      <section class="panel account-danger" aria-labelledby="account-withdraw-title">
        <h2 id="account-withdraw-title">{t('withdraw.title')}</h2>
        <p>{t('withdraw.entry.lead')}</p>
        <p>
          <a class="button danger" href="/settings/withdraw">
            {t('withdraw.entry.link')}
          </a>
        </p>
      </section>
    </>,
  );
}

export function renderEmailSentPage(c: AppContext, email: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('account.email.sent.title'), narrow: true },
    <>
      <h1>{t('account.email.sent.title')}</h1>
      <Notice kind="success">
        <p>{t('account.email.sent.body', { email })}</p>
      </Notice>
      <p>{t('register.sent.spam')}</p>
      <p>
        <a class="button" href="/settings">
          {t('account.title')}
        </a>
      </p>
    </>,
  );
}

/** The page the new address's link opens: says what will change (the user ID too, when it is the email). */
export function renderEmailConfirmPage(
  c: AppContext,
  props: { token: string; userId: string; oldEmail: string; newEmail: string; userIdChanges: boolean },
) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('account.email.confirm.title'), narrow: true },
    <>
      <h1>{t('account.email.confirm.title')}</h1>
      <p>{t('account.email.confirm.lead', { oldEmail: props.oldEmail, newEmail: props.newEmail })}</p>
      {props.userIdChanges ? (
        <Notice kind="warning">
          <p>{t('account.email.confirm.idChanges', { oldUserId: props.userId, newEmail: props.newEmail })}</p>
        </Notice>
      ) : null}
      <Form c={c} action="/settings/email/verify">
        <input type="hidden" name="token" value={props.token} />
        <button type="submit" class="button primary wide">
          {t('account.email.confirm.submit')}
        </button>
      </Form>
    </>,
  );
}

/** After the change, or when the new address is already another member's user ID, or not logged in. */
export function renderEmailResultPage(
  c: AppContext,
  props: { message: string; ok: boolean; status?: 200 | 403 | 409 },
) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('account.email.title'), status: props.status ?? (props.ok ? 200 : 409), narrow: true },
    <>
      <h1>{t('account.email.title')}</h1>
      <Notice kind={props.ok ? 'success' : 'error'}>
        <p>{props.message}</p>
      </Notice>
      <p>
        <a class="button" href={c.get('member') ? '/settings' : '/login'}>
          {c.get('member') ? t('account.title') : t('login.title')}
        </a>
      </p>
    </>,
  );
}

/** The cancel link's page (mailed to the current address): GET shows this, the button cancels. */
export function renderEmailCancelPage(
  c: AppContext,
  props: { token: string; userId: string; newEmail: string },
) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('account.email.cancel.title'), narrow: true },
    <>
      <h1>{t('account.email.cancel.title')}</h1>
      <p>{t('account.email.cancel.lead', { userId: props.userId, newEmail: props.newEmail })}</p>
      <Notice kind="warning">
        <p>{t('account.email.cancel.advice')}</p>
      </Notice>
      <Form c={c} action="/settings/email/cancel">
        <input type="hidden" name="token" value={props.token} />
        <button type="submit" class="button primary wide">
          {t('account.email.cancel.submit')}
        </button>
      </Form>
    </>,
  );
}

/** After cancelling: the change is gone; resetting the password is the next step if it was not the member. */
export function renderEmailCancelledPage(c: AppContext) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('account.email.cancel.title'), narrow: true },
    <>
      <h1>{t('account.email.cancel.title')}</h1>
      <Notice kind="success">
        <p>{t('account.email.cancel.done')}</p>
      </Notice>
      <p>{t('account.email.cancel.advice')}</p>
      <p>
        <a class="button" href="/forgot/password">
          {t('account.email.cancel.resetLink')}
        </a>
      </p>
    </>,
  );
}
