import { demoService } from '../demo/cast.ts';
import type { AppDeps } from '../deps.ts';
import { createClient } from './clients.ts';
import { findClient } from './repository.ts';

/** Registers the sample group service (examples/points-mall) with its published demo secret. Idempotent. */
export async function seedOidcDemo(deps: AppDeps): Promise<void> {
  if (deps.config.production) return;
  if (await findClient(deps.db, demoService.clientId)) return;
  await createClient(deps.db, {
    clientId: demoService.clientId,
    name: demoService.name,
    redirectUris: [demoService.redirectUri],
    backchannelLogoutUri: demoService.backchannelLogoutUri,
    firstParty: false,
    secret: demoService.secret,
  });
}
