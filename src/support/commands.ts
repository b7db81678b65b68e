import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { type Command, UsageError } from '../cli-types.ts';
import { withDatabase } from '../db/database.ts';
import { verifyAuditChain } from './audit.ts';
import { createStaff } from './create-staff.ts';
import { STAFF_ROLES, type StaffRole } from './tables.ts';

/** Environment variable the staff password is read from (so it never appears in the shell history). */
export const STAFF_PASSWORD_ENV = 'CARDNAVI_STAFF_PASSWORD';

async function promptPassword(): Promise<string> {
  if (!process.stdin.isTTY) throw new Error(`set ${STAFF_PASSWORD_ENV} or run in a terminal`);
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  // Hide what is typed: echo nothing but the prompt.
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  let prompted = false;
  out._writeToOutput = (s: string) => {
    if (!prompted) {
      out.output.write(s);
      prompted = true;
    }
  };
  try {
    return await rl.question('Password (≥ 12 characters): ');
  } finally {
    rl.close();
    process.stdout.write('\n');
  }
}

/** CLI commands of the support domain: staff accounts and the audit chain check. */
export const supportCommands: Command[] = [
  {
    name: 'staff create',
    usage: '--login ID --name NAME --role operator|supervisor|admin',
    summary: `create console staff: --login ID --name NAME --role operator|supervisor|admin (password from ${STAFF_PASSWORD_ENV} or a prompt)`,
    async run(args, config) {
      const { values } = parseArgs({
        args,
        options: { login: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
      });
      const login = values.login?.trim().toLowerCase() ?? '';
      const role = values.role as StaffRole;
      if (!/^[a-z0-9._-]{3,64}$/.test(login) || !values.name || !STAFF_ROLES.includes(role))
        throw new UsageError();
      const password = process.env[STAFF_PASSWORD_ENV] ?? (await promptPassword());
      return withDatabase(config, async (db) => {
        const result = await createStaff(
          { db, config, now: () => new Date() },
          { login, displayName: values.name ?? login, role, password },
          null,
        );
        if (!result.ok) {
          console.error(
            result.code === 'login_taken'
              ? `staff ${login} already exists`
              : `password rejected: ${result.problem}`,
          );
          return 1;
        }
        console.log(`staff ${login} (${role}) created.`);
        console.log('Add this to their authenticator app now; it is not shown again:');
        console.log(`  secret: ${result.totpSecret}`);
        console.log(`  uri:    ${result.totpUri}`);
        return 0;
      });
    },
  },
  {
    name: 'audit verify',
    summary: 'check the audit log hash chain; exit 1 and name the first broken row if it was altered',
    async run(args, config) {
      parseArgs({ args });
      return withDatabase(config, async (db) => {
        const result = await verifyAuditChain(db);
        if (result.ok) {
          console.log(`audit log OK (${result.rows} rows)`);
          return 0;
        }
        console.error(
          `audit log BROKEN at row ${result.brokenId} (${result.problem}); ${result.rows} rows before it are intact`,
        );
        return 1;
      });
    },
  },
];
