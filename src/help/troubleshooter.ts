import { type ErrorCode, errorCatalog, errorCodes, errorHelpPath } from '../errors/catalog.ts';
import type { MessageKey } from '../i18n/index.ts';

/**
 * The "can't log in" troubleshooter as data: questions whose answers lead to other questions or to a fix.
 * Each fix names the cause (docs/CAUSES.md) it resolves (1–12, or null for a useful non-cause ending) and the exact
 * next link. Answers are plain links (`?step=ID`), so it works without JavaScript; a test walks every path.
 */
export type DomainCause = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;

export interface TroubleLink {
  href: string;
  label: MessageKey;
  /** Placeholders of the label (e.g. the error code the link explains). */
  params?: Record<string, string>;
}

export interface TroubleAnswer {
  /** Either a message, or an error code shown as "CODE — title". */
  label: MessageKey | { code: ErrorCode };
  next: string;
}

export interface TroubleQuestion {
  kind: 'question';
  id: string;
  question: MessageKey;
  hint?: MessageKey;
  answers: TroubleAnswer[];
}

export interface TroubleFix {
  kind: 'fix';
  id: string;
  cause: DomainCause | null;
  title: MessageKey;
  /** Why this happens. */
  why: MessageKey;
  /** What to do, in order. */
  steps: MessageKey[];
  /** The next links, most important first (the first is the primary button). */
  links: TroubleLink[];
  /** Help article slug with the full explanation. */
  article?: string;
  code?: ErrorCode;
  /** Only the contact center can resolve it: show numbers, hours and open-now. */
  contactCenter: boolean;
}

export type TroubleNode = TroubleQuestion | TroubleFix;

const contact: TroubleLink = { href: '/help/contact', label: 'help.trouble.link.contact' };
const forgotId: TroubleLink = { href: '/forgot/id', label: 'help.trouble.link.forgotId' };
const forgotPassword: TroubleLink = { href: '/forgot/password', label: 'help.trouble.link.forgotPassword' };
const login: TroubleLink = { href: '/login', label: 'help.trouble.link.login' };
const enroll: TroubleLink = { href: '/portal/enroll', label: 'help.trouble.link.enroll' };
const register: TroubleLink = { href: '/register', label: 'help.trouble.link.register' };
const codeLink = (code: ErrorCode): TroubleLink => ({
  href: errorHelpPath(code),
  label: 'help.trouble.link.code',
  params: { code },
});

/** Codes whose meaning is one of the twelve causes lead to that cause's fix; the rest to their lookup page. */
const fixForCode: Partial<Record<ErrorCode, string>> = {
  L01: 'wrong',
  A01: 'locked',
  M01: 'forceWithdrawn',
  C01: 'cardIneligible-C01',
  C02: 'cardIneligible-C02',
  C03: 'cardIneligible-C03',
  P01: 'pinLocked',
  P02: 'otherId',
};

/** Cause 9 (card suspended or cancelled), showing the code the member met. */
function cardIneligibleFix(id: string, code: ErrorCode | undefined, codeLinks: TroubleLink[]): TroubleFix {
  return {
    kind: 'fix',
    id,
    cause: 9,
    title: 'help.trouble.fix.cardIneligible.title',
    why: 'help.trouble.fix.cardIneligible.why',
    steps: ['help.trouble.fix.cardIneligible.s1', 'help.trouble.fix.cardIneligible.s2'],
    links: [contact, ...codeLinks],
    article: 'card-not-eligible',
    ...(code ? { code } : {}),
    contactCenter: true,
  };
}

