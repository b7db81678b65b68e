import {
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { decodeClientDataJSON, isoBase64URL, isoUint8Array } from '@simplewebauthn/server/helpers';
import { verifyCurrentPassword } from '../account/reauthenticate.ts';
import type { Config } from '../config.ts';
import type { AppDeps, CurrentMember } from '../deps.ts';
import type { Failure } from '../errors/catalog.ts';
import { hashToken } from '../security/tokens.ts';
import { revokePendingTokens } from './pending-tokens.ts';
import { deleteMemberSessions, recordAuthEvent } from './repository.ts';
import {
  advancePasskeyCounter,
  consumeWebauthnChallenge,
  deletePasskey as deletePasskeyRow,
  findPasskeyByCredentialId,
  insertPasskey,
  insertWebauthnChallenge,
  listPasskeys,
  renamePasskey as renamePasskeyRow,
} from './sign-in-repository.ts';
import { type SignInClient, startSignedInSession } from './sign-ins.ts';

/** A WebAuthn ceremony must finish within 5 minutes of its challenge. */
export const WEBAUTHN_CHALLENGE_MS = 5 * 60 * 1000;
/** Longest passkey name a member may give. */
export const PASSKEY_NAME_MAX = 64;

/**
 * The relying party is the configured public URL, never the request's Host header: its host name is the
 * RP ID and its origin the only origin an assertion may come from (phishing resistance rests on this).
 */
export function relyingParty(config: Config) {
  return { rpName: 'cardnavi', rpID: config.publicUrl.hostname, origin: config.publicUrl.origin };
}

/**
 * The user handle the authenticator stores with a passkey: the internal member number, never the user ID
 * or the email (WebAuthn §14.6.1: no personal data in the handle).
 */
function userHandleOf(memberId: number): Uint8Array<ArrayBuffer> {
  return isoUint8Array.fromUTF8String(`m${memberId}`) as Uint8Array<ArrayBuffer>;
}

/** The challenge a response answers, taken from its clientDataJSON (verified against our record next). */
function challengeOf(response: { response: { clientDataJSON: string } }): string | undefined {
  try {
    return decodeClientDataJSON(response.response.clientDataJSON).challenge;
  } catch {
    return undefined;
  }
}

async function storeChallenge(
  deps: AppDeps,
  challenge: string,
  purpose: 'register' | 'sign_in',
  memberId: number | null,
) {
  await insertWebauthnChallenge(deps.db, {
    challengeHash: hashToken(challenge),
    purpose,
    memberId,
    expiresAt: new Date(deps.now().getTime() + WEBAUTHN_CHALLENGE_MS),
  });
}

export interface PasskeyView {
  id: number;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  backedUp: boolean;
}

/** The member's passkeys, oldest first. */
export async function listMemberPasskeys(deps: AppDeps, memberId: number): Promise<PasskeyView[]> {
  const rows = await listPasskeys(deps.db, memberId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    backedUp: r.backed_up,
  }));
}

export type BeginPasskeyRegistrationResult =
  | { ok: true; options: PublicKeyCredentialCreationOptionsJSON }
  | Failure<'wrong_password' | 'R01'>;

/**
 * Step 1 of adding a passkey: the current password again (a stolen session alone cannot add a way in),
 * then creation options for a discoverable credential with user verification, excluding the member's
 * existing passkeys. The challenge is stored hashed, bound to the member, for 5 minutes.
 */
export async function beginPasskeyRegistration(
  deps: AppDeps,
  member: Pick<CurrentMember, 'id' | 'userId'>,
  password: string,
): Promise<BeginPasskeyRegistrationResult> {
  const check = await verifyCurrentPassword(deps, member.id, password);
  if (!check.ok) return check;
  const rp = relyingParty(deps.config);
  const existing = await listPasskeys(deps.db, member.id);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: member.userId,
    userID: userHandleOf(member.id),
    attestationType: 'none',
    timeout: WEBAUTHN_CHALLENGE_MS,
    excludeCredentials: existing.map((p) => ({
      id: p.credential_id,
      ...(p.transports ? { transports: p.transports.split(',') as AuthenticatorTransport[] } : {}),
    })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await storeChallenge(deps, options.challenge, 'register', member.id);
  return { ok: true, options };
}

export type FinishPasskeyRegistrationResult = { ok: true; passkeyId: number } | Failure<'passkey_refused'>;

/**
 * Step 2: verifies the authenticator's answer (our challenge, used once; our origin and RP ID; user
 * verified) and stores the passkey. Adding a way to sign in ends the member's other sessions and every
 * pending token (reset link, email change, the tokens group services hold).
 */
export async function finishPasskeyRegistration(
  deps: AppDeps,
  member: Pick<CurrentMember, 'id' | 'email' | 'sessionTokenHash'>,
  response: RegistrationResponseJSON,
  name: string,
  client: SignInClient,
): Promise<FinishPasskeyRegistrationResult> {
  const fail = { ok: false, code: 'passkey_refused' } as const;
  const challenge = challengeOf(response);
  if (!challenge) return fail;
  const now = deps.now();
  if (!(await consumeWebauthnChallenge(deps.db, hashToken(challenge), 'register', member.id, now)))
    return fail;
  const rp = relyingParty(deps.config);
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
    });
  } catch (e) {
    deps.log.info(
      { err: { message: (e as Error).message }, memberId: member.id },
      'passkey registration refused',
    );
    return fail;
  }
  if (!verification.verified) return fail;
  const info = verification.registrationInfo;
  const trimmed = name.trim().slice(0, PASSKEY_NAME_MAX) || 'passkey';
  return deps.db.transaction().execute(async (trx) => {
    const id = await insertPasskey(trx, {
      memberId: member.id,
      credentialId: info.credential.id,
      publicKey: info.credential.publicKey,
      signCount: info.credential.counter,
      transports: info.credential.transports?.join(',') ?? null,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name: trimmed,
      now,
    });
    if (id === undefined) return fail;
    await revokePendingTokens(trx, member);
    const revoked = await deleteMemberSessions(trx, member.id, member.sessionTokenHash);
    await recordAuthEvent(trx, {
      kind: 'passkey_added',
      memberId: member.id,
      reason: `sessions_revoked_${revoked}`,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { ok: true, passkeyId: id } as const;
  });
}

/**
 * Options for "Sign in with a passkey": no user ID typed, so no credential list (a discoverable
 * credential names its member), user verification required. The challenge is stored hashed for 5 minutes.
 */
export async function beginPasskeySignIn(deps: AppDeps): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const rp = relyingParty(deps.config);
  const options = await generateAuthenticationOptions({
    rpID: rp.rpID,
    userVerification: 'required',
    timeout: WEBAUTHN_CHALLENGE_MS,
  });
  await storeChallenge(deps, options.challenge, 'sign_in', null);
  return options;
}

