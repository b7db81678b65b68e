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
