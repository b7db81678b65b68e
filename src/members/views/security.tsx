import { DataTable, ErrorSummary, Field, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import type { PasskeyView } from '../passkeys.ts';
import type { LiveSession, SignInEntry } from '../sign-ins.ts';
import type { TwoStepStatus } from '../two-step.ts';

function PasswordField(props: { c: AppContext; error?: string | undefined }) {
  const t = props.c.get('t');
  return (
    <Field
      name="currentPassword"
      type="password"
      label={t('security.currentPassword')}
      error={props.error}
      autocomplete="current-password"
      required
    />
  );
}

export interface SecurityPageProps {
  notice?: string;
  twoStep: TwoStepStatus;
  passkeys: PasskeyView[];
  formatDate: (d: Date) => string;
  errors?: { passkey?: FieldErrors; twoStepOff?: FieldErrors; renew?: FieldErrors };
  status?: 200 | 400 | 401 | 429;
}

/** /settings/security: passkeys and two-step login, and the way to the sign-in history. */
export function renderSecurityPage(c: AppContext, props: SecurityPageProps) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  return renderPage(
    c,
    { title: t('security.title'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('security.title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}

      <section class="panel" aria-labelledby="passkeys-title">
        <h2 id="passkeys-title">{t('passkeys.title')}</h2>
        <p>{t('passkeys.lead')}</p>
        {props.passkeys.length === 0 ? <p>{t('passkeys.none')}</p> : null}
        {props.passkeys.map((p) => (
          <div class="passkey">
            <h3>{p.name}</h3>
            <p class="muted">
              {t('passkeys.created')}: {props.formatDate(p.createdAt)} · {t('passkeys.lastUsed')}:{' '}
              {p.lastUsedAt ? props.formatDate(p.lastUsedAt) : t('passkeys.never')}
            </p>
            <Form c={c} action={`/settings/passkeys/${p.id}/rename`} class="inline-form">
              <label for={`passkey-name-${p.id}`}>{t('passkeys.name')}</label>
              <input id={`passkey-name-${p.id}`} name="name" value={p.name} maxlength={64} required />
              <button type="submit" class="button">
                {t('passkeys.rename')}
              </button>
            </Form>
            <Form c={c} action={`/settings/passkeys/${p.id}/delete`} class="inline-form">
              <button type="submit" class="button danger">
                {t('passkeys.delete')}
              </button>
            </Form>
          </div>
        ))}
        <h3>{t('passkeys.add')}</h3>
        <p>{t('passkeys.add.lead')}</p>
        <ErrorSummary t={t} errors={errors.passkey ?? {}} />
        <Form c={c} action="/settings/passkeys/new" class="stack" novalidate>
          <PasswordField c={c} error={errors.passkey?.currentPassword} />
          <button type="submit" class="button primary">
            {t('passkeys.add')}
          </button>
        </Form>
      </section>

      <section class="panel" aria-labelledby="two-step-title">
        <h2 id="two-step-title">{t('twoStep.title')}</h2>
        <p>{t('twoStep.lead')}</p>
        {props.twoStep.enabled ? (
          <>
            <Notice kind="info">{t('twoStep.on')}</Notice>
            <h3>{t('recoveryCodes.title')}</h3>
            <p>{t('recoveryCodes.left', { count: props.twoStep.unusedRecoveryCodes })}</p>
            <p>{t('recoveryCodes.renew.lead')}</p>
            <ErrorSummary t={t} errors={errors.renew ?? {}} />
            <Form c={c} action="/settings/two-step/recovery-codes" class="stack" novalidate>
              <PasswordField c={c} error={errors.renew?.currentPassword} />
              <button type="submit" class="button">
                {t('recoveryCodes.renew')}
              </button>
            </Form>
            <p>{t('twoStep.remembered', { count: props.twoStep.rememberedDevices })}</p>
            <Form c={c} action="/settings/two-step/forget-devices">
              <button type="submit" class="button">
                {t('twoStep.forget')}
              </button>
            </Form>
            <h3>{t('twoStep.turnOff')}</h3>
            <p>{t('twoStep.turnOff.lead')}</p>
            <ErrorSummary t={t} errors={errors.twoStepOff ?? {}} />
            <Form c={c} action="/settings/two-step/off" class="stack" novalidate>
              <PasswordField c={c} error={errors.twoStepOff?.currentPassword} />
              <button type="submit" class="button danger">
                {t('twoStep.turnOff')}
              </button>
            </Form>
          </>
        ) : (
          <>
            <p>{t('twoStep.off')}</p>
            <a class="button primary" href="/settings/two-step/setup">
              {t('twoStep.turnOn')}
            </a>
          </>
        )}
      </section>

      <section class="panel" aria-labelledby="sign-ins-link">
        <h2 id="sign-ins-link">{t('signIns.title')}</h2>
        <p>
          <a href="/settings/sign-ins">{t('signIns.title')}</a>
        </p>
      </section>
    </>,
  );
}

/** Step 2 of adding a passkey: the device creates it (JavaScript), named by the member. */
export function renderPasskeyCreatePage(c: AppContext, optionsJson: string, errors: FieldErrors = {}) {
  const t = c.get('t');
  return renderPage(
    c,
    {
      title: t('passkeys.add'),
      narrow: true,
      scripts: ['/assets/webauthn-browser.js', '/assets/passkeys.js'],
    },
    <>
      <h1>{t('passkeys.add')}</h1>
      <p class="lead">{t('passkeys.create.lead')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action="/settings/passkeys"
        class="stack passkey-create"
        novalidate
        data-options={optionsJson}
      >
        <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
        <input type="hidden" name="response" value="" />
        <Field
          name="name"
          label={t('passkeys.name')}
          hint={t('passkeys.name.hint')}
          error={errors.name}
          maxlength={64}
          required
        />
        <p class="passkey-failed notice notice-error" role="alert" hidden>
          {t('passkeys.failed')}
        </p>
        <noscript>
          <p>{t('passkeys.noScript')}</p>
        </noscript>
        <button type="button" class="button primary" data-passkey-create hidden>
          {t('passkeys.create.button')}
        </button>
      </form>
    </>,
  );
}

/** Turning two-step login on: QR code (SVG drawn on the server), the secret as text, code and password. */
export function renderTwoStepSetupPage(
  c: AppContext,
  props: { secret: string; qrSvg: string; errors?: FieldErrors; status?: 200 | 400 | 401 | 429 },
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  const qr = `data:image/svg+xml;base64,${Buffer.from(props.qrSvg).toString('base64')}`;
  return renderPage(
    c,
    { title: t('twoStep.turnOn'), status: props.status ?? 200, narrow: true },
    <>
      <h1>{t('twoStep.turnOn')}</h1>
      <p class="lead">{t('twoStep.setup.lead')}</p>
      <p>
        <img class="totp-qr" src={qr} alt={t('twoStep.setup.qr')} width={220} height={220} />
      </p>
      <p>
        {t('twoStep.setup.secret')}:{' '}
        <code class="totp-secret">{props.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <ErrorSummary t={t} errors={errors} />
      <Form c={c} action="/settings/two-step/setup" class="stack" novalidate>
        <Field
          name="code"
          label={t('twoStep.setup.code')}
          error={errors.code}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
          maxlength={10}
        />
        <PasswordField c={c} error={errors.currentPassword} />
        <button type="submit" class="button primary">
          {t('twoStep.setup.submit')}
        </button>
      </Form>
    </>,
  );
}

/** The recovery codes, shown once. */
export function renderRecoveryCodesPage(c: AppContext, codes: string[], notice: string) {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('recoveryCodes.title'), narrow: true },
    <>
      <h1>{t('recoveryCodes.title')}</h1>
      <Notice kind="success">{notice}</Notice>
      <p>{t('recoveryCodes.lead')}</p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <a class="button primary" href="/settings/security">
        {t('recoveryCodes.done')}
      </a>
    </>,
  );
}

/** /settings/sign-ins: recent sign-ins and the live sessions with a sign-out for each. */
export function renderSignInsPage(
  c: AppContext,
  props: { history: SignInEntry[]; sessions: LiveSession[]; notice?: string; status?: 200 | 404 },
) {
  const t = c.get('t');
  const unknown = t('signIns.unknown');
  return renderPage(
    c,
    { title: t('signIns.title'), status: props.status ?? 200 },
    <>
      <h1>{t('signIns.title')}</h1>
      {props.notice ? <Notice kind="info">{props.notice}</Notice> : null}
      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('sessions.title')}</h2>
        <DataTable
          label={t('sessions.title')}
          head={[
            t('signIns.device'),
            t('signIns.browser'),
            t('signIns.ip'),
            t('sessions.signedIn'),
            t('sessions.lastSeen'),
            '',
          ]}
          rows={props.sessions.map((s) => [
            s.device || unknown,
            s.browser || unknown,
            s.ip ?? unknown,
            s.signedInText,
            s.lastSeenText,
            s.current ? (
              <strong>{t('sessions.current')}</strong>
            ) : (
              <Form c={c} action={`/settings/sessions/${s.id}/sign-out`} class="inline-form">
                <button type="submit" class="button">
                  {t('sessions.signOut')}
                </button>
              </Form>
            ),
          ])}
        />
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('signIns.title')}</h2>
        <p>{t('signIns.lead')}</p>
        {props.history.length === 0 ? (
          <p>{t('signIns.none')}</p>
        ) : (
          <SignInHistoryTable c={c} history={props.history} />
        )}
        <p>
          <a class="button danger" href="/settings/sign-ins/not-me">
            {t('signIns.notMe')}
          </a>
        </p>
      </section>
    </>,
  );
}

/** The sign-in history as a table (member settings and the support console). */
export function SignInHistoryTable(props: { c: AppContext; history: SignInEntry[] }) {
  const t = props.c.get('t');
  const unknown = t('signIns.unknown');
  return (
    <DataTable
      label={t('signIns.title')}
      head={[
        t('signIns.at'),
        t('signIns.device'),
        t('signIns.browser'),
        t('signIns.ip'),
        t('signIns.method'),
      ]}
      rows={props.history.map((h) => [
        h.atText,
        h.device || unknown,
        h.browser || unknown,
        h.ip ?? unknown,
        t(`signIns.method.${h.method}`),
      ])}
    />
  );
}
