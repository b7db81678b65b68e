// DOMAIN.md cause 10: a member who withdrew by mistake registers again and enrolls the same card again.
// The card outlives the member ID; whoever proves it (number, birth date, start PIN) becomes its member ID.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withdrawMember } from '../../src/account/withdraw.ts';
import { enrollCard } from '../../src/cards/enroll.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';
import { createCard } from '../helpers/support-factories.ts';

describe.each(databaseKinds())('enrolling a card again after withdrawal on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('lets the new member ID claim the orphaned card with the right PIN, and nobody with a wrong one', async () => {
    const first = await createMember(t.deps, { userId: 'first-life' });
    const card = await createCard(t.deps, first.id, { birthDate: '1990-04-01' });
    expect(
      await enrollCard(t.deps, {
        memberId: first.id,
        cardNumber: card.number,
        birthDate: '1990-04-01',
        startPin: '4721',
      }),
    ).toEqual({
      ok: true,
      cardId: card.id,
    });
    expect((await withdrawMember(t.deps, first.id)).ok).toBe(true);

    const second = await createMember(t.deps, { userId: 'second-life' });
    const wrong = await enrollCard(t.deps, {
      memberId: second.id,
      cardNumber: card.number,
      birthDate: '1990-04-01',
      startPin: '1111',
    });
    expect(wrong).toMatchObject({ ok: false, code: 'P05' });
    const right = await enrollCard(t.deps, {
      memberId: second.id,
      cardNumber: card.number,
      birthDate: '1990-04-01',
      startPin: '4721',
    });
    expect(right).toEqual({ ok: true, cardId: card.id });
    const row = await t.deps.db
      .selectFrom('cards')
      .select('member_id')
      .where('id', '=', card.id)
      .executeTakeFirstOrThrow();
    expect(row.member_id).toBe(second.id);

    const third = await createMember(t.deps, { userId: 'someone-else' });
    const taken = await enrollCard(t.deps, {
      memberId: third.id,
      cardNumber: card.number,
      birthDate: '1990-04-01',
      startPin: '4721',
    });
    expect(taken).toMatchObject({ ok: false, code: 'P02', maskedMemberId: 's*********e' });
  });
});
