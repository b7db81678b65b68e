import { seedCardsDemo } from '../cards/seed.ts';
import type { AppDeps } from '../deps.ts';
import { findMemberByUserId, insertMember, markForceWithdrawn } from '../members/repository.ts';
import { hashSecret } from '../security/password.ts';
import { seedSupportDemo } from '../support/seed.ts';
import { demoMembers } from './cast.ts';

const EMAIL_OF: Record<string, string> = { taro0123: 'taro@example.jp' };

/**
 * Creates the demo cast (DOMAIN.md causes, one account each). Idempotent: existing accounts are left as
 * they are, so a demo member who changed their password keeps it. Returns member IDs by login.
 */
export async function seedDemo(deps: AppDeps): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const m of demoMembers) {
    const existing = await findMemberByUserId(deps.db, m.login);
    if (existing) {
      ids.set(m.login, existing.id);
      continue;
    }
    const email = EMAIL_OF[m.login] ?? m.login;
    const created = await insertMember(deps.db, {
      userId: m.login,
      userIdIsEmail: m.login.includes('@'),
      email,
      passwordHash: await hashSecret(m.password),
      lang: 'ja',
      verifiedAt: deps.now(),
    });
    if (created) ids.set(m.login, created.id);
  }
  const banned = ids.get('banned@example.jp');
  if (banned) await markForceWithdrawn(deps.db, banned, 'demo: violation of member terms', deps.now());
  await seedCardsDemo(deps, ids);
  await seedSupportDemo(deps);
  return ids;
}
