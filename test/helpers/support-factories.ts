import { cardNumberHash } from '../../src/cards/repository.ts';
import type { AppDeps } from '../../src/deps.ts';
import { encrypt } from '../../src/security/data-keys.ts';
import { hashSecret } from '../../src/security/password.ts';
import { createStaff } from '../../src/support/create-staff.ts';
import type { StaffRole } from '../../src/support/tables.ts';
import { currentTotpCode } from '../../src/support/totp.ts';
import type { TestClient } from './app.ts';

let counter = 0;
let pinHash: Promise<string> | undefined;

export interface TestCard {
  id: number;
  number: string;
  last4: string;
  holderName: string;
  birthDate: string;
  phone: string;
}

/**
 * Inserts a card applied for by a member (start PIN 4721). Defaults give each card a unique number;
 * `locked` sets the start PIN as used up (5 wrong, locked now).
 */
export async function createCard(
  deps: AppDeps,
  memberId: number | null,
  options: {
    number?: string;
    holderName?: string;
    birthDate?: string;
    phone?: string;
    locked?: boolean;
    status?: 'active' | 'suspended';
  } = {},
): Promise<TestCard> {
  counter += 1;
  const number =
    options.number ??
    `49801234${String(Date.now() % 1e4).padStart(4, '0')}${String(counter).padStart(4, '0')}`;
  pinHash ??= hashSecret('4721');
  const values = {
    holderName: options.holderName ?? 'HANAKO SATO',
    birthDate: options.birthDate ?? '1990-04-01',
    phone: options.phone ?? '090-1234-5678',
  };
  const row = await deps.db
    .insertInto('cards')
    .values({
      member_id: memberId,
      number_enc: encrypt(deps.config.dataKeys, number),
      number_hash: await cardNumberHash(deps.db, deps.config, number),
      last4: number.slice(-4),
      expiry_year: 2030,
      expiry_month: 12,
      holder_name: values.holderName,
      birth_date: values.birthDate,
      phone: values.phone,
      brand: 'visa',
      credit_limit: 500_000,
      status: options.status ?? 'active',
      status_reason: null,
      status_changed_at: null,
      start_pin_hash: await pinHash,
      start_pin_failures: options.locked ? 5 : 0,
      start_pin_locked_at: options.locked ? deps.now() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, number, last4: number.slice(-4), ...values };
}

export interface TestStaff {
  id: number;
  login: string;
  password: string;
  role: StaffRole;
  totpSecret: string;
}

/** Creates a staff member with a known password and TOTP secret. */
export async function createTestStaff(deps: AppDeps, role: StaffRole, login?: string): Promise<TestStaff> {
  counter += 1;
  const staff = { login: login ?? `${role}${counter}x`, password: 'staff-test-password-2026', role };
  const result = await createStaff(deps, { ...staff, displayName: `Test ${role}` }, null);
  if (!result.ok) throw new Error(`cannot create staff: ${result.code}`);
  return { id: result.staffId, totpSecret: result.totpSecret, ...staff };
}

/** Signs a client in to the console with the code for the app's current time. */
export function staffLogIn(client: TestClient, deps: AppDeps, staff: TestStaff, password = staff.password) {
  return client.post('/support/login', {
    login: staff.login,
    password,
    code: currentTotpCode(staff.totpSecret, deps.now()),
  });
}

/** The answers that verify a caller for a card. */
export function rightAnswers(card: TestCard) {
  return {
    cardId: String(card.id),
    fullName: card.holderName.toLowerCase(),
    birthDate: card.birthDate,
    phone: card.phone.replace(/-/g, ''),
    cardNumber: card.number,
  };
}
