/**
 * The one catalog of coded errors a member can meet. Pages, the help center's lookup (/help/errors/CODE),
 * mail and logs all use these codes; their text lives in errors/messages.ts (error.CODE.title/.explanation/.action).
 */
export const errorCatalog = {
  /** Wrong user ID or password (also shown, deliberately, for unknown IDs and locked accounts). */
  L01: { area: 'login', contactCenter: false, httpStatus: 401 },
  /** Account temporarily locked after repeated wrong passwords (told by email, never on the login page). */
  A01: { area: 'login', contactCenter: false, httpStatus: 401 },
  /** Session ended by idle timeout, absolute timeout or logout elsewhere. */
  S01: { area: 'login', contactCenter: false, httpStatus: 401 },
  /** Too many requests from this network; wait and retry. */
  R01: { area: 'login', contactCenter: false, httpStatus: 429 },
  /** Membership force-withdrawn for a violation of the member terms. */
  M01: { area: 'member', contactCenter: true, httpStatus: 403 },
  /** Password-reset or verification link expired, already used, or replaced by a newer one. */
  M02: { area: 'member', contactCenter: false, httpStatus: 410 },
  /** Card suspended (late payment or periodic re-screening). */
  C01: { area: 'card', contactCenter: true, httpStatus: 403 },
  /** Card force-cancelled by the issuer. */
  C02: { area: 'card', contactCenter: true, httpStatus: 403 },
  /** Card cancelled after the renewal screening. */
  C03: { area: 'card', contactCenter: true, httpStatus: 403 },
  /** Card closed at the member's request. */
  C04: { area: 'card', contactCenter: false, httpStatus: 403 },
  /** Start procedure locked after too many wrong start PINs; only the contact center unlocks it. */
  P01: { area: 'enrollment', contactCenter: true, httpStatus: 403 },
  /** The card was applied for with a different member ID. */
  P02: { area: 'enrollment', contactCenter: false, httpStatus: 409 },
  /** Card details do not match (card number, birth date). */
  P03: { area: 'enrollment', contactCenter: false, httpStatus: 422 },
  /** Too many enrollment attempts in a short time. */
  P04: { area: 'enrollment', contactCenter: false, httpStatus: 429 },
  /** A wrong start PIN with tries left: a warning, not a lock (the try that reaches the limit answers P01). */
  P05: { area: 'enrollment', contactCenter: false, httpStatus: 401 },
} as const satisfies Record<string, { area: ErrorArea; contactCenter: boolean; httpStatus: number }>;

export type ErrorArea = 'login' | 'member' | 'card' | 'enrollment';
export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCatalog, value);
}

/** The help center page that explains a code. */
export function errorHelpPath(code: ErrorCode): string {
  return `/help/errors/${code}`;
}

/**
 * Failures a flow can answer that have no help page: the route turns them into a form error or a plain page
 * (a public code above gets its coded page). Every `{ ok: false, code }` in the code base uses a code from
 * errorCatalog or from this list, so a route can switch over one closed set.
 */
export const internalErrors = {
  /** Re-authentication before a change: the current password is wrong. */
  wrong_password: 'members',
  /** The link's registration or email change would take a user ID that another member ID holds. */
  user_id_taken: 'members',
  /** An email-change link opened without a session of the member who asked for it: log in first. */
  login_required: 'members',
  /** An email change to the address the member already has. */
  same_email: 'members',
  /** A password reset for a member ID with a second factor: the reset link alone is not enough. */
  second_factor_required: 'members',
  /** A second-step code (authenticator app or recovery code) that is wrong, already used or replayed. */
  wrong_code: 'members',
  /** The pending sign-in between password and second step is unknown, expired or already used. */
  second_step_expired: 'members',
  /** Two-step login is already on (setup asked again). */
  two_step_already_on: 'members',
  /** Two-step setup confirmed without a started setup. */
  two_step_not_started: 'members',
  /** A change that needs two-step login on (it is off). */
  two_step_not_on: 'members',
  /** A passkey ceremony the server refuses (challenge, origin, RP ID, signature, counter or user verification). */
  passkey_refused: 'members',
  /** No passkey of this member with that id. */
  passkey_not_found: 'members',
  /** No live session of this member with that handle. */
  session_not_found: 'members',
  /** The member ID does not exist (any more). */
  not_found: 'members',
  /** The member ID is not active (already force-withdrawn). */
  not_active: 'members',
  /** Staff login failed: wrong login, password or code, or the staff member is locked (one answer for all). */
  staff_login_failed: 'support',
  /** Staff login with the right password and a code already used in its window: wait for the next code. */
  staff_code_reused: 'support',
  /** A staff login name that is already in use. */
  login_taken: 'support',
  /** A staff password that the password policy refuses. */
  weak_password: 'support',
  /** A caller action before the caller's identity was verified in this staff session. */
  not_verified: 'support',
  /** The card named in an identity check is not one of the member's cards. */
  card_not_of_member: 'support',
  /** Too many identity checks for this member in a short time. */
  too_many_attempts: 'support',
  /** An operator-assisted email change is already waiting for a supervisor's decision for this member. */
  change_already_requested: 'support',
  /** A supervisor may not decide an email change they asked for themselves (four eyes). */
  own_request: 'support',
  /** The audit log's hash chain is broken at some row. */
  audit_chain_broken: 'support',
  /** Card controls: not a card this member enrolled (answered 404 whether it exists or not). */
  card_not_found: 'cards',
  /** Card controls: the card is not active (already reported, suspended or cancelled). */
  card_not_active: 'cards',
  /** A console member search that is neither an exact user ID / email nor a prefix of 3 characters or more. */
  query_too_short: 'support',
  /** Caller details (card number, name, birth date, phone) that do not all match one card: nobody is named. */
  caller_not_verified: 'support',
  /** The member has no enrolled card to show statements for. */
  no_card: 'statements',
  /** No statement for that card and month. */
  statement_not_found: 'statements',
  /** The line cannot be changed to revolving or instalments now (not one-time, past the cut-off, paid…). */
  payment_change_not_allowed: 'statements',
  /** The line was already changed (a second submit of the same change). */
  payment_change_already_made: 'statements',
  /** A single sign-on client id that is already registered. */
  client_id_taken: 'oidc',
  /** A client's redirect URI that is not an allowed absolute URL. */
  redirect_uri_invalid: 'oidc',
  /** A client's back-channel logout URI that is not an allowed absolute URL. */
  logout_uri_invalid: 'oidc',
} as const satisfies Record<string, string>;

export type InternalErrorCode = keyof typeof internalErrors;
/** Every code a failed flow may answer: a public catalog code or an internal one. */
export type FailureCode = ErrorCode | InternalErrorCode;
/**
 * The one failure shape of every flow: `{ ok: false, code }`, plus whatever the page needs to say more.
 * A union of codes gives a union of failures, so `if (result.code === 'R01')` narrows.
 */
export type Failure<C extends FailureCode, Extra extends object = object> = C extends FailureCode
  ? { ok: false; code: C } & Extra
  : never;
