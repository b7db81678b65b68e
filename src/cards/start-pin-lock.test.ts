import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { createMember } from '../../test/helpers/factories.ts';
import { createCard, type TestCard } from '../../test/helpers/support-factories.ts';
import type { AppDeps } from '../deps.ts';
import { loadPortalHome } from '../portal/dashboard.ts';
import { loadMemberCase } from '../support/member-case.ts';
import { enrollCard } from './enroll.ts';
import { isStartPinLocked } from './start-pin.ts';

// Issue 10: "start PIN locked" was written three times; lowering the limit made the portal offer the start
// procedure while the console showed the card locked. One rule now answers for the portal, the console and
// the start procedure.
let app: TestApp;
let memberId: number;
let card: TestCard;
const staff = {
  id: 0,
  login: 'nobody',
  displayName: 'Nobody',
  role: 'operator',
  sessionTokenHash: '',
} as const;

function withLimit(limit: number): AppDeps {
  const { config } = app.deps;
  return { ...app.deps, config: { ...config, startPin: { ...config.startPin, maxFailures: limit } } };
}

async function answers(deps: AppDeps) {
  const portal = await loadPortalHome(deps, memberId);
  const memberCase = await loadMemberCase(deps, staff, memberId, 'en');
  return { portal: portal.kind, console: memberCase?.cards.find((c) => c.id === card.id)?.startPinLocked };
}

beforeAll(async () => {
  app = await createTestApp('pglite', { START_PIN_MAX_FAILURES: '5' });
  memberId = (await createMember(app.deps)).id;
  card = await createCard(app.deps, memberId);
  // Three wrong start PINs counted under the limit of 5: not locked then.
  await app.deps.db.updateTable('cards').set({ start_pin_failures: 3 }).where('id', '=', card.id).execute();
  // A fresh migrated database and two argon2 hashes: slow on a shared machine.
}, 180_000);
afterAll(() => app?.close());

describe('isStartPinLocked', () => {
  it('counts a card as locked once its wrong tries reach the configured limit, even without the lock mark', () => {
    const row = { start_pin_failures: 3, start_pin_locked_at: null };
    expect(isStartPinLocked(row, withLimit(5).config)).toBe(false);
    expect(isStartPinLocked(row, withLimit(3).config)).toBe(true);
    expect(
      isStartPinLocked({ start_pin_failures: 0, start_pin_locked_at: new Date() }, withLimit(5).config),
    ).toBe(true);
  });

  it('gives the portal and the console the same answer under the configured limit', async () => {
    expect(await answers(withLimit(5))).toEqual({ portal: 'enroll', console: false });
  });

  it('after the limit is lowered below the counted tries, portal, console and start procedure all say locked', async () => {
    const lowered = withLimit(3);
    expect(await answers(lowered)).toEqual({ portal: 'start_pin_locked', console: true });
    const result = await enrollCard(lowered, {
      memberId,
      cardNumber: card.number,
      birthDate: card.birthDate,
      startPin: '4721',
    });
    expect(result).toEqual({ ok: false, code: 'P01' });
  });
});
