import type Provider from 'oidc-provider';
import type { AppDeps } from '../deps.ts';
import { loadSigningKeys } from './keys.ts';
import { createOidcProvider, type ProviderHooks } from './provider.ts';
import { listSigningKeys } from './repository.ts';
import { renderProviderError } from './views/provider-error.tsx';

/** How often a running server looks for keys rotated by `cardnavi oidc rotate-keys`. */
const KEY_CHECK_MS = 60_000;

export interface OidcService {
  /** The provider over the current signing keys (rebuilt when the stored keys change). */
  provider(): Promise<Provider>;
}

/**
 * Holds the provider of one process. oidc-provider takes its keys at construction, so a rotation builds a new
 * instance; everything else it needs lives in the database, so swapping instances loses nothing.
 */
export function createOidcService(deps: AppDeps, hooks: ProviderHooks = {}): OidcService {
  let current: { provider: Provider; kids: string; checkedAt: number } | undefined;
  let building: Promise<Provider> | undefined;

  async function build(): Promise<Provider> {
    const keys = await loadSigningKeys(deps.db, deps.config.dataKeys, deps.now());
    const provider = createOidcProvider(deps, keys, hooks);
    current = { provider, kids: keys.map((k) => k.kid).join(','), checkedAt: Date.now() };
    return provider;
  }

  return {
    async provider() {
      if (current && Date.now() - current.checkedAt < KEY_CHECK_MS) return current.provider;
      if (current) {
        const kids = (await listSigningKeys(deps.db)).map((k) => k.kid).join(',');
        if (kids === current.kids) {
          current.checkedAt = Date.now();
          return current.provider;
        }
      }
      building ??= build().finally(() => {
        building = undefined;
      });
      return building;
    },
  };
}

// One provider per process: the routes, and flows that must sign a logout token, share it. Keyed by the
// dependencies object the composition root builds once (tests build one per app).
const services = new WeakMap<AppDeps, OidcService>();

/** The provider service of these dependencies (created on first use). */
export function oidcServiceOf(deps: AppDeps): OidcService {
  let service = services.get(deps);
  if (!service) {
    service = createOidcService(deps, { renderError: renderProviderError });
    services.set(deps, service);
  }
  return service;
}
