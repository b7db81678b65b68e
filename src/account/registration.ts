import type { Executor } from '../db/schema.ts';
import type { AppDeps, CurrentMember } from '../deps.ts';
import { translator } from '../i18n/index.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { encrypt } from '../security/data-keys.ts';
import type { PostalAddress, PrefectureCode } from './address.ts';
import { type ReauthResult, verifyCurrentPassword } from './reauthenticate.ts';
import {
  findMemberProfile,
  listMemberProfileChanges,
  type ProfileFields,
  saveMemberProfile,
  setMemberMailLang,
} from './repository.ts';
import type { RegistrationItem } from './tables.ts';

/**
 * Registration details in settings (issue 12): postal address, phone, payment bank account and mail
 * preferences. Every change proves the current password first (reauthenticate.ts), is saved with a record of
 * which item changed, and mails the member — in one transaction, so the mail goes out only with the change.
 * The account number is stored encrypted under DATA_KEYS; only its last 3 digits are ever shown.
 */

export interface BankAccountInput {
  bankName: string;
  bankBranch: string;
  accountType: 'ordinary' | 'current';
  /** 7 digits. */
  accountNumber: string;
  /** Katakana. */
  accountHolder: string;
}

export interface RegistrationDetails {
  address: PostalAddress | null;
  phone: string | null;
  bank: {
    bankName: string;
    bankBranch: string;
    accountType: 'ordinary' | 'current';
    last3: string;
    holder: string;
  } | null;
  mailLang: 'ja' | 'en';
  marketingMail: boolean;
}

/** What settings (and the console) show: never more of the account number than its last 3 digits. */
export async function loadRegistrationDetails(
  deps: AppDeps,
  member: { id: number; lang: 'ja' | 'en' },
): Promise<RegistrationDetails> {
  const row = await findMemberProfile(deps.db, member.id);
  return {
    address:
      row?.postal_code && row.prefecture && row.address_line1
        ? {
            postalCode: row.postal_code,
            prefecture: row.prefecture as PrefectureCode,
            addressLine1: row.address_line1,
            addressLine2: row.address_line2 ?? undefined,
          }
        : null,
    phone: row?.phone ?? null,
    bank:
      row?.bank_name && row.bank_branch && row.bank_account_type && row.bank_account_last3
        ? {
            bankName: row.bank_name,
            bankBranch: row.bank_branch,
            accountType: row.bank_account_type,
            last3: row.bank_account_last3,
            holder: row.bank_account_holder ?? '',
          }
        : null,
    mailLang: member.lang,
    marketingMail: row?.marketing_mail ?? false,
  };
}

/**
 * The console's read-only view: which items are registered and the newest changes (which item, when) —
 * never the values, which the console only compares when it verifies a caller.
 */
export async function registrationForConsole(deps: AppDeps, member: { id: number; lang: 'ja' | 'en' }) {
  const [details, changes] = await Promise.all([
    loadRegistrationDetails(deps, member),
    listMemberProfileChanges(deps.db, member.id),
  ]);
  return {
    registered: {
      address: details.address !== null,
      phone: details.phone !== null,
      bank_account: details.bank !== null,
    },
    changes: changes.map((c) => ({ item: c.item, at: c.changed_at })),
  };
}

export type RegistrationChange =
  | { item: 'address'; address: PostalAddress }
  | { item: 'phone'; phone: string }
  | { item: 'bank_account'; bank: BankAccountInput }
  | { item: 'notifications'; mailLang: 'ja' | 'en'; marketingMail: boolean };

function fieldsOf(deps: AppDeps, change: RegistrationChange): ProfileFields {
  switch (change.item) {
    case 'address':
      return {
        postal_code: change.address.postalCode,
        prefecture: change.address.prefecture,
        address_line1: change.address.addressLine1,
        address_line2: change.address.addressLine2 || null,
      };
    case 'phone':
      return { phone: change.phone };
    case 'bank_account':
      return {
        bank_name: change.bank.bankName,
        bank_branch: change.bank.bankBranch,
        bank_account_type: change.bank.accountType,
        bank_account_number_enc: encrypt(deps.config.dataKeys, change.bank.accountNumber),
        bank_account_last3: change.bank.accountNumber.slice(-3),
        bank_account_holder: change.bank.accountHolder,
      };
    case 'notifications':
      return { marketing_mail: change.marketingMail };
  }
}

/** Saves one registration item and records the change for the console (no mail: the caller decides). */
export function saveRegistration(deps: AppDeps, db: Executor, memberId: number, change: RegistrationChange) {
  return saveMemberProfile(db, memberId, change.item, fieldsOf(deps, change), deps.now());
}

/**
 * Changes one registration item after the current password is proven: saved, recorded for the console and
 * mailed to the member (the mail names the item, never the new value), in one transaction.
 */
export async function changeRegistration(
  deps: AppDeps,
  member: CurrentMember,
  currentPassword: string,
  change: RegistrationChange,
): Promise<ReauthResult> {
  const check = await verifyCurrentPassword(deps, member.id, currentPassword);
  if (!check.ok) return check;
  const mailLang = change.item === 'notifications' ? change.mailLang : member.lang;
  await deps.db.transaction().execute(async (trx) => {
    await saveRegistration(deps, trx, member.id, change);
    if (change.item === 'notifications') await setMemberMailLang(trx, member.id, change.mailLang);
    await enqueueMail(trx, deps.config, {
      to: member.email,
      lang: mailLang,
      template: 'registration_changed',
      params: {
        userId: member.userId,
        item: translator(mailLang)(`registration.item.${change.item}` as const),
        resetLink: '/forgot/password',
      },
    });
  });
  deps.log.info({ memberId: member.id, item: change.item }, 'registration details changed');
  return { ok: true };
}

export type { RegistrationItem };
