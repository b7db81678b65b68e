import type { AppDeps } from '../../src/deps.ts';
import { normaliseIdentifier } from '../../src/members/identity.ts';
import { insertMember } from '../../src/members/repository.ts';
import type { MemberStatus } from '../../src/members/tables.ts';
import { hashSecret } from '../../src/security/password.ts';

let counter = 0;

/** Creates a verified member. Defaults: a unique user ID, its email, password 'correct-horse-battery-9'. */
export async function createMember(
  deps: AppDeps,
  options: {
    userId?: string;
    email?: string;
    password?: string;
    status?: MemberStatus;
    lang?: 'ja' | 'en';
  } = {},
) {
  counter += 1;
  const userId = normaliseIdentifier(options.userId ?? `member${Date.now().toString(36)}${counter}`);
  const email = normaliseIdentifier(
    options.email ?? (userId.includes('@') ? userId : `${userId}@example.jp`),
  );
  const password = options.password ?? 'correct-horse-battery-9';
  const created = await insertMember(deps.db, {
    userId,
    userIdIsEmail: userId.includes('@'),
    email,
    passwordHash: await hashSecret(password),
    lang: options.lang ?? 'ja',
    verifiedAt: deps.now(),
  });
  if (!created) throw new Error(`member ${userId} already exists`);
  if (options.status && options.status !== 'active') {
    await deps.db
      .updateTable('members')
      .set({ status: options.status })
      .where('id', '=', created.id)
      .execute();
  }
  return { id: created.id, userId, email, password };
}
