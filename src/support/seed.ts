import { demoStaff } from '../demo/cast.ts';
import type { AppDeps } from '../deps.ts';
import { createStaff } from './create-staff.ts';
import { findStaffByLogin } from './repository.ts';
import { STAFF_ROLES, type StaffRole } from './tables.ts';

/** Creates the demo staff with their fixed TOTP secrets (idempotent: existing accounts are left alone). */
export async function seedSupportDemo(deps: AppDeps): Promise<void> {
  for (const s of demoStaff) {
    if (await findStaffByLogin(deps.db, s.login)) continue;
    if (!(STAFF_ROLES as readonly string[]).includes(s.role))
      throw new Error(`demo staff ${s.login}: bad role`);
    const result = await createStaff(
      deps,
      {
        login: s.login,
        displayName: s.login,
        role: s.role as StaffRole,
        password: s.password,
        totpSecret: s.totpSecret,
      },
      null,
    );
    if (!result.ok && result.code !== 'login_taken') throw new Error(`demo staff ${s.login}: ${result.code}`);
  }
}
