/**
 * The model-based seam hunt (issue 11, "The test that finds the next seam"): a small model of what should be
 * true for a few members, the commands that drive the real system through HTTP (in-process app, TestClient,
 * mail read from the outbox, time moved with the app's clock), and the invariants checked after every step.
 *
 * Everything here talks to the application through its pages, except observation: the outbox (what each
 * mailbox received), the members and cards rows (counters, for "never above the limit" and "as the model
 * says"), and the audit chain (`cardnavi audit verify` logic). Commands are small classes; adding one is a
 * class with `check` (may it run in this model state?), `run` (drive the app, predict, compare) and `toString`.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { generateCardNumber, maskMemberId } from '../../src/cards/card-number.ts';
import { checkStartPin } from '../../src/cards/start-pin.ts';
import { type OutboxMessage, renderOutboxRow } from '../../src/mail/outbox.ts';
import { verifyAuditChain } from '../../src/support/audit.ts';
import { consoleRouteAccess } from '../../src/support/roles.ts';
import { currentTotpCode } from '../../src/support/totp.ts';
import { type TestApp, TestClient } from './app.ts';
import { createMember } from './factories.ts';
import { createCard, rightAnswers, type TestCard, type TestStaff } from './support-factories.ts';

// ---- fixes that are known and not yet landed -----------------------------------------------------------

/**
 * Known findings of issue 11 whose fix is being built. While a name is in the test's PENDING_FIXES list, the
 * model expects today's behaviour for that one point (so the run stays green); remove the name when the fix
 * lands and the stricter expectation is checked from then on.
 */
export const KNOWN_FINDINGS = {
  'email-change-link-revoked-by-credential-change':
    'Account takeover through a surviving email-change link: a password reset, a password change or a forced withdrawal must end a pending email-change link.',
  'email-change-confirm-needs-session':
    'Confirming an email change requires an active session of the same member as well as the token.',
  'email-change-notifies-current-address':
    'An email-change request immediately notifies the current address (with a one-click cancel link).',
  'email-change-cancel':
    'The cancel link in that notification ends the pending email change (enables the CancelEmailChange command).',
  'reset-lifts-login-lock':
    'A password reset does not lift the login lock: a completed reset clears the failure counter and the lock.',
  'force-withdraw-revokes-tokens':
    'A forced withdrawal ends every pending token of the member (reset link included).',
  'cooling-off-registration-mail':
    'Re-registering a user ID in its cooling-off period: the mail says so (and when it frees up) instead of pointing to forgot-password; forgot-password for an address whose member ID was withdrawn names the ID.',
  'wrong-pin-not-p01': 'A wrong start PIN with tries left is shown as P01 (its own code, e.g. P05).',
  'enrollment-mail': 'After enrollment: a completion mail.',
  'unlock-mails-member': 'An operator unlock (login or start PIN) also mails the member.',
  'p02-after-pin':
    'The "card is on another member ID" answer (P02) comes before the PIN is checked and without counting against the card: the PIN is checked (and counted) first.',
  'reissue-start-pin':
    'A member who forgot the start PIN has no way forward: the operator action "reissue start PIN" (enables the ReissueStartPin command).',
} as const;
export type PendingFix = keyof typeof KNOWN_FINDINGS;

// ---- the model -------------------------------------------------------------------------------------------

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const LINK_MS = 30 * MIN;
const SESSION_IDLE_MS = 30 * MIN;
const SESSION_ABSOLUTE_MS = 12 * 60 * MIN;
const STAFF_IDLE_MS = 15 * MIN;
const COOLING_OFF_MS = 30 * DAY;
const RECOVERY_PER_IDENTIFIER = 5;
const REAUTH_PER_MEMBER = 10;
const WRONG_PASSWORD = 'definitely-not-it-2026';
const WRONG_PIN = '9999';
const RIGHT_PIN = '4721';

/** Limits the run configures (small, so locks are reached in short sequences). */
export const SEAMS_CONFIG = {
  LOGIN_MAX_FAILURES: '3',
  LOGIN_LOCK_MINUTES: '15',
  LOGIN_LOCK_MAX_MINUTES: '1440',
  START_PIN_MAX_FAILURES: '3',
  ENROLL_ATTEMPTS_PER_HOUR: '100000',
} as const;
const LOGIN_MAX = Number(SEAMS_CONFIG.LOGIN_MAX_FAILURES);
const PIN_MAX = Number(SEAMS_CONFIG.START_PIN_MAX_FAILURES);

interface ModelMember {
  dbId: number;
  userId: string;
  email: string;
  password: string;
  /** Passwords this member ID had before (the "old password" a member may still type). */
  oldPasswords: string[];
  status: 'active' | 'force_withdrawn';
  failedLogins: number;
  lockCount: number;
  lockedUntil: number | null;
  reauthUsed: number;
}

interface ModelCard {
  card: TestCard;
  /** The member ID the card belongs to (applied for or enrolled); null after that ID withdrew. */
  memberDbId: number | null;
  enrolledTo: number | null;
  failures: number;
  locked: boolean;
  pin: string;
}

interface Person {
  idx: number;
  /** The user ID and email the person registers with. */
  baseUserId: string;
  baseEmail: string;
  member: ModelMember | undefined;
  card: ModelCard | undefined;
  emailSeq: number;
  passwordSeq: number;
}

type TokenKind = 'registration' | 'reset' | 'email';

interface Token {
  /** Seen dead by a probe: re-probed only at the end of the run (it must never work again). */
  probedDead?: boolean;
  kind: TokenKind;
  value: string;
  person: number;
  /** The member ID it was issued for (reset, email change). */
  memberDbId: number | null;
  issuedAt: number;
  /** Used, replaced or revoked: it must never work again. */
  dead: boolean;
  /** Email change: the one-click cancel link mailed to the current address (once that mail exists). */
  cancelLink?: string;
  /** Registration: what it creates. Email change: the new address. */
  userId?: string;
  email?: string;
  password?: string;
}

interface Session {
  /** Seen dead by a probe: re-probed only at the end of the run (it must never come back). */
  probedDead?: boolean;
  client: TestClient;
  person: number;
  memberDbId: number;
  createdAt: number;
  lastSeen: number;
  dead: boolean;
}

/** A mail the model expects the step to queue: to whom, and which template (undefined: any). */
interface ExpectedMail {
  to: string;
  template?: string;
  /** Text the mail must contain (e.g. the user ID it is about). */
  contains?: string[];
  /** Text it must not contain. */
  lacks?: string[];
}

