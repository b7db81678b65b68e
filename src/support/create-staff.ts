import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import type { Failure } from '../errors/catalog.ts';
import { encrypt } from '../security/data-keys.ts';
import { checkPasswordPolicy, hashSecret, type PasswordProblem } from '../security/password.ts';
import { appendAudit } from './audit.ts';
import { insertStaff } from './repository.ts';
import type { StaffRole } from './tables.ts';
import { generateTotpSecret, totpUri } from './totp.ts';

export interface NewStaff {
  /** Lower case, 3–64 of a-z 0-9 . _ - */
  login: string;
  displayName: string;
  role: StaffRole;
  password: string;
  /** A fixed secret (the demo cast); otherwise a new random one. */
  totpSecret?: string;
}

export type CreateStaffResult =
  | { ok: true; staffId: number; totpSecret: string; totpUri: string }
  | Failure<'login_taken'>
  | Failure<'weak_password', { problem: PasswordProblem }>;

/**
 * Creates a staff account (CLI, admin console, demo seed). The password follows the member policy
 * (≥ 12, PCI DSS 8.3.6); the TOTP secret is stored encrypted and returned once, to be shown once.
 * The creation is audited with the creating admin (null from the CLI).
 */
export async function createStaff(
  deps: { db: Db; config: Config; now: () => Date },
  input: NewStaff,
  createdBy: number | null,
): Promise<CreateStaffResult> {
  const problem = checkPasswordPolicy(input.password, { userId: input.login });
  if (problem) return { ok: false, code: 'weak_password', problem };
  const totpSecret = input.totpSecret ?? generateTotpSecret();
  const passwordHash = await hashSecret(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertStaff(trx, {
      login: input.login,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      totpSecretEnc: encrypt(deps.config.dataKeys, totpSecret),
    });
    if (!row) return { ok: false, code: 'login_taken' } as const;
    await appendAudit(trx, {
      at: deps.now(),
      staffId: createdBy,
      action: 'staff.create',
      after: { staffId: row.id, login: input.login, role: input.role },
    });
    return { ok: true, staffId: row.id, totpSecret, totpUri: totpUri(totpSecret, input.login) } as const;
  });
}
