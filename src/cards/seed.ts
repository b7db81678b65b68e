import type { AppDeps } from '../web/context.ts';

/** Creates the demo cast's cards, enrollments and transactions (idempotent). Built by the cards issue. */
export async function seedCardsDemo(_deps: AppDeps, _memberIds: Map<string, number>): Promise<void> {}