export interface SeamsModel {
  run: number;
  now: number;
  persons: Person[];
  tokens: Token[];
  sessions: Session[];
  /** User IDs in their cooling-off period → reusable from. */
  coolingOff: Map<string, number>;
  /** User IDs in their cooling-off period → the address of the member ID withdrawn (told by recovery mails). */
  withdrawnFrom: Map<string, string>;
  recoveryRequests: Map<string, number>;
  pending: ReadonlySet<PendingFix>;
  /** Mails queued by the current step, as the model predicts them. */
  expectedMails: ExpectedMail[];
  /** Mails the step may queue but need not (to whom, which template); any other mail is unexpected. */
  optionalMails: { to: string; template: string }[];
  log: string[];
  /** True while the run's starting state is built (steps are checked once, at its end). */
  settingUp: boolean;
}

export interface SeamsReal {
  t: TestApp;
  staff: TestStaff;
  staffClient: TestClient | undefined;
  staffLastSeen: number;
  lastTotpStep: number;
  lastMailId: number;
  lastAuditId: number;
}

const fixed = (m: SeamsModel, fix: PendingFix) => !m.pending.has(fix);

const isLocked = (m: SeamsModel, member: ModelMember) =>
  member.lockedUntil !== null && member.lockedUntil > m.now;

const tokenAlive = (m: SeamsModel, token: Token) => !token.dead && m.now < token.issuedAt + LINK_MS;

/** A live session's idle timer is refreshed by a request, at most once a minute (members/session.ts). */
const SESSION_TOUCH_MS = 60_000;
function touch(m: SeamsModel, s: Session) {
  if (m.now - s.lastSeen > SESSION_TOUCH_MS) s.lastSeen = m.now;
}

const sessionLive = (m: SeamsModel, s: Session) =>
  !s.dead && s.lastSeen > m.now - SESSION_IDLE_MS && s.createdAt > m.now - SESSION_ABSOLUTE_MS;

function liveSession(m: SeamsModel, p: number): Session | undefined {
  const member = m.persons[p]!.member;
  return m.sessions.findLast((s) => s.person === p && s.memberDbId === member?.dbId && sessionLive(m, s));
}

/** Every live session of a member ends (optionally but one). */
function endSessions(m: SeamsModel, memberDbId: number, except?: Session) {
  for (const s of m.sessions) if (s.memberDbId === memberDbId && s !== except) s.dead = true;
}

function killTokens(m: SeamsModel, memberDbId: number, kinds: TokenKind[]) {
  for (const tok of m.tokens) if (tok.memberDbId === memberDbId && kinds.includes(tok.kind)) tok.dead = true;
}

/** Whether a user ID is free to register now: no member holds it and it is not cooling off. */
function userIdFree(m: SeamsModel, userId: string) {
  const held = m.persons.some((p) => p.member?.userId === userId);
  const until = m.coolingOff.get(userId);
  return !held && !(until !== undefined && until > m.now);
}

// ---- the real side: driving the app ------------------------------------------------------------------

let clock = Date.UTC(2031, 0, 5, 1, 0, 0);
let current: { model: SeamsModel; real: SeamsReal } | undefined;

/** End of a run: every session and link ever seen is probed once more (the dead ones must stay dead). */
export async function finishRun(): Promise<void> {
  if (current) await checkInvariants(current.model, current.real, 'end of run', { everything: true });
  current = undefined;
}

/**
 * A fresh run: three persons, each with a member ID, a card applied for under it, and a session from
 * logging in through the login page.
 */
export async function setUpRun(
  t: TestApp,
  staff: TestStaff,
  run: number,
  pending: ReadonlySet<PendingFix>,
): Promise<{ model: SeamsModel; real: SeamsReal }> {
  clock += 90 * DAY;
  t.setNow(new Date(clock));
  const lastMail = await t.deps.db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const real: SeamsReal = {
    t,
    staff,
    staffClient: undefined,
    staffLastSeen: 0,
    lastTotpStep: 0,
    lastMailId: Number(lastMail?.id ?? 0),
    lastAuditId: 0,
  };
  const model: SeamsModel = {
    run,
    now: clock,
    persons: [0, 1, 2].map((idx) => ({
      idx,
      baseUserId: idx === 0 ? `p0.r${run}@example.jp` : `seam${run}p${idx}`,
      baseEmail: `p${idx}.r${run}@example.jp`,
      member: undefined,
      card: undefined,
      emailSeq: 0,
      passwordSeq: 0,
    })),
    tokens: [],
    sessions: [],
    coolingOff: new Map(),
    withdrawnFrom: new Map(),
    recoveryRequests: new Map(),
    pending,
    expectedMails: [],
    optionalMails: [],
    log: [],
    settingUp: true,
  };
  // The starting members are created directly (registration through the pages is a command of its own).
  for (const p of model.persons) {
    const password = nextPassword(p);
    const created = await createMember(t.deps, { userId: p.baseUserId, email: p.baseEmail, password });
    p.member = {
      dbId: created.id,
      userId: p.baseUserId,
      email: p.baseEmail,
      password,
      oldPasswords: [],
      status: 'active',
      failedLogins: 0,
      lockCount: 0,
      lockedUntil: null,
      reauthUsed: 0,
    };
    await applyForCard(t, p, created.id);
    await new LoginCommand(p.idx, 'right').run(model, real);
  }
  model.settingUp = false;
  model.log = [];
  await checkInvariants(model, real, 'start of run');
  current = { model, real };
  return { model, real };
}

/** The card a person applied for under a member ID (start PIN 4721; the core system's data, not a flow). */
async function applyForCard(t: TestApp, person: Person, memberDbId: number) {
  const card = await createCard(t.deps, memberDbId, {
    number: generateCardNumber(),
    holderName: `SEAM PERSON ${String.fromCharCode(65 + person.idx)}`,
    birthDate: `198${person.idx}-0${person.idx + 1}-1${person.idx}`,
  });
  person.card = { card, memberDbId, enrolledTo: null, failures: 0, locked: false, pin: RIGHT_PIN };
}

function setNow(m: SeamsModel, r: SeamsReal, at: number) {
  m.now = at;
  // The next run starts after the latest time any run reached: the staff's TOTP steps only move forward.
  clock = Math.max(clock, at);
  r.t.setNow(new Date(at));
}

