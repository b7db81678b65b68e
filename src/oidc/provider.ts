import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Provider, { type Configuration, type JWK, type KoaContextWithOIDC } from 'oidc-provider';
import type { AppDeps } from '../deps.ts';
import { recordServiceSignIn } from '../members/sign-ins.ts';
import { hashToken, safeEqual } from '../security/tokens.ts';
import { createAdapterClass, memberIdOf } from './adapter.ts';
import { findActiveMemberClaims, findClient, findGrantIdOf } from './repository.ts';

/** Where the provider's endpoints live; discovery stays at the site root (/.well-known/openid-configuration). */
export const OIDC_PREFIX = '/oidc';

/** The scopes a service may ask for, and the claims each one releases. */
export const OIDC_CLAIMS = {
  openid: ['sub'],
  profile: ['preferred_username', 'locale'],
  email: ['email', 'email_verified'],
  member: ['member_id', 'language'],
} as const;

export type OidcScope = keyof typeof OIDC_CLAIMS;

/** The issuer: the configured public origin (never the Host header). */
export function issuerOf(publicUrl: URL): string {
  return publicUrl.href.replace(/\/+$/, '');
}

/** Where a request to the provider came from, as the web layer determined it (trusted proxies applied). */
export interface ProviderRequestOrigin {
  ip: string;
  userAgent: string | null;
}

const requestOrigins = new WeakMap<IncomingMessage, ProviderRequestOrigin>();

/**
 * The web layer tells the provider the client address of a request before handing it over (oidc-provider's own
 * view of X-Forwarded-For follows other rules than TRUST_PROXY; a client-supplied address is never trusted).
 */
export function rememberRequestOrigin(req: IncomingMessage, origin: ProviderRequestOrigin): void {
  requestOrigins.set(req, origin);
}

/**
 * Whether a service's sign-in needs a login made for it, not the member's open cardnavi session: the service
 * sent prompt=login (OpenID Connect Core 3.1.2.1: re-authenticate, e.g. on a shared computer) and the session
 * signed in before the request began, or it sent max_age and the session's sign-in is older than that.
 */
export function needsFreshLogin(
  interaction: { prompt: { reasons: string[] }; params: Record<string, unknown>; iat?: number | undefined },
  signedInAt: Date,
  now: Date,
): boolean {
  const { reasons } = interaction.prompt;
  if (reasons.includes('login_prompt') && signedInAt.getTime() < (interaction.iat ?? Infinity) * 1000)
    return true;
  const maxAge = Number(interaction.params.max_age);
  if (reasons.includes('max_age') && Number.isFinite(maxAge))
    return signedInAt.getTime() < now.getTime() - maxAge * 1000;
  return false;
}

/** Hooks the web layer supplies: where interactions happen and how errors look. */
export interface ProviderHooks {
  /** Renders oidc-provider's error page (the body is already escaped by the caller). */
  renderError?: Configuration['renderError'];
}

/**
 * The OpenID Connect provider (oidc-provider, OpenID-certified) over our storage and members:
 * authorization code flow only, PKCE (S256) required for every client, exact redirect URIs, refresh tokens
 * rotated on every use, ID tokens signed with the keys passed in (stored encrypted, see keys.ts).
 */
export function createOidcProvider(deps: AppDeps, jwks: JWK[], hooks: ProviderHooks = {}): Provider {
  const { config, db } = deps;
  const cookieKey = createHmac('sha256', config.sessionSecret)
    .update('oidc-provider cookies')
    .digest('base64url');
  const configuration: Configuration = {
    adapter: createAdapterClass(db, deps.now),
    jwks: { keys: jwks },
    findAccount: async (_ctx, sub) => {
      const id = /^\d{1,10}$/.test(sub) ? Number(sub) : undefined;
      const member = id === undefined ? undefined : await findActiveMemberClaims(db, id);
      if (!member) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          preferred_username: member.user_id,
          locale: member.lang,
          email: member.email,
          email_verified: true,
          member_id: member.user_id,
          language: member.lang,
        }),
      };
    },
    claims: Object.fromEntries(Object.entries(OIDC_CLAIMS).map(([k, v]) => [k, [...v]])),
    scopes: ['openid', 'profile', 'email', 'member'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    clientDefaults: {
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    clientAuthMethods: ['client_secret_basic'],
    // Services sign in members who use them over time: a refresh token for every code, rotated on every use
    // (the used one is consumed; presenting it again revokes the whole grant).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    routes: {
      authorization: `${OIDC_PREFIX}/auth`,
      token: `${OIDC_PREFIX}/token`,
      userinfo: `${OIDC_PREFIX}/me`,
      jwks: `${OIDC_PREFIX}/jwks`,
      revocation: `${OIDC_PREFIX}/token/revocation`,
      end_session: `${OIDC_PREFIX}/session/end`,
      introspection: `${OIDC_PREFIX}/token/introspection`,
      pushed_authorization_request: `${OIDC_PREFIX}/request`,
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PREFIX}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      backchannelLogout: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      userinfo: { enabled: true },
    },
    // Consent is remembered per service (not per browser session): find the member's grant for this
    // service; a first-party service gets one without asking.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client;
      const accountId = ctx.oidc.session?.accountId;
      if (!client || !accountId) return undefined;
      const memberId = Number(accountId);
      const grantId =
        ctx.oidc.result?.consent?.grantId ?? (await findGrantIdOf(db, memberId, client.clientId, deps.now()));
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const registered = await findClient(db, client.clientId);
      if (!registered?.firstParty) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId });
      const requested = ctx.oidc.params?.scope;
      grant.addOIDCScope(typeof requested === 'string' ? requested : 'openid');
      await grant.save();
      return grant;
    },
    cookies: {
      keys: [cookieKey],
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    ttl: {
      AccessToken: 10 * 60,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      RefreshToken: 14 * 24 * 60 * 60,
      Interaction: 30 * 60,
      Session: 12 * 60 * 60,
      Grant: 365 * 24 * 60 * 60,
    },
    clientBasedCORS: () => false,
    ...(hooks.renderError ? { renderError: hooks.renderError } : {}),
  };
  const provider = new Provider(issuerOf(config.publicUrl), configuration);
  provider.proxy = config.trustProxy.kind !== 'none';
  // An authorization code handed to a service (at once, or after our login and consent pages) is a sign-in at
  // that service: it goes into the member's sign-in history with the method "service".
  provider.use(async (ctx, next) => {
    await next();
    const { oidc } = ctx;
    if (!oidc || (oidc.route !== 'authorization' && oidc.route !== 'resume')) return;
    const code = oidc.entities.AuthorizationCode as { accountId?: string } | undefined;
    const memberId = memberIdOf(code?.accountId);
    if (memberId === null) return;
    const origin = requestOrigins.get(ctx.req);
    try {
      await recordServiceSignIn(deps, memberId, {
        ip: origin?.ip ?? 'unknown',
        userAgent: origin?.userAgent ?? null,
      });
    } catch (e) {
      // The service's sign-in has happened; a history row that could not be written must not undo it.
      deps.log.warn({ err: { message: (e as Error).message } }, 'service sign-in not recorded');
    }
  });
  // Client secrets are stored as SHA-256 only (clients.ts); the adapter hands that hash to oidc-provider as
  // "client_secret", so the token endpoint compares the hash of what the service sent. The hash never serves
  // as a key: client_secret_jwt and HS* algorithms are not enabled.
  provider.Client.prototype.compareClientSecret = function compareHashedSecret(actual: string) {
    return safeEqual(hashToken(actual), this.clientSecret ?? '');
  };
  return provider;
}
