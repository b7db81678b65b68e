import type { HttpBindings } from '@hono/node-server';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { Hono, type MiddlewareHandler } from 'hono';
import type { InteractionResults } from 'oidc-provider';
import type { AppDeps } from '../deps.ts';
import { sessionSignedInAt } from '../members/sign-ins.ts';
import type { AppEnv, MemberEnv, PublicContext } from '../web/context.ts';
import { parseForm } from '../web/form.ts';
import { requestClientIp } from '../web/middleware.ts';
import { rememberReturnTo } from '../web/return-to.ts';
import { requireMember } from '../web/route-groups.ts';
import { listConnectedServices, revokeConnectedService } from './connected-services.ts';
import { needsFreshLogin, OIDC_PREFIX, rememberRequestOrigin } from './provider.ts';
import { findClient } from './repository.ts';
import { consentForm, revokeServiceForm } from './schemas.ts';
import { oidcServiceOf } from './service.ts';
import { renderConnectedServicesPage } from './views/connected-services.tsx';
import { renderConsentPage, renderInteractionProblemPage } from './views/consent.tsx';

const INTERACTION_PREFIX = `${OIDC_PREFIX}/interaction/`;

/** The node request and response under the Hono request (absent when the app is called in process). */
function nodeBindings(c: { env: unknown }): HttpBindings | undefined {
  const env = c.env as Partial<HttpBindings> | undefined;
  return env?.incoming && env.outgoing ? (env as HttpBindings) : undefined;
}

/**
 * oidc-provider (a Koa app) answers its own endpoints: discovery, /oidc/auth, /oidc/token, /oidc/me, /oidc/jwks…
 * It reads the node request itself (bodies included), so this runs before any middleware that reads a body or
 * demands a CSRF token; the interaction pages under /oidc/interaction/ are ours and go on to the app.
 */
export function oidcProviderEndpoint(deps: AppDeps): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.path.startsWith(INTERACTION_PREFIX)) return next();
    const bindings = nodeBindings(c);
    if (!bindings) return c.text('Not found', 404);
    rememberRequestOrigin(bindings.incoming, {
      ip: requestClientIp(c, deps.config.trustProxy),
      userAgent: c.req.header('user-agent') ?? null,
    });
    const provider = await oidcServiceOf(deps).provider();
    await provider.callback()(bindings.incoming, bindings.outgoing);
    return RESPONSE_ALREADY_SENT;
  };
}

type Interaction = Awaited<
  ReturnType<Awaited<ReturnType<ReturnType<typeof oidcServiceOf>['provider']>>['interactionDetails']>
>;

/** The interaction this browser holds (bound by oidc-provider's cookie), or undefined. */
async function interactionOf(
  c: PublicContext,
): Promise<{ interaction: Interaction; bindings: HttpBindings } | undefined> {
  const bindings = nodeBindings(c);
  if (!bindings) return undefined;
  const provider = await oidcServiceOf(c.get('deps')).provider();
  try {
    const interaction = await provider.interactionDetails(bindings.incoming, bindings.outgoing);
    return interaction.uid === c.req.param('uid') ? { interaction, bindings } : undefined;
  } catch {
    return undefined;
  }
}

async function finish(c: PublicContext, bindings: HttpBindings, result: InteractionResults, merge: boolean) {
  const provider = await oidcServiceOf(c.get('deps')).provider();
  const to = await provider.interactionResult(bindings.incoming, bindings.outgoing, result, {
    mergeWithLastSubmission: merge,
  });
  return c.redirect(to, 303);
}

/** Login and consent for a group service's sign-in: our pages, our login flow. Public (the login is here). */
export const oidcInteractionRoutes = new Hono<AppEnv>();