function nextPassword(p: Person) {
  p.passwordSeq += 1;
  return `meadow-lantern-${p.idx}-${p.passwordSeq}-quiet`;
}

/** The mails queued since the last look, oldest first, rendered as the member receives them. */
async function newMail(r: SeamsReal) {
  const rows = await r.t.deps.db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('id', '>', r.lastMailId)
    .orderBy('id')
    .execute();
  if (rows.length) r.lastMailId = Number(rows.at(-1)!.id);
  return rows
    .map((row) => renderOutboxRow(r.t.deps.config, { ...row, id: Number(row.id) }))
    .filter((mail): mail is OutboxMessage => mail !== undefined);
}

function linkIn(text: string, path: string): string | undefined {
  const link = text.match(/https?:\/\/\S+/g)?.find((l) => new URL(l).pathname === path);
  return link ? (new URL(link).searchParams.get('token') ?? undefined) : undefined;
}

async function memberRow(r: SeamsReal, dbId: number) {
  return r.t.deps.db.selectFrom('members').select(['email']).where('id', '=', dbId).executeTakeFirst();
}

async function memberIdOf(r: SeamsReal, userId: string) {
  const row = await r.t.deps.db
    .selectFrom('members')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.id;
}

/** A console session of the run's supervisor, logged in again when it timed out (15 min idle). */
async function staffClient(m: SeamsModel, r: SeamsReal): Promise<TestClient> {
  if (r.staffClient && r.staffLastSeen > m.now - STAFF_IDLE_MS) {
    const probe = await r.staffClient.get('/support');
    if (probe.status === 200) {
      r.staffLastSeen = m.now;
      return r.staffClient;
    }
  }
  // A TOTP code is accepted once: a second login in the same 30-second step waits for the next step.
  if (Math.floor(m.now / 30_000) <= r.lastTotpStep) setNow(m, r, (r.lastTotpStep + 1) * 30_000 + 1_000);
  r.lastTotpStep = Math.floor(m.now / 30_000);
  const client = new TestClient(r.t);
  const res = await client.post('/support/login', {
    login: r.staff.login,
    password: r.staff.password,
    code: currentTotpCode(r.staff.totpSecret, new Date(m.now)),
  });
  expect(res.headers.get('location'), 'staff login').toBe('/support');
  r.staffClient = client;
  r.staffLastSeen = m.now;
  return client;
}

/** The identity check an operator does before acting for a caller (audited). */
async function verifyCaller(m: SeamsModel, r: SeamsReal, member: ModelMember, card: ModelCard) {
  const client = await staffClient(m, r);
  const res = await client.post(`/support/members/${member.dbId}/verify`, rightAnswers(card.card));
  expect(res.status, 'identity verification').toBe(200);
  return client;
}

// ---- commands --------------------------------------------------------------------------------------------

type Cmd = fc.AsyncCommand<SeamsModel, SeamsReal>;

/** Where the time goes (printed by the test): driving the flows, and checking the invariants. */
export const timing = { act: 0, check: 0, steps: 0 };

abstract class SeamCommand implements Cmd {
  abstract check(m: Readonly<SeamsModel>): boolean;
  abstract act(m: SeamsModel, r: SeamsReal): Promise<void>;
  abstract toString(): string;
  async run(m: SeamsModel, r: SeamsReal): Promise<void> {
    m.log.push(this.toString());
    if (process.env.SEAMS_TRACE) console.log(`run ${m.run}: ${this}`);
    m.expectedMails = [];
    m.optionalMails = [];
    const started = performance.now();
    await this.act(m, r);
    const acted = performance.now();
    if (m.settingUp) await matchMails(m, r);
    else await checkInvariants(m, r, this.toString());
    timing.act += acted - started;
    timing.check += performance.now() - acted;
    timing.steps += 1;
  }
}

class RegisterCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    // One member ID per person in the model: a person registers when they have none, or tries their own
    // (taken) user ID again.
    const member = m.persons[this.p]!.member;
    return !member || member.userId === m.persons[this.p]!.baseUserId;
  }
  toString() {
    return `Register(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const person = m.persons[this.p]!;
    const password = nextPassword(person);
    const res = await new TestClient(r.t).post('/register', {
      userId: person.baseUserId,
      email: person.baseEmail,
      password,
    });
    expect(res.status, 'the same answer whether the ID is free or not').toBe(200);
    const free = userIdFree(m, person.baseUserId);
    const coolingOff = (m.coolingOff.get(person.baseUserId) ?? 0) > m.now;
    if (free) {
      m.expectedMails.push({ to: person.baseEmail, template: 'registration_verify' });
    } else if (coolingOff && fixed(m, 'cooling-off-registration-mail')) {
      // The mail says the ID is cooling off and from when it can be registered, never "use forgot-password".
      m.expectedMails.push({
        to: person.baseEmail,
        template: 'registration_id_cooling_off',
        contains: [person.baseUserId],
        lacks: ['/forgot/password'],
      });
    } else {
      m.expectedMails.push({ to: person.baseEmail, template: 'registration_id_taken' });
    }
    const mails = await matchMails(m, r);
    const token = mails
      .map((mail) => linkIn(mail.text, '/register/verify'))
      .find((v): v is string => v !== undefined);
    if (free) {
      expect(token, 'a registration link for a free ID').toBeDefined();
      m.tokens.push({
        kind: 'registration',
        value: token!,
        person: this.p,
        memberDbId: null,
        issuedAt: m.now,
        dead: false,
        userId: person.baseUserId,
        email: person.baseEmail,
        password,
      });
    } else expect(token, 'no registration link for a taken ID').toBeUndefined();
  }
}

class ConfirmRegistrationCommand extends SeamCommand {
  constructor(
    readonly p: number,
    readonly pick: number,
    readonly token?: Token,
  ) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return (
      m.persons[this.p]!.member === undefined &&
      m.tokens.some((tok) => tok.kind === 'registration' && tok.person === this.p)
    );
  }
  toString() {
    return `ConfirmRegistration(p${this.p}, link #${this.pick})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const mine = m.tokens.filter((tok) => tok.kind === 'registration' && tok.person === this.p);
    const token = this.token ?? mine[this.pick % mine.length]!;
    const res = await new TestClient(r.t).post('/register/verify', { token: token.value });
    const works = tokenAlive(m, token) && userIdFree(m, token.userId!);
    if (tokenAlive(m, token)) token.dead = true;
    if (!works) {
      expect(res.status, `${this} must not create a member ID`).not.toBe(200);
      return;
    }
    expect(res.status, `${this} creates the member ID`).toBe(200);
    const person = m.persons[this.p]!;
    const dbId = await memberIdOf(r, token.userId!);
    expect(dbId).toBeDefined();
    person.member = {
      dbId: dbId!,
      userId: token.userId!,
      email: token.email!,
      password: token.password!,
      oldPasswords: [],
      status: 'active',
      failedLogins: 0,
      lockCount: 0,
      lockedUntil: null,
      reauthUsed: 0,
    };
    // The card the person applied for with this member ID (the first time only: a card outlives its ID).
    if (!person.card) await applyForCard(r.t, person, dbId!);
  }
}

