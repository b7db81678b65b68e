import { ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderConsolePage } from './frame.tsx';

export interface StaffLoginProps {
  login?: string;
  errors?: FieldErrors;
  /** Sign-in failed; 'codeReused' when the right password came with a code already used. */
  failed?: boolean | 'codeReused';
  notice?: string;
  status?: 200 | 400 | 401;
}

/** Staff sign-in: staff ID, password and the authenticator code, all on one form (PCI DSS 8.4). */
export function renderStaffLoginPage(c: AppContext, props: StaffLoginProps = {}) {
  const t = c.get('t');
  const aids = { show: t('password.show'), hide: t('password.hide'), capsLock: t('password.capsLock') };
  return renderConsolePage(
    c,
    { title: t('support.login.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('support.login.title')}</h1>
      <p class="lead">{t('support.login.lead')}</p>
      {props.notice ? <Notice kind="info">{props.notice}</Notice> : null}
      {props.failed ? (
        <div class="notice notice-error" role="alert" id="staff-login-error">
          <p>{t(props.failed === 'codeReused' ? 'support.login.codeReused' : 'support.login.failed')}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={props.errors ?? {}} />
      <Form c={c} action="/support/login" class="stack" novalidate>
        <Field
          name="login"
          label={t('support.login.login')}
          value={props.login}
          error={props.errors?.login}
          autocomplete="username"
          required
          maxlength={64}
        />
        <Field
          name="password"
          type="password"
          label={t('support.login.password')}
          error={props.errors?.password}
          autocomplete="current-password"
          required
          passwordAids={aids}
        />
        <Field
          name="code"
          label={t('support.login.code')}
          hint={t('support.login.code.hint')}
          error={props.errors?.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
          maxlength={8}
        />
        <button type="submit" class="button primary wide">
          {t('support.login.submit')}
        </button>
      </Form>
    </>,
  );
}