const nodes: TroubleNode[] = [
  {
    kind: 'question',
    id: 'start',
    question: 'help.trouble.q.start',
    hint: 'help.trouble.q.start.hint',
    answers: [
      { label: 'help.trouble.a.yesCode', next: 'code' },
      { label: 'help.trouble.a.noCode', next: 'message' },
    ],
  },
  {
    kind: 'question',
    id: 'code',
    question: 'help.trouble.q.code',
    answers: errorCodes.map((code) => ({ label: { code }, next: fixForCode[code] ?? `code-${code}` })),
  },
  {
    kind: 'question',
    id: 'message',
    question: 'help.trouble.q.message',
    answers: [
      { label: 'help.trouble.a.msgWrong', next: 'wrong' },
      { label: 'help.trouble.a.msgEnrollAsked', next: 'enrolled' },
      { label: 'help.trouble.a.msgOtherId', next: 'otherId' },
      { label: 'help.trouble.a.msgPinLocked', next: 'pin' },
      { label: 'help.trouble.a.msgCardIneligible', next: 'cardIneligible' },
      { label: 'help.trouble.a.msgSuspended', next: 'forceWithdrawn' },
      { label: 'help.trouble.a.msgWithdrew', next: 'withdrew' },
      { label: 'help.trouble.a.msgMailMissing', next: 'mailNotArriving' },
      { label: 'help.trouble.a.msgMailboxLost', next: 'mailboxLost' },
      { label: 'help.trouble.a.msgNoId', next: 'noMemberId' },
    ],
  },
  {
    kind: 'question',
    id: 'wrong',
    question: 'help.trouble.q.wrong',
    hint: 'help.trouble.q.wrong.hint',
    answers: [
      { label: 'help.trouble.a.rememberId', next: 'password' },
      { label: 'help.trouble.a.forgotId', next: 'forgotId' },
      { label: 'help.trouble.a.emailChanged', next: 'emailChanged' },
    ],
  },
  {
    kind: 'question',
    id: 'password',
    question: 'help.trouble.q.password',
    answers: [
      { label: 'help.trouble.a.rememberPassword', next: 'typing' },
      { label: 'help.trouble.a.forgotPassword', next: 'forgotPassword' },
      { label: 'help.trouble.a.msgMailboxLost', next: 'mailboxLost' },
    ],
  },
  {
    kind: 'question',
    id: 'pin',
    question: 'help.trouble.q.pin',
    hint: 'help.trouble.q.pin.hint',
    answers: [
      { label: 'help.trouble.a.pinKnown', next: 'pinLocked' },
      { label: 'help.trouble.a.pinForgotten', next: 'pinForgotten' },
    ],
  },
  {
    kind: 'question',
    id: 'typing',
    question: 'help.trouble.q.typing',
    answers: [
      { label: 'help.trouble.a.swapped', next: 'swapped' },
      { label: 'help.trouble.a.capsAutofill', next: 'capsAutofill' },
      { label: 'help.trouble.a.lockedMail', next: 'locked' },
      { label: 'help.trouble.a.severalIds', next: 'otherId' },
      { label: 'help.trouble.a.noneOfThese', next: 'withdrawn' },
    ],
  },
  {
    kind: 'question',
    id: 'withdrawn',
    question: 'help.trouble.q.withdrawn',
    answers: [
      { label: 'help.trouble.a.iWithdrew', next: 'withdrew' },
      { label: 'help.trouble.a.weEnded', next: 'forceWithdrawn' },
      { label: 'help.trouble.a.notWithdrawn', next: 'stillStuck' },
    ],
  },
  {
    kind: 'question',
    id: 'enrolled',
    question: 'help.trouble.q.enrolled',
    hint: 'help.trouble.q.enrolled.hint',
    answers: [
      { label: 'help.trouble.a.neverEnrolled', next: 'notEnrolled' },
      { label: 'help.trouble.a.enrolledBefore', next: 'multipleIds' },
    ],
  },
  {
    kind: 'question',
    id: 'multipleIds',
    question: 'help.trouble.q.multipleIds',
    answers: [
      { label: 'help.trouble.a.severalYes', next: 'otherId' },
      { label: 'help.trouble.a.severalNo', next: 'notEnrolled' },
    ],
  },
  {
    kind: 'fix',
    id: 'swapped',
    cause: 1,
    title: 'help.trouble.fix.swapped.title',
    why: 'help.trouble.fix.swapped.why',
    steps: ['help.trouble.fix.swapped.s1', 'help.trouble.fix.swapped.s2'],
    links: [login, forgotPassword],
    article: 'swapped-id-password',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'forgotId',
    cause: 2,
    title: 'help.trouble.fix.forgotId.title',
    why: 'help.trouble.fix.forgotId.why',
    steps: ['help.trouble.fix.forgotId.s1', 'help.trouble.fix.forgotId.s2'],
    links: [forgotId],
    article: 'forgot-user-id',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'forgotPassword',
    cause: 3,
    title: 'help.trouble.fix.forgotPassword.title',
    why: 'help.trouble.fix.forgotPassword.why',
    steps: ['help.trouble.fix.forgotPassword.s1', 'help.trouble.fix.forgotPassword.s2'],
    links: [forgotPassword],
    article: 'forgot-password',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'emailChanged',
    cause: 4,
    title: 'help.trouble.fix.emailChanged.title',
    why: 'help.trouble.fix.emailChanged.why',
    steps: ['help.trouble.fix.emailChanged.s1', 'help.trouble.fix.emailChanged.s2'],
    links: [login, forgotId],
    article: 'email-changed',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'otherId',
    cause: 5,
    title: 'help.trouble.fix.otherId.title',
    why: 'help.trouble.fix.otherId.why',
    steps: ['help.trouble.fix.otherId.s1', 'help.trouble.fix.otherId.s2', 'help.trouble.fix.otherId.s3'],
    links: [forgotId, login, codeLink('P02')],
    article: 'several-member-ids',
    code: 'P02',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'notEnrolled',
    cause: 6,
    title: 'help.trouble.fix.notEnrolled.title',
    why: 'help.trouble.fix.notEnrolled.why',
    steps: ['help.trouble.fix.notEnrolled.s1', 'help.trouble.fix.notEnrolled.s2'],
    links: [enroll],
    article: 'start-procedure',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'pinLocked',
    cause: 7,
    title: 'help.trouble.fix.pinLocked.title',
    why: 'help.trouble.fix.pinLocked.why',
    steps: ['help.trouble.fix.pinLocked.s1', 'help.trouble.fix.pinLocked.s2'],
    links: [contact, codeLink('P01')],
    article: 'start-pin',
    code: 'P01',
    contactCenter: true,
  },
  {
    kind: 'fix',
    id: 'pinForgotten',
    cause: 7,
    title: 'help.trouble.fix.pinForgotten.title',
    why: 'help.trouble.fix.pinForgotten.why',
    steps: ['help.trouble.fix.pinForgotten.s1', 'help.trouble.fix.pinForgotten.s2'],
    links: [contact, enroll],
    article: 'start-pin',
    contactCenter: true,
  },
  {
    kind: 'fix',
    id: 'mailboxLost',
    cause: 4,
    title: 'help.trouble.fix.mailboxLost.title',
    why: 'help.trouble.fix.mailboxLost.why',
    steps: [
      'help.trouble.fix.mailboxLost.s1',
      'help.trouble.fix.mailboxLost.s2',
      'help.trouble.fix.mailboxLost.s3',
    ],
    links: [contact, login],
    article: 'mailbox-lost',
    contactCenter: true,
  },
  {
    kind: 'fix',
    id: 'forceWithdrawn',
    cause: 8,
    title: 'help.trouble.fix.forceWithdrawn.title',
    why: 'help.trouble.fix.forceWithdrawn.why',
    steps: ['help.trouble.fix.forceWithdrawn.s1', 'help.trouble.fix.forceWithdrawn.s2'],
    links: [contact, codeLink('M01')],
    article: 'forced-withdrawal',
    code: 'M01',
    contactCenter: true,
  },
  cardIneligibleFix('cardIneligible', undefined, [codeLink('C01'), codeLink('C02'), codeLink('C03')]),
  // Reached from the code question: the page names the code the member saw.
  cardIneligibleFix('cardIneligible-C01', 'C01', [codeLink('C01')]),
  cardIneligibleFix('cardIneligible-C02', 'C02', [codeLink('C02')]),
  cardIneligibleFix('cardIneligible-C03', 'C03', [codeLink('C03')]),
  {
    kind: 'fix',
    id: 'withdrew',
    cause: 10,
    title: 'help.trouble.fix.withdrew.title',
    why: 'help.trouble.fix.withdrew.why',
    steps: ['help.trouble.fix.withdrew.s1', 'help.trouble.fix.withdrew.s2'],
    links: [register, enroll],
    article: 'withdrew-by-mistake',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'locked',
    cause: 11,
    title: 'help.trouble.fix.locked.title',
    why: 'help.trouble.fix.locked.why',
    steps: ['help.trouble.fix.locked.s1', 'help.trouble.fix.locked.s2'],
    links: [forgotPassword, codeLink('A01')],
    article: 'account-locked',
    code: 'A01',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'capsAutofill',
    cause: 12,
    title: 'help.trouble.fix.capsAutofill.title',
    why: 'help.trouble.fix.capsAutofill.why',
    steps: ['help.trouble.fix.capsAutofill.s1', 'help.trouble.fix.capsAutofill.s2'],
    links: [login, forgotPassword],
    article: 'caps-lock-autofill',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'mailNotArriving',
    cause: 12,
    title: 'help.trouble.fix.mailNotArriving.title',
    why: 'help.trouble.fix.mailNotArriving.why',
    steps: ['help.trouble.fix.mailNotArriving.s1', 'help.trouble.fix.mailNotArriving.s2'],
    links: [register],
    article: 'verification-mail',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'noMemberId',
    cause: null,
    title: 'help.trouble.fix.noMemberId.title',
    why: 'help.trouble.fix.noMemberId.why',
    steps: ['help.trouble.fix.noMemberId.s1', 'help.trouble.fix.noMemberId.s2'],
    links: [register, enroll],
    article: 'start-procedure',
    contactCenter: false,
  },
  {
    kind: 'fix',
    id: 'stillStuck',
    cause: null,
    title: 'help.trouble.fix.stillStuck.title',
    why: 'help.trouble.fix.stillStuck.why',
    steps: ['help.trouble.fix.stillStuck.s1', 'help.trouble.fix.stillStuck.s2'],
    links: [forgotPassword, contact],
    article: 'cannot-log-in',
    contactCenter: true,
  },
  // Codes that are not one of the twelve causes still end at their own explanation.
  ...errorCodes
    .filter((code) => !fixForCode[code])
    .map(
      (code): TroubleFix => ({
        kind: 'fix',
        id: `code-${code}`,
        cause: null,
        title: `error.${code}.title`,
        why: `error.${code}.explanation`,
        steps: [`error.${code}.action`],
        links: [codeLink(code)],
        code,
        contactCenter: errorCatalog[code].contactCenter,
      }),
    ),
];