type LoginKind = 'right' | 'wrong' | 'old' | 'email';

/** The outcome the model predicts for a login with `password`, applied to the model. */
function predictLogin(m: SeamsModel, person: Person, password: string): 'ok' | 'L01' | 'M01' {
  const member = person.member;
  if (!member || isLocked(m, member) || member.failedLogins >= LOGIN_MAX) return 'L01';
  if (password !== member.password) {
    member.failedLogins += 1;
    if (member.failedLogins >= LOGIN_MAX) {
      const minutes = Math.min(
        Number(SEAMS_CONFIG.LOGIN_LOCK_MAX_MINUTES),
        Number(SEAMS_CONFIG.LOGIN_LOCK_MINUTES) * 2 ** Math.min(member.lockCount, 16),
      );
      member.failedLogins = 0;
      member.lockCount += 1;
      member.lockedUntil = m.now + minutes * MIN;
      m.expectedMails.push({ to: member.email, template: 'login_locked', contains: [member.userId] });
    }
    return 'L01';
  }
  member.failedLogins = 0;
  member.lockCount = 0;
  member.lockedUntil = null;
  return member.status === 'force_withdrawn' ? 'M01' : 'ok';
}

async function logInAndCheck(m: SeamsModel, r: SeamsReal, p: number, identifier: string, password: string) {
  const person = m.persons[p]!;
  const expected = predictLogin(m, person, password);
  const client = new TestClient(r.t);
  const res = await client.login(identifier, password);
  const got =
    res.status === 303 && res.headers.get('location') === '/portal'
      ? 'ok'
      : res.status === 403 && (await res.clone().text()).includes('M01')
        ? 'M01'
        : res.status === 401
          ? 'L01'
          : `HTTP ${res.status}`;
  expect(got, `log in ${identifier}`).toBe(expected);
  // Every login here comes from a fresh client, i.e. a device the member ID has not seen: the sign-in may be
  // announced to the member's current address (a member ID's first sign-in is not).
  if (expected === 'ok') m.optionalMails.push({ to: person.member!.email, template: 'new_device_sign_in' });
  if (expected === 'ok')
    m.sessions.push({
      client,
      person: p,
      memberDbId: person.member!.dbId,
      createdAt: m.now,
      lastSeen: m.now,
      dead: false,
    });
  return expected;
}

class LoginCommand extends SeamCommand {
  constructor(
    readonly p: number,
    readonly kind: LoginKind,
  ) {
    super();
  }
  check() {
    return true;
  }
  toString() {
    return `Login(p${this.p}, ${this.kind})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const person = m.persons[this.p]!;
    const member = person.member;
    const identifier =
      this.kind === 'email' ? (member?.email ?? person.baseEmail) : (member?.userId ?? person.baseUserId);
    const password =
      this.kind === 'wrong'
        ? WRONG_PASSWORD
        : this.kind === 'old'
          ? (member?.oldPasswords.at(-1) ?? WRONG_PASSWORD)
          : (member?.password ?? WRONG_PASSWORD);
    await logInAndCheck(m, r, this.p, identifier, password);
  }
}

class LogoutCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return liveSession(m as SeamsModel, this.p) !== undefined;
  }
  toString() {
    return `Logout(p${this.p})`;
  }
  async act(m: SeamsModel, _r: SeamsReal) {
    const session = liveSession(m, this.p)!;
    const res = await session.client.post('/logout', {});
    expect(res.status).toBe(303);
    session.dead = true;
  }
}

class ForgotPasswordCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check() {
    return true;
  }
  toString() {
    return `ForgotPassword(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const person = m.persons[this.p]!;
    const member = person.member;
    const identifier = member?.userId ?? person.baseUserId;
    const res = await new TestClient(r.t).post('/forgot/password', { identifier });
    expect(res.status).toBe(200);
    const used = (m.recoveryRequests.get(identifier) ?? 0) + 1;
    m.recoveryRequests.set(identifier, used);
    const withinLimit = used <= RECOVERY_PER_IDENTIFIER;
    if (!member || !withinLimit) {
      // An unknown user ID has nowhere to write to; over the limit nothing is queued.
      if (identifier.includes('@') && withinLimit) {
        // An address whose member ID was withdrawn (still cooling off) is told which ID and when.
        const withdrawn = [...m.withdrawnFrom].filter(
          ([userId, email]) => email === identifier && (m.coolingOff.get(userId) ?? 0) > m.now,
        );
        m.expectedMails.push(
          withdrawn.length && fixed(m, 'cooling-off-registration-mail')
            ? {
                to: identifier,
                template: 'password_reset_withdrawn',
                contains: withdrawn.map(([userId]) => userId),
                lacks: ['/reset-password'],
              }
            : { to: identifier, template: 'password_reset_none' },
        );
      }
      await matchMails(m, r);
      return;
    }
    m.expectedMails.push({ to: member.email, template: 'password_reset', contains: [member.userId] });
    const [mail] = await matchMails(m, r);
    const value = linkIn(mail!.text, '/reset-password');
    expect(value, 'a reset link').toBeDefined();
    // Only the newest link works.
    killTokens(m, member.dbId, ['reset']);
    m.tokens.push({
      kind: 'reset',
      value: value!,
      person: this.p,
      memberDbId: member.dbId,
      issuedAt: m.now,
      dead: false,
    });
  }
}

class UseResetCommand extends SeamCommand {
  constructor(
    readonly p: number,
    readonly pick: number,
  ) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return m.tokens.some((tok) => tok.kind === 'reset' && tok.person === this.p);
  }
  toString() {
    return `UseReset(p${this.p}, link #${this.pick}) then log in`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const mine = m.tokens.filter((tok) => tok.kind === 'reset' && tok.person === this.p);
    const token = mine[this.pick % mine.length]!;
    const person = m.persons[this.p]!;
    const password = nextPassword(person);
    const client = new TestClient(r.t);
    const res = await client.post('/reset-password', { token: token.value, password });
    const member = person.member;
    const works = tokenAlive(m, token) && member?.dbId === token.memberDbId;
    if (!works) {
      expect(res.status, `${this}: a dead link must not set a password`).toBe(410);
      return;
    }
    expect(res.status, `${this}: the reset is done`).toBe(200);
    token.dead = true;
    member!.oldPasswords.push(member!.password);
    member!.password = password;
    endSessions(m, member!.dbId);
    if (fixed(m, 'email-change-link-revoked-by-credential-change'))
      killTokens(m, member!.dbId, ['email', 'registration']);
    if (fixed(m, 'reset-lifts-login-lock')) {
      member!.failedLogins = 0;
      member!.lockCount = 0;
      member!.lockedUntil = null;
    }
    m.expectedMails.push({ to: member!.email, template: 'password_changed' });
    await matchMails(m, r);
    // The member follows the page: logs in with the new password. A completed reset always leads to a
    // working login (or, for a force-withdrawn membership, to M01 after the right password).
    const outcome = await logInAndCheck(m, r, this.p, member!.userId, password);
    if (fixed(m, 'reset-lifts-login-lock'))
      expect(outcome, 'a completed reset leads to a working login').not.toBe('L01');
  }
}

