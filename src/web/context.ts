import type { Context } from 'hono';
import type { AppDeps, CurrentMember } from '../deps.ts';
import type { Lang, Translate } from '../i18n/index.ts';
import type { CurrentStaff } from '../support/session.ts';

/** What every request carries once the base middleware ran (see app.ts for the order). */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    t: Translate;
    csrfToken: string;
    secureHeadersNonce?: string;
    member: CurrentMember | undefined;
    /** True when the request carried a session cookie that is no longer valid (for the S01 notice). */
    sessionExpired: boolean;
    /** Set only under /support, by the console's session middleware. */
    staff: CurrentStaff | undefined;
    staffSessionExpired: boolean;
    ip: string;
    /** Service origins a page's forms may end up at (single sign-on); see web/return-to.ts. */
    formActionOrigins?: string[];
  };
}

/** Member pages: their group's guard (requireMember) ran, so the member is always there. */
export interface MemberEnv {
  Variables: Omit<AppEnv['Variables'], 'member'> & { member: CurrentMember };
}

/** Console pages for staff: their group's guard (requireStaff) ran, so the staff member is always there. */
export interface StaffEnv {
  Variables: Omit<AppEnv['Variables'], 'staff'> & { staff: CurrentStaff };
}

/**
 * A page's context as views and shared helpers read it. Any audience's context fits (public, member, staff):
 * it leaves out `set`, the one member through which a member page's context could not pass for a public one.
 */
export type AppContext = Omit<Context<AppEnv>, 'set'>;
/**
 * Any audience's context, for plumbing that hands the context to a hono helper (cookies); it reads variables
 * untyped, so it is for web/ and session middleware, not for pages.
 */
export type RequestContext = Context;
export type PublicContext = Context<AppEnv>;
export type MemberContext = Context<MemberEnv>;
export type StaffContext = Context<StaffEnv>;
