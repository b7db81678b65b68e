import { type RegistrationChange, saveRegistration } from '../account/registration.ts';
import { withdrawMember } from '../account/withdraw.ts';
import { seedCardsDemo } from '../cards/seed.ts';
import type { AppDeps } from '../deps.ts';
import { markMailboxUnreachable } from '../mail/outbox-repository.ts';
import { lockAccountAndNotify } from '../members/attempts.ts';
import {
  findMemberByUserId,
  insertMember,
  isUserIdCoolingOff,
  markForceWithdrawn,
  setConsecutiveLoginFailures,
} from '../members/repository.ts';
import { turnOnTwoStepWithSecret } from '../members/two-step.ts';
import { seedOidcDemo } from '../oidc/seed.ts';
import { hashSecret } from '../security/password.ts';
import { seedSupportDemo } from '../support/seed.ts';
import { demoMembers } from './cast.ts';

const DAY_MS = 86_400_000;
const SEED_CLIENT = { ip: '127.0.0.1', userAgent: 'cardnavi seed-demo' };

/**
 * Creates the demo cast (DOMAIN.md causes, one account each). Idempotent: existing accounts are left as
 * they are, so a demo member who changed their password keeps it. Two states are renewed on every run
 * because time ends them: `locked@example.jp` is locked again if its lock has run out, and `sayonara2026`
 * is withdrawn "yesterday" again once its cooling-off period is over. Returns member IDs by login (members
 * that exist after the run).
 */
export async function seedDemo(deps: AppDeps): Promise<Map<string, number>> {
  // Published passwords and TOTP secrets: a production deployment never gets them (config refuses DEMO_DATA too).
  if (deps.config.production) throw new Error('the demo cast is never created in production');
  const ids = new Map<string, number>();
  const existing = new Map<string, number>();
  for (const m of demoMembers) {
    const found = await findMemberByUserId(deps.db, m.login);
    if (found) existing.set(m.login, found.id);
  }
  // The new members' password hashes at once: argon2 runs on the thread pool, so on an empty DATA_DIR this
  // takes about the time of one hash per core instead of one per member (cold start, bench/README.md).
  const hashes = new Map(
    await Promise.all(
      demoMembers
        .filter((m) => !existing.has(m.login))
        .map(async (m) => [m.login, await hashSecret(m.password)] as const),
    ),
  );
  for (const m of demoMembers) {
    const existingId = existing.get(m.login);
    if (existingId !== undefined) {
      ids.set(m.login, existingId);
      continue;
    }
    if (m.login === 'sayonara2026' && (await isUserIdCoolingOff(deps.db, m.login, deps.now()))) continue;
    const created = await insertMember(deps.db, {
      userId: m.login,
      userIdIsEmail: m.login.includes('@'),
      email: m.email ?? m.login,
      passwordHash: hashes.get(m.login) ?? (await hashSecret(m.password)),
      lang: 'ja',
      verifiedAt: deps.now(),
    });
    if (created) ids.set(m.login, created.id);
    // hanako's registration details (address, phone, payment account) are filled once, so /settings and the
    // console's case show registered items; a demo member who changes them keeps the change.
    if (created && m.login === 'hanako@example.jp')
      for (const change of HANAKO_REGISTRATION) await saveRegistration(deps, deps.db, created.id, change);
    // Two-step login is turned on once, when the member is created: a demo member who turned it off keeps it off.
    if (created && m.totpSecret) await turnOnTwoStepWithSecret(deps, created.id, m.totpSecret);
  }
  const banned = ids.get('banned@example.jp');
  if (banned) await markForceWithdrawn(deps.db, banned, 'demo: violation of member terms', deps.now());
  await seedCardsDemo(deps, ids);
  await seedSupportDemo(deps);
  await lockDemoAccount(deps, 'locked@example.jp');
  await markMailboxUnreachable(
    deps.db,
    'oldphone@example.jp',
    'demo: carrier address given up with the old phone',
    deps.now(),
  );
  const sayonara = ids.get('sayonara2026');
  if (sayonara) {
    // Withdrawn through the real flow, dated yesterday: the cooling-off period and the farewell mail are real.
    await withdrawMember({ ...deps, now: () => new Date(deps.now().getTime() - DAY_MS) }, sayonara);
    ids.delete('sayonara2026');
  }
  await seedOidcDemo(deps);
  return ids;
}

/** Fictitious details (a 100-0001 address in Chiyoda, a 090-0000 phone, a made-up bank). */
const HANAKO_REGISTRATION: RegistrationChange[] = [
  {
    item: 'address',
    address: {
      postalCode: '100-0001',
      prefecture: '13',
      addressLine1: '千代田区千代田1-1',
      addressLine2: '',
    },
  },
  { item: 'phone', phone: '090-0000-0001' },
  {
    item: 'bank_account',
    bank: {
      bankName: 'カードナビ銀行',
      bankBranch: '本店営業部',
      accountType: 'ordinary',
      accountNumber: '1234567',
      accountHolder: 'サトウ ハナコ',
    },
  },
];

/** Cause 11: the account's wrong passwords used up, then the ordinary lock step (lock, event, mail to the owner). */
async function lockDemoAccount(deps: AppDeps, login: string) {
  const member = await findMemberByUserId(deps.db, login);
  if (!member || (member.locked_until && member.locked_until > deps.now())) return;
  await deps.db.transaction().execute(async (trx) => {
    await setConsecutiveLoginFailures(trx, member.id, deps.config.login.maxFailures);
    await lockAccountAndNotify(trx, deps, member, SEED_CLIENT);
  });
}