class RequestEmailChangeCommand extends SeamCommand {
  constructor(
    readonly p: number,
    readonly rightPassword: boolean,
  ) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return liveSession(m as SeamsModel, this.p) !== undefined;
  }
  toString() {
    return `RequestEmailChange(p${this.p}, ${this.rightPassword ? 'right' : 'wrong'} password)`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const session = liveSession(m, this.p)!;
    touch(m, session);
    const person = m.persons[this.p]!;
    const member = person.member!;
    person.emailSeq += 1;
    const newEmail = `p${this.p}.n${person.emailSeq}.r${m.run}@example.jp`;
    const res = await session.client.post('/settings/email', {
      newEmail,
      currentPassword: this.rightPassword ? member.password : WRONG_PASSWORD,
    });
    member.reauthUsed += 1;
    if (member.reauthUsed > REAUTH_PER_MEMBER) {
      expect(res.status, 'current-password checks are limited').toBe(429);
      return;
    }
    if (!this.rightPassword) {
      expect(res.status).toBe(400);
      return;
    }
    expect(res.status).toBe(200);
    m.expectedMails.push({ to: newEmail, template: 'email_change_verify', contains: [member.userId] });
    if (fixed(m, 'email-change-notifies-current-address')) m.expectedMails.push({ to: member.email });
    const mails = await matchMails(m, r);
    const value = mails.map((mail) => linkIn(mail.text, '/settings/email/verify')).find(Boolean);
    expect(value, 'an email-change link').toBeDefined();
    const cancelLink = mails
      .filter((mail) => mail.to === member.email)
      .flatMap((mail) => mail.text.match(/https?:\/\/\S+/g) ?? [])
      .find((l) => /cancel/i.test(l));
    if (fixed(m, 'email-change-cancel'))
      expect(cancelLink, 'a cancel link to the current address').toBeDefined();
    killTokens(m, member.dbId, ['email']);
    m.tokens.push({
      kind: 'email',
      value: value!,
      person: this.p,
      memberDbId: member.dbId,
      issuedAt: m.now,
      dead: false,
      email: newEmail,
      ...(cancelLink ? { cancelLink } : {}),
    });
  }
}

class ConfirmEmailChangeCommand extends SeamCommand {
  constructor(
    readonly p: number,
    readonly pick: number,
    readonly withSession: boolean,
  ) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return m.tokens.some((tok) => tok.kind === 'email' && tok.person === this.p);
  }
  toString() {
    return `ConfirmEmailChange(p${this.p}, link #${this.pick}, ${this.withSession ? "in the member's session" : 'logged out'})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const mine = m.tokens.filter((tok) => tok.kind === 'email' && tok.person === this.p);
    const token = mine[this.pick % mine.length]!;
    const person = m.persons[this.p]!;
    const member = person.member;
    const session = this.withSession ? liveSession(m, this.p) : undefined;
    if (session) touch(m, session);
    const client = session?.client ?? new TestClient(r.t);
    const before = member ? await memberRow(r, member.dbId) : undefined;
    const res = await client.post('/settings/email/verify', { token: token.value });
    const hasSession = session !== undefined;
    const works =
      tokenAlive(m, token) &&
      member?.dbId === token.memberDbId &&
      (hasSession || !fixed(m, 'email-change-confirm-needs-session'));
    if (!works) {
      if (member)
        expect((await memberRow(r, member.dbId))?.email, `${this} must not change the email`).toBe(
          before?.email,
        );
      expect(res.status, `${this} must not change the email`).not.toBe(200);
      await matchMails(m, r);
      return;
    }
    token.dead = true;
    const newEmail = token.email!;
    const idFollows = person.idx === 0; // p0's user ID is its email
    const newUserId = idFollows ? newEmail : undefined;
    if (newUserId && !userIdFree(m, newUserId)) {
      // The new address is another member ID's user ID (or cooling off): nothing changes.
      await matchMails(m, r);
      return;
    }
    expect(res.status, `${this} changes the email`).toBe(200);
    m.expectedMails.push({ to: member!.email, template: 'email_changed', contains: [member!.userId] });
    member!.email = newEmail;
    if (newUserId) member!.userId = newUserId;
    killTokens(m, member!.dbId, ['reset', 'email', 'registration']);
    // A confirmed change ends every other session (it happens in the member's own session).
    if (fixed(m, 'email-change-confirm-needs-session')) endSessions(m, member!.dbId, session);
    await matchMails(m, r);
  }
}

class CancelEmailChangeCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return m.tokens.some((tok) => tok.kind === 'email' && tok.person === this.p && tok.cancelLink);
  }
  toString() {
    return `CancelEmailChange(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    // The newest cancel link this person received; following it (and submitting the page's form, if it asks
    // for a click) ends that pending change, so its confirmation link stops working.
    const token = m.tokens.findLast(
      (tok) => tok.kind === 'email' && tok.person === this.p && tok.cancelLink,
    )!;
    const url = new URL(token.cancelLink!);
    const client = new TestClient(r.t);
    const page = await client.get(`${url.pathname}${url.search}`);
    const html = await page.text();
    const form = /<form[^>]*method="post"[^>]*action="([^"]+)"[\s\S]*?<\/form>/i.exec(html);
    if (form) {
      const fields = Object.fromEntries(
        [...form[0].matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((f) => [f[1]!, f[2]!]),
      );
      await client.post(form[1]!, fields);
    }
    token.dead = true;
    await matchMails(m, r, { lenient: true });
  }
}