export type PasskeySignInResult =
  | { ok: true; memberId: number; sessionToken: string }
  | Failure<'passkey_refused'>
  | Failure<'M01'>;

/**
 * Signs in with a passkey. Refused unless: the challenge is ours, unexpired and unused; the origin and RP ID
 * are ours; the user was verified; the signature checks against the stored key; the signature counter moved
 * forward (a replayed assertion or a cloned authenticator repeats an old one) — recorded in one guarded
 * UPDATE. A passkey is both factors (possession + verification), so no second step is asked. It does not
 * lift a password lock: that lock guards the password, which a passkey sign-in does not prove.
 */
export async function finishPasskeySignIn(
  deps: AppDeps,
  response: AuthenticationResponseJSON,
  client: SignInClient,
): Promise<PasskeySignInResult> {
  const fail = { ok: false, code: 'passkey_refused' } as const;
  const challenge = challengeOf(response);
  if (!challenge || typeof response.id !== 'string') return fail;
  const now = deps.now();
  if (!(await consumeWebauthnChallenge(deps.db, hashToken(challenge), 'sign_in', null, now))) return fail;
  const passkey = await findPasskeyByCredentialId(deps.db, response.id);
  if (!passkey) return fail;
  const userHandle = response.response.userHandle;
  if (userHandle && userHandle !== isoBase64URL.fromBuffer(userHandleOf(passkey.id))) return fail;
  const storedCount = Number(passkey.sign_count);
  const rp = relyingParty(deps.config);
  let newCounter: number;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: true,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: storedCount,
        ...(passkey.transports
          ? { transports: passkey.transports.split(',') as AuthenticatorTransport[] }
          : {}),
      },
    });
    if (!verification.verified) return fail;
    newCounter = verification.authenticationInfo.newCounter;
  } catch (e) {
    deps.log.info(
      { err: { message: (e as Error).message }, memberId: passkey.id },
      'passkey sign-in refused',
    );
    await recordAuthEvent(deps.db, {
      kind: 'login_failure',
      memberId: passkey.id,
      reason: 'passkey_refused',
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return fail;
  }
  if (passkey.status !== 'active') return { ok: false, code: 'M01' };
  return deps.db.transaction().execute(async (trx) => {
    if (!(await advancePasskeyCounter(trx, passkey.passkey_id, storedCount, newCounter, now))) return fail;
    const sessionToken = await startSignedInSession(trx, deps, passkey, 'passkey', client, {
      keepFailures: true,
    });
    return { ok: true, memberId: passkey.id, sessionToken } as const;
  });
}

/** Renames one of the member's passkeys. */
export async function renameMemberPasskey(
  deps: AppDeps,
  memberId: number,
  passkeyId: number,
  name: string,
): Promise<{ ok: true } | Failure<'passkey_not_found'>> {
  const trimmed = name.trim().slice(0, PASSKEY_NAME_MAX);
  if (!trimmed || !(await renamePasskeyRow(deps.db, memberId, passkeyId, trimmed)))
    return { ok: false, code: 'passkey_not_found' };
  return { ok: true };
}

/** Deletes one of the member's passkeys (it can no longer sign in). */
export async function deleteMemberPasskey(
  deps: AppDeps,
  memberId: number,
  passkeyId: number,
  client: SignInClient,
): Promise<{ ok: true } | Failure<'passkey_not_found'>> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await deletePasskeyRow(trx, memberId, passkeyId)))
      return { ok: false, code: 'passkey_not_found' } as const;
    await recordAuthEvent(trx, {
      kind: 'passkey_removed',
      memberId,
      reason: `passkey_${passkeyId}`,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    return { ok: true } as const;
  });
}
