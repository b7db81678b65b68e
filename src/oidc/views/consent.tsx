import { ErrorSummary, type FieldErrors, Form, Notice } from '../../web/components.tsx';
import type { AppContext } from '../../web/context.ts';
import { renderPage } from '../../web/layout.tsx';
import { OIDC_CLAIMS, type OidcScope } from '../provider.ts';

const isKnownScope = (scope: string): scope is OidcScope => scope in OIDC_CLAIMS;

/** Asks the member whether a group service may sign them in and receive the listed details. */
export function renderConsentPage(
  c: AppContext,
  props: { uid: string; service: string; userId: string; scopes: string[]; errors?: FieldErrors },
) {
  const t = c.get('t');
  const errors = props.errors ?? {};
  const scopes = props.scopes.filter(isKnownScope);
  return renderPage(
    c,
    {
      title: t('oidc.consent.title', { service: props.service }),
      status: Object.keys(errors).length ? 400 : 200,
      narrow: true,
    },
    <>
      <h1>{t('oidc.consent.title', { service: props.service })}</h1>
      <p>{t('oidc.consent.signedInAs', { userId: props.userId })}</p>
      <ErrorSummary t={t} errors={errors} />
      <p>{t('oidc.consent.lead', { service: props.service })}</p>
      <ul class="consent-scopes">
        {scopes.map((s) => (
          <li>{t(`oidc.scope.${s}`)}</li>
        ))}
      </ul>
      <Notice kind="info">
        <p>{t('oidc.consent.remembered')}</p>
      </Notice>
      <Form c={c} action={`/oidc/interaction/${props.uid}/consent`} class="stack">
        <div class="button-row">
          <button type="submit" name="decision" value="allow" class="button primary">
            {t('oidc.consent.allow')}
          </button>
          <button type="submit" name="decision" value="deny" class="button">
            {t('oidc.consent.deny')}
          </button>
        </div>
      </Form>
    </>,
  );
}

/** The sign-in request cannot be continued here (expired, another browser, another member). */
export function renderInteractionProblemPage(c: AppContext, body: 'expired' | 'mismatch') {
  const t = c.get('t');
  return renderPage(
    c,
    { title: t('oidc.interaction.expired.title'), status: 400, narrow: true },
    <>
      <h1>{t('oidc.interaction.expired.title')}</h1>
      <p>{t(body === 'expired' ? 'oidc.interaction.expired.body' : 'oidc.interaction.mismatch.body')}</p>
      <p>
        <a href="/">{t('oidc.error.home')}</a>
      </p>
    </>,
  );
}