class ChangePasswordCommand extends SeamCommand {
  constructor(
    readonly p: number,
    readonly rightPassword: boolean,
  ) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return liveSession(m as SeamsModel, this.p) !== undefined;
  }
  toString() {
    return `ChangePassword(p${this.p}, ${this.rightPassword ? 'right' : 'wrong'} current password)`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const session = liveSession(m, this.p)!;
    touch(m, session);
    const person = m.persons[this.p]!;
    const member = person.member!;
    const newPassword = nextPassword(person);
    const res = await session.client.post('/settings/password', {
      currentPassword: this.rightPassword ? member.password : WRONG_PASSWORD,
      newPassword,
    });
    member.reauthUsed += 1;
    if (member.reauthUsed > REAUTH_PER_MEMBER) {
      expect(res.status, 'current-password checks are limited').toBe(429);
      return;
    }
    if (!this.rightPassword) {
      expect(res.status).toBe(400);
      return;
    }
    expect(res.status).toBe(303);
    member.oldPasswords.push(member.password);
    member.password = newPassword;
    endSessions(m, member.dbId, session);
    killTokens(m, member.dbId, ['reset']);
    if (fixed(m, 'email-change-link-revoked-by-credential-change'))
      killTokens(m, member.dbId, ['email', 'registration']);
    m.expectedMails.push({ to: member.email, template: 'password_changed' });
    await matchMails(m, r);
  }
}

/** After a withdrawal or the end of its record, the member ID is gone from the model (tokens and sessions die). */
function forgetMember(m: SeamsModel, person: Person) {
  const member = person.member!;
  endSessions(m, member.dbId);
  killTokens(m, member.dbId, ['reset', 'email', 'registration']);
  // Every card of the member ID is detached, whoever applied for it.
  for (const { card } of m.persons) {
    if (card?.memberDbId === member.dbId) card.memberDbId = null;
    if (card?.enrolledTo === member.dbId) card.enrolledTo = null;
  }
  person.member = undefined;
}

class WithdrawCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return liveSession(m as SeamsModel, this.p) !== undefined;
  }
  toString() {
    return `Withdraw(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const session = liveSession(m, this.p)!;
    touch(m, session);
    const person = m.persons[this.p]!;
    const member = person.member!;
    const step1 = await session.client.post('/settings/withdraw', { password: member.password });
    member.reauthUsed += 1;
    if (member.reauthUsed > REAUTH_PER_MEMBER) {
      expect(step1.status, 'current-password checks are limited').toBe(429);
      return;
    }
    expect(step1.status).toBe(200);
    const html = await step1.text();
    const ticket = /name="ticket" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const expires = /name="expires" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const res = await session.client.post('/settings/withdraw/confirm', {
      ticket,
      expires,
      understand: 'yes',
    });
    expect(res.status).toBe(200);
    m.coolingOff.set(member.userId, m.now + COOLING_OFF_MS);
    m.withdrawnFrom.set(member.userId, member.email);
    m.expectedMails.push({ to: member.email, template: 'withdrawal_done', contains: [member.userId] });
    forgetMember(m, person);
    await matchMails(m, r);
  }
}

class EnrollCommand extends SeamCommand {
  /** `cardOf`: whose card p types in (p's own, or another person's, as a holder of two IDs or a guesser). */
  constructor(
    readonly p: number,
    readonly rightPin: boolean,
    readonly cardOf: number = p,
  ) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return liveSession(m as SeamsModel, this.p) !== undefined && m.persons[this.cardOf]!.card !== undefined;
  }
  toString() {
    const whose = this.cardOf === this.p ? '' : ` with p${this.cardOf}'s card`;
    return `Enroll(p${this.p}${whose}, ${this.rightPin ? 'right' : 'wrong'} start PIN)`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const session = liveSession(m, this.p)!;
    touch(m, session);
    const person = m.persons[this.p]!;
    const member = person.member!;
    const card = m.persons[this.cardOf]!.card!;
    const res = await session.client.post('/portal/enroll', {
      cardNumber: card.card.number,
      birthDate: card.card.birthDate,
      startPin: this.rightPin ? card.pin : WRONG_PIN,
    });
    const body = await res.text();
    const otherId = card.memberDbId !== null && card.memberDbId !== member.dbId;
    if (otherId && !fixed(m, 'p02-after-pin')) {
      expect(res.status, 'P02').toBe(409);
      return;
    }
    if (card.enrolledTo === member.dbId) {
      expect(res.status, 'already enrolled').toBe(303);
      return;
    }
    if (card.locked) {
      expect(res.status, 'P01: locked').toBe(403);
      return;
    }
    if (this.rightPin && otherId) {
      expect(res.status, 'P02 once the PIN is proven').toBe(409);
      return;
    }
    if (this.rightPin) {
      expect(res.status, 'enrolled').toBe(303);
      card.failures = 0;
      card.enrolledTo = member.dbId;
      card.memberDbId = member.dbId;
      if (fixed(m, 'enrollment-mail')) m.expectedMails.push({ to: member.email });
      await matchMails(m, r);
      return;
    }
    card.failures += 1;
    if (card.failures >= PIN_MAX) {
      card.locked = true;
      expect(res.status, 'P01 after the last try').toBe(403);
      return;
    }
    expect(res.status, 'wrong PIN, tries left').toBe(401);
    const owner = m.persons.find((x) => otherId && x.member?.dbId === card.memberDbId)?.member;
    if (owner)
      expect(body, 'a wrong PIN never reveals the other member ID').not.toContain(maskMemberId(owner.userId));
    // The page's text, not its markup: a random CSRF token or nonce may contain "P01" by chance.
    if (fixed(m, 'wrong-pin-not-p01'))
      expect(body.replace(/<[^>]*>/g, ' '), 'a wrong PIN with tries left is not shown as P01').not.toMatch(
        /\bP01\b/,
      );
  }
}

