import type { AppDeps } from '../web/context.ts';

/** Creates the demo staff (idempotent). Built by the support console issue. */
export async function seedSupportDemo(_deps: AppDeps): Promise<void> {}