/** Every node of the troubleshooter by id; `start` is the first question. */
export const troubleTree: ReadonlyMap<string, TroubleNode> = new Map(nodes.map((n) => [n.id, n]));

export const TROUBLE_START = 'start';

/** The first question, where a walk begins (and where an unknown step starts over). */
export const troubleStartNode: TroubleNode = (() => {
  const start = troubleTree.get(TROUBLE_START);
  if (!start) throw new Error(`troubleshooter: no node "${TROUBLE_START}"`);
  return start;
})();

/** The site path of a troubleshooter step. */
export function troubleStepPath(id: string): string {
  return id === TROUBLE_START ? '/help/login-trouble' : `/help/login-trouble?step=${encodeURIComponent(id)}`;
}

/** The answers to pick, from the start, to reach a node (shortest path), or undefined when unreachable. */
export function answersToReach(target: string): TroubleAnswer[] | undefined {
  const queue: { id: string; path: TroubleAnswer[] }[] = [{ id: TROUBLE_START, path: [] }];
  const seen = new Set([TROUBLE_START]);
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { id, path } = next;
    if (id === target) return path;
    const node = troubleTree.get(id);
    if (node?.kind !== 'question') continue;
    for (const answer of node.answers) {
      if (seen.has(answer.next)) continue;
      seen.add(answer.next);
      queue.push({ id: answer.next, path: [...path, answer] });
    }
  }
  return undefined;
}