/** An operator acting for a caller: the member ID must exist and the caller's card must belong to it. */
function callerCard(m: Readonly<SeamsModel>, p: number) {
  const person = m.persons[p]!;
  const member = person.member;
  const card = person.card;
  return member && card && card.memberDbId === member.dbId ? { member, card } : undefined;
}

class OperatorUnlockLoginCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return callerCard(m, this.p) !== undefined;
  }
  toString() {
    return `OperatorUnlockLogin(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const { member, card } = callerCard(m, this.p)!;
    const client = await verifyCaller(m, r, member, card);
    const res = await client.post(`/support/members/${member.dbId}/unlock-login`, {});
    expect(res.status).toBe(303);
    member.failedLogins = 0;
    member.lockCount = 0;
    member.lockedUntil = null;
    if (fixed(m, 'unlock-mails-member')) m.expectedMails.push({ to: member.email });
    await matchMails(m, r);
  }
}

class OperatorUnlockPinCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return callerCard(m, this.p) !== undefined;
  }
  toString() {
    return `OperatorUnlockStartPin(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const { member, card } = callerCard(m, this.p)!;
    const client = await verifyCaller(m, r, member, card);
    const res = await client.post(`/support/members/${member.dbId}/cards/${card.card.id}/unlock-pin`, {});
    expect(res.status).toBe(303);
    card.failures = 0;
    card.locked = false;
    if (fixed(m, 'unlock-mails-member')) m.expectedMails.push({ to: member.email });
    await matchMails(m, r);
  }
}

class ReissueStartPinCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return !m.pending.has('reissue-start-pin') && callerCard(m, this.p) !== undefined;
  }
  toString() {
    return `OperatorReissueStartPin(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const { member, card } = callerCard(m, this.p)!;
    const route = Object.keys(consoleRouteAccess).find((k) => /reissue/i.test(k));
    expect(route, 'a console route to reissue the start PIN').toBeDefined();
    const path = route!
      .replace(/^POST /, '/support')
      .replace(':memberId', String(member.dbId))
      .replace(':cardId', String(card.card.id));
    const client = await verifyCaller(m, r, member, card);
    const res = await client.post(path, {});
    expect(res.status).toBe(303);
    // The new PIN travels only by letter (the `letter` channel of the outbox, to the card's registered
    // address); the member gets an email that it is on its way; the old PIN stops working.
    m.expectedMails.push({ to: member.email, template: 'start_pin_reissued', contains: [card.card.last4] });
    m.expectedMails.push({ to: card.card.holderName, template: 'start_pin_letter' });
    const mails = await matchMails(m, r);
    const letter = mails.find((mail) => mail.template === 'start_pin_letter');
    expect(letter?.channel, 'the PIN goes by letter').toBe('letter');
    const pin = /(?:パスワード|PIN): (\d{4})\s*$/m.exec(letter!.text)?.[1];
    expect(pin, 'the letter carries the new start PIN').toBeDefined();
    expect(checkStartPin(pin!, card.card.birthDate), 'a PIN the application would accept').toBeNull();
    for (const mail of mails.filter((x) => x.channel !== 'letter'))
      expect(mail.text, 'no email carries the PIN').not.toContain(`: ${pin}`);
    card.pin = pin!;
    card.failures = 0;
    card.locked = false;
  }
}

class ForceWithdrawCommand extends SeamCommand {
  constructor(readonly p: number) {
    super();
  }
  check(m: Readonly<SeamsModel>) {
    return m.persons[this.p]!.member?.status === 'active';
  }
  toString() {
    return `ForceWithdraw(p${this.p})`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    const member = m.persons[this.p]!.member!;
    const client = await staffClient(m, r);
    const res = await client.post(`/support/members/${member.dbId}/force-withdraw`, {
      reason: 'seam test: violation of member terms',
    });
    expect(res.status).toBe(303);
    member.status = 'force_withdrawn';
    endSessions(m, member.dbId);
    if (fixed(m, 'force-withdraw-revokes-tokens'))
      killTokens(m, member.dbId, ['reset', 'email', 'registration']);
    else if (fixed(m, 'email-change-link-revoked-by-credential-change'))
      killTokens(m, member.dbId, ['email']);
    await matchMails(m, r);
  }
}

class AdvanceTimeCommand extends SeamCommand {
  constructor(readonly minutes: number) {
    super();
  }
  check() {
    return true;
  }
  toString() {
    return `AdvanceTime(${this.minutes} min)`;
  }
  async act(m: SeamsModel, r: SeamsReal) {
    setNow(m, r, m.now + this.minutes * MIN);
  }
}

// ---- invariants --------------------------------------------------------------------------------------

/** The step queued exactly the mails the model expects (to whom, which template, what they say). */
async function matchMails(m: SeamsModel, r: SeamsReal, options: { lenient?: boolean } = {}) {
  const mails = await newMail(r);
  const got = mails.map((mail) => `${mail.to} ${mail.template}`);
  const remaining = [...mails];
  for (const want of m.expectedMails) {
    const i = remaining.findIndex(
      (mail) => mail.to === want.to && (!want.template || mail.template === want.template),
    );
    expect(
      i,
      `expected a mail ${want.to} ${want.template ?? '(any)'}; got ${JSON.stringify(got)}`,
    ).toBeGreaterThanOrEqual(0);
    const [mail] = remaining.splice(i, 1);
    for (const s of want.contains ?? []) expect(mail!.text, `${want.template} mail names ${s}`).toContain(s);
    for (const s of want.lacks ?? []) expect(mail!.text, `${want.template ?? 'the'} mail`).not.toContain(s);
  }
  for (const may of m.optionalMails) {
    const i = remaining.findIndex((mail) => mail.to === may.to && mail.template === may.template);
    if (i >= 0) remaining.splice(i, 1);
  }
  m.optionalMails = [];
  if (!options.lenient)
    expect(
      remaining.map((mail) => `${mail.to} ${mail.template}`),
      'mails the model did not expect',
    ).toEqual([]);
  m.expectedMails = [];
  return mails;
}

async function checkInvariants(
  m: SeamsModel,
  r: SeamsReal,
  step: string,
  options: { everything?: boolean } = {},
) {
  // Every mail the step queued was expected (a step that expects none must queue none).
  await matchMails(m, r);

  // Sessions: exactly the live ones work; one that ended (logout, credential change, withdrawal, idle or
  // absolute limit) never works again.
  for (const s of m.sessions) {
    if (s.probedDead && !options.everything) continue;
    const live = sessionLive(m, s);
    const res = await s.client.get('/settings');
    expect(res.status === 200, `${step}: session of p${s.person} should be ${live ? 'live' : 'dead'}`).toBe(
      live,
    );
    if (live) touch(m, s);
    else {
      s.dead = true;
      s.probedDead = true;
    }
  }

  // Links: a reset or email-change link works exactly while the model says it does.
  for (const tok of m.tokens) {
    if (tok.probedDead && !options.everything) continue;
    if (tok.kind === 'registration') continue; // its GET page does not look the link up; ConfirmRegistration does
    const path = tok.kind === 'reset' ? '/reset-password' : '/settings/email/verify';
    const res = await new TestClient(r.t).get(`${path}?token=${tok.value}`);
    const alive = tokenAlive(m, tok) && m.persons[tok.person]!.member?.dbId === tok.memberDbId;
    if (tok.kind === 'email' && alive && fixed(m, 'email-change-confirm-needs-session')) continue;
    expect(
      res.status === 200,
      `${step}: ${tok.kind} link of p${tok.person} should be ${alive ? 'usable' : 'dead'}`,
    ).toBe(alive);
    if (!alive) tok.probedDead = true;
  }

  // Counters never above their limits, and as the model says (two queries for all three persons).
  const memberIds = m.persons.flatMap((p) => (p.member ? [p.member.dbId] : []));
  const cardIds = m.persons.flatMap((p) => (p.card ? [p.card.card.id] : []));
  const [memberRows, cardRows] = await Promise.all([
    memberIds.length
      ? r.t.deps.db
          .selectFrom('members')
          .select(['id', 'user_id', 'email', 'status', 'failed_logins', 'locked_until'])
          .where('id', 'in', memberIds)
          .execute()
      : [],
    cardIds.length
      ? r.t.deps.db
          .selectFrom('cards')
          .select(['id', 'start_pin_failures', 'start_pin_locked_at', 'member_id'])
          .where('id', 'in', cardIds)
          .execute()
      : [],
  ]);
  for (const person of m.persons) {
    const member = person.member;
    if (member) {
      const row = memberRows.find((x) => x.id === member.dbId);
      expect(row, `${step}: p${person.idx}'s member ID exists`).toBeDefined();
      expect(row!.failed_logins, `${step}: login failures of p${person.idx}`).toBeLessThanOrEqual(LOGIN_MAX);
      expect(
        {
          userId: row!.user_id,
          email: row!.email,
          status: row!.status,
          failedLogins: row!.failed_logins,
          lockedUntil: row!.locked_until ? new Date(row!.locked_until).getTime() : null,
        },
        `${step}: p${person.idx}'s member row`,
      ).toEqual({
        userId: member.userId,
        email: member.email,
        status: member.status,
        failedLogins: member.failedLogins,
        lockedUntil: member.lockedUntil,
      });
    }
    const card = person.card;
    if (card) {
      const row = cardRows.find((x) => x.id === card.card.id)!;
      expect(row.start_pin_failures, `${step}: start PIN counter of p${person.idx}`).toBeLessThanOrEqual(
        PIN_MAX,
      );
      expect(
        {
          failures: row.start_pin_failures,
          locked: row.start_pin_locked_at !== null,
          memberId: row.member_id,
        },
        `${step}: p${person.idx}'s card`,
      ).toEqual({ failures: card.failures, locked: card.locked, memberId: card.memberDbId });
    }
  }

  // The audit chain verifies (checked whenever it grew; rows cannot change once written).
  const last = await r.t.deps.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  const lastId = Number(last?.id ?? 0);
  if (lastId !== r.lastAuditId) {
    const chain = await verifyAuditChain(r.t.deps.db);
    expect(chain, `${step}: the audit chain verifies`).toEqual({ ok: true, rows: lastId });
    r.lastAuditId = lastId;
  }
}