oidcInteractionRoutes.get(`${INTERACTION_PREFIX}:uid`, async (c) => {
  const found = await interactionOf(c);
  if (!found) return renderInteractionProblemPage(c, 'expired');
  const { interaction, bindings } = found;
  const member = c.get('member');
  const deps = c.get('deps');
  const loginHere = (again: boolean) => {
    rememberReturnTo(
      c,
      `${INTERACTION_PREFIX}${interaction.uid}`,
      String(interaction.params.redirect_uri ?? ''),
    );
    return c.redirect(again ? '/login?again=1' : '/login', 303);
  };
  // Not logged in at cardnavi: the ordinary login page (same limits, locks and second factor), then back here.
  if (!member) return loginHere(false);
  if (interaction.prompt.name === 'login') {
    // The open session signs the member in to the service, unless the service asked for a login of its own
    // (prompt=login, max_age): then the login page again, even though a session is open.
    const signedInAt = await sessionSignedInAt(deps, member);
    if (!signedInAt) return loginHere(false);
    if (needsFreshLogin(interaction, signedInAt, deps.now())) return loginHere(true);
    const ts = Math.floor(signedInAt.getTime() / 1000);
    return finish(c, bindings, { login: { accountId: String(member.id), ts } }, false);
  }
  if (interaction.session?.accountId !== String(member.id))
    return renderInteractionProblemPage(c, 'mismatch');
  const clientId = String(interaction.params.client_id ?? '');
  const client = await findClient(deps.db, clientId);
  if (!client) return renderInteractionProblemPage(c, 'expired');
  const scopes = (interaction.prompt.details.missingOIDCScope as string[] | undefined) ?? ['openid'];
  c.set('formActionOrigins', [String(interaction.params.redirect_uri ?? '')]);
  return renderConsentPage(c, { uid: interaction.uid, service: client.name, userId: member.userId, scopes });
});

// The CSRF middleware has already checked origin and token: a consent cannot be given from another site.
oidcInteractionRoutes.post(`${INTERACTION_PREFIX}:uid/consent`, async (c) => {
  const found = await interactionOf(c);
  if (!found) return renderInteractionProblemPage(c, 'expired');
  const { interaction, bindings } = found;
  const member = c.get('member');
  if (
    !member ||
    interaction.prompt.name !== 'consent' ||
    interaction.session?.accountId !== String(member.id)
  )
    return renderInteractionProblemPage(c, 'mismatch');
  const clientId = String(interaction.params.client_id ?? '');
  const form = await parseForm(c, consentForm);
  if (!form.ok) {
    const client = await findClient(c.get('deps').db, clientId);
    const scopes = (interaction.prompt.details.missingOIDCScope as string[] | undefined) ?? ['openid'];
    c.set('formActionOrigins', [String(interaction.params.redirect_uri ?? '')]);
    return renderConsentPage(c, {
      uid: interaction.uid,
      service: client?.name ?? clientId,
      userId: member.userId,
      scopes,
      errors: form.errors,
    });
  }
  if (form.data.decision === 'deny')
    return finish(
      c,
      bindings,
      { error: 'access_denied', error_description: 'the member did not allow it' },
      true,
    );
  const provider = await oidcServiceOf(c.get('deps')).provider();
  const grant =
    (interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
    new provider.Grant({ accountId: String(member.id), clientId });
  const details = interaction.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {}))
    grant.addResourceScope(indicator, scopes.join(' '));
  const grantId = await grant.save();
  return finish(c, bindings, { consent: { grantId } }, true);
});

/** "Connected services" in the member's settings. */
export const connectedServiceRoutes = new Hono<MemberEnv>().use(requireMember());

connectedServiceRoutes.get('/settings/services', async (c) => {
  const services = await listConnectedServices(c.get('deps'), c.get('member').id);
  return renderConnectedServicesPage(c, { services });
});

connectedServiceRoutes.post('/settings/services/revoke', async (c) => {
  const deps = c.get('deps');
  const memberId = c.get('member').id;
  const form = await parseForm(c, revokeServiceForm);
  const result = form.ok ? await revokeConnectedService(deps, memberId, form.data.grant) : undefined;
  const services = await listConnectedServices(deps, memberId);
  const t = c.get('t');
  if (!result?.ok)
    return renderConnectedServicesPage(c, { services, notice: t('connected.notFound'), status: 404 });
  return renderConnectedServicesPage(c, {
    services,
    notice: t('connected.revoked', { service: result.name }),
  });
});
