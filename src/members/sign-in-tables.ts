import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** How a member signed in, as the sign-in history shows it. */
export type SignInMethod = 'password' | 'passkey' | 'two_step' | 'service';

export interface MemberTotpTable {
  member_id: number;
  /** Base32 secret encrypted under the data keys (security/crypto.ts). */
  secret_enc: string;
  /** The last accepted time step: a code is accepted once (compare-and-swap). */
  last_step: string | number | bigint | null;
  created_at: Timestamp;
  /** Null until the member has typed a first correct code; only then is two-step login on. */
  confirmed_at: Timestamp | null;
}

export interface MemberRecoveryCodesTable {
  id: Generated<number>;
  member_id: number;
  /** SHA-256 of member id and the code; the code itself is shown once and never stored. */
  code_hash: string;
  used_at: Timestamp | null;
}

export interface PendingLoginsTable {
  /** SHA-256 of the pending-login cookie token. */
  token_hash: string;
  member_id: number;
  purpose: Generated<'login'>;
  created_at: Timestamp;
  expires_at: Timestamp;
  device_hash: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface MemberDevicesTable {
  id: Generated<string>;
  member_id: number;
  /** SHA-256 of the device cookie's token. */
  device_hash: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  user_agent: string | null;
  /** Until then this browser skips the second factor; null when not (or no longer) remembered. */
  two_step_remembered_until: Timestamp | null;
}

export interface SignInAlertsTable {
  token_hash: string;
  member_id: number;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface MemberPasskeysTable {
  id: Generated<number>;
  member_id: number;
  /** base64url credential ID, as the browser reports it. */
  credential_id: string;
  /** COSE public key. */
  public_key: Uint8Array;
  sign_count: ColumnType<string, number, number>;
  /** Comma-separated authenticator transports (usb, internal, hybrid…). */
  transports: string | null;
  device_type: string;
  backed_up: boolean;
  name: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
  challenge_hash: string;
  purpose: 'register' | 'sign_in';
  member_id: number | null;
  expires_at: Timestamp;
}

export interface SignInTables {
  member_totp: MemberTotpTable;
  member_recovery_codes: MemberRecoveryCodesTable;
  pending_logins: PendingLoginsTable;
  member_devices: MemberDevicesTable;
  sign_in_alerts: SignInAlertsTable;
  member_passkeys: MemberPasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
}