// ---- the command generator -------------------------------------------------------------------------------

const person = fc.constantFrom(0, 1, 2);
const pick = fc.nat({ max: 3 });

/** Every command, weighted towards the flows that meet most often. */
export function seamCommands(maxCommands: number, replayPath?: string) {
  return fc.commands<SeamsModel, SeamsReal, false>(
    [
      person.map((p) => new RegisterCommand(p)),
      fc.tuple(person, pick).map(([p, i]) => new ConfirmRegistrationCommand(p, i)),
      fc
        .tuple(person, fc.constantFrom<LoginKind>('right', 'right', 'wrong', 'wrong', 'old', 'email'))
        .map(([p, k]) => new LoginCommand(p, k)),
      fc.tuple(person, fc.constantFrom<LoginKind>('wrong')).map(([p, k]) => new LoginCommand(p, k)),
      person.map((p) => new LogoutCommand(p)),
      person.map((p) => new ForgotPasswordCommand(p)),
      fc.tuple(person, pick).map(([p, i]) => new UseResetCommand(p, i)),
      fc.tuple(person, fc.boolean()).map(([p, b]) => new RequestEmailChangeCommand(p, b)),
      fc.tuple(person, pick, fc.boolean()).map(([p, i, s]) => new ConfirmEmailChangeCommand(p, i, s)),
      person.map((p) => new CancelEmailChangeCommand(p)),
      fc.tuple(person, fc.boolean()).map(([p, b]) => new ChangePasswordCommand(p, b)),
      person.map((p) => new WithdrawCommand(p)),
      fc.tuple(person, fc.boolean()).map(([p, b]) => new EnrollCommand(p, b)),
      fc.tuple(person, fc.boolean(), person).map(([p, b, q]) => new EnrollCommand(p, b, q)),
      person.map((p) => new OperatorUnlockLoginCommand(p)),
      person.map((p) => new OperatorUnlockPinCommand(p)),
      person.map((p) => new ReissueStartPinCommand(p)),
      person.map((p) => new ForceWithdrawCommand(p)),
      fc.constantFrom(7, 16, 31, 13 * 60, 31 * 24 * 60).map((min) => new AdvanceTimeCommand(min)),
    ],
    { maxCommands, size: 'max', ...(replayPath ? { replayPath } : {}) },
  );
}
