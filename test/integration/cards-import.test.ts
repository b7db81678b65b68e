import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCards, importTransactions } from '../../src/cards/import.ts';
import { renewCardsExpiring } from '../../src/cards/renew.ts';
import { verifyCardNumberForCard } from '../../src/cards/repository.ts';
import { hashSecret } from '../../src/security/password.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';
import { createMember } from '../helpers/factories.ts';

describe.each(databaseKinds())('card import and renewal on %s', (kind) => {
  let app: TestApp;
  let pinHash: string;

  beforeAll(async () => {
    app = await createTestApp(kind);
    await createMember(app.deps, { userId: 'importer@example.jp' });
    await createMember(app.deps, { userId: 'renewer01' });
    pinHash = await hashSecret('4721');
    // A fresh migrated database and argon2 hashes: slow on a shared machine.
  }, 180_000);
  afterAll(() => app?.close());

  const header =
    'number,member_user_id,holder_name,birth_date,phone,brand,credit_limit,expiry,status,start_pin_hash,income_band';
  const csv = () =>
    [
      header,
      `4980 1234 5678 9003,importer@example.jp,IMPORT ONE,1990-04-01,090-0000-0001,visa,300000,2030-04,active,"${pinHash}",2m_4m`,
      `4980123456789012,importer@example.jp,BAD LUHN,1990-04-01,090-0000-0002,visa,300000,2030-04,active,"${pinHash}",`,
      `4980123456789037,nobody@example.jp,UNKNOWN MEMBER,1990-02-30,090-0000-0003,visa,-5,2030-13,frozen,"${pinHash}",`,
      `4980123456789045,IMPORTER@example.jp,IMPORT TWO,1985-11-20,090-0000-0004,jcb,500000,2031-01,suspended,"${pinHash}",`,
    ].join('\n');

  it('imports the good rows, reports the bad ones with line numbers and reasons, and reveals no number', async () => {
    const report = await importCards(app.deps, 'cards.csv', csv());
    expect(report).toMatchObject({ total: 4, created: 2, updated: 0 });
    expect(report.refused.map((r) => r.line)).toEqual([3, 4]);
    expect(report.refused[0]!.reasons).toEqual(['card number fails the Luhn check']);
    expect(report.refused[1]!.reasons).toEqual(
      expect.arrayContaining([
        'member_user_id is not a known member ID',
        'birth_date must be a date YYYY-MM-DD',
        'credit_limit must be a whole number of yen ≥ 0',
        'expiry must be YYYY-MM',
        expect.stringContaining('status must be one of'),
      ]),
    );
    expect(JSON.stringify(report)).not.toMatch(/\d{16}/);
    const rows = await app.deps.db
      .selectFrom('cards')
      .select(['id', 'last4', 'number_enc', 'status'])
      .execute();
    expect(rows.map((r) => r.last4).sort()).toEqual(['9003', '9045']);
    expect(rows.every((r) => !r.number_enc.includes('4980'))).toBe(true);
    const first = rows.find((r) => r.last4 === '9003')!;
    expect(await verifyCardNumberForCard(app.deps.db, app.deps.config, first.id, '4980-1234-5678-9003')).toBe(
      true,
    );
    expect(await verifyCardNumberForCard(app.deps.db, app.deps.config, first.id, '4980123456789045')).toBe(
      false,
    );
  });

  it('is idempotent: the same file again creates nothing and changes nothing', async () => {
    const before = await app.deps.db.selectFrom('cards').selectAll().orderBy('id').execute();
    const report = await importCards(app.deps, 'cards.csv', csv());
    expect(report).toMatchObject({ created: 0, updated: 2 });
    expect(report.refused.map((r) => r.line)).toEqual([3, 4]);
    const after = await app.deps.db.selectFrom('cards').selectAll().orderBy('id').execute();
    expect(after.map(({ number_enc: _, ...r }) => r)).toEqual(before.map(({ number_enc: _, ...r }) => r));
  });

  it('imports transactions from JSON Lines by external_id, idempotently, refusing unknown cards', async () => {
    const jsonl = [
      JSON.stringify({
        card_number: '4980123456789003',
        external_id: 'tx-1',
        used_on: '2026-10-03',
        merchant: 'さくらマート',
        amount: 1280,
      }),
      '',
      JSON.stringify({
        card_number: '4980123456789011',
        external_id: 'tx-2',
        used_on: '2026-10-04',
        merchant: 'X',
        amount: 1,
      }),
      '{not json',
      JSON.stringify({
        card_number: '4980123456789003',
        external_id: 'tx-3',
        used_on: '2026-10-05',
        merchant: 'Refund',
        amount: -500,
      }),
      JSON.stringify({
        card_number: '4980123456789003',
        external_id: 'tx-4',
        used_on: '2026-10-32',
        merchant: 'Y',
        amount: 1.5,
      }),
    ].join('\n');
    const first = await importTransactions(app.deps, 'tx.jsonl', jsonl);
    expect(first).toMatchObject({ total: 5, created: 2, updated: 0 });
    expect(first.refused).toEqual([
      { line: 3, reasons: ['card_number is not a known card'] },
      { line: 4, reasons: ['not valid JSON'] },
      { line: 6, reasons: ['used_on must be a date YYYY-MM-DD', 'amount must be a whole number of yen'] },
    ]);
    const second = await importTransactions(app.deps, 'tx.jsonl', jsonl);
    expect(second).toMatchObject({ created: 0, updated: 2 });
    const count = await app.deps.db
      .selectFrom('card_transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('takes kind, category, payment method and instalments (defaults when left out) and computes points', async () => {
    const csv = [
      'card_number,external_id,used_on,merchant,amount,kind,category,payment_method,instalments',
      '4980123456789003,tx-col-1,2026-10-06,Sushi,12345,,dining,revolving,',
      '4980123456789003,tx-col-2,2026-10-07,Laptop,60000,purchase,shopping,instalment,6',
      '4980123456789003,tx-col-3,2026-10-08,Annual fee,1375,annual_fee,,,',
      '4980123456789003,tx-col-4,2026-10-09,Mystery,100,,food,,',
      '4980123456789003,tx-col-5,2026-10-10,Half plan,100,,,instalment,',
    ].join('\n');
    const report = await importTransactions(app.deps, 'columns.csv', csv);
    expect(report).toMatchObject({ created: 3 });
    expect(report.refused).toEqual([
      { line: 5, reasons: [expect.stringMatching(/^category must be one of groceries, dining/)] },
      { line: 6, reasons: ['instalments must be given with payment_method instalment, and only then'] },
    ]);
    const rows = await app.deps.db
      .selectFrom('card_transactions')
      .select(['external_id', 'kind', 'category', 'payment_method', 'instalments', 'points'])
      .where('external_id', 'like', 'tx-col-%')
      .orderBy('external_id')
      .execute();
    expect(rows).toEqual([
      {
        external_id: 'tx-col-1',
        kind: 'purchase',
        category: 'dining',
        payment_method: 'revolving',
        instalments: null,
        points: 123,
      },
      {
        external_id: 'tx-col-2',
        kind: 'purchase',
        category: 'shopping',
        payment_method: 'instalment',
        instalments: 6,
        points: 600,
      },
      {
        external_id: 'tx-col-3',
        kind: 'annual_fee',
        category: 'other',
        payment_method: 'one_time',
        instalments: null,
        points: 0,
      },
    ]);
  });

  it('renewal screening renews passing cards by 5 years and cancels declined ones at renewal', async () => {
    const lines = [
      header,
      // Passes: income band known.
      `4980123456789052,renewer01,RENEW PASS,1980-01-01,090-0000-0005,visa,200000,2026-12,active,"${pinHash}",4m_7m`,
      // Declined: income band 'none'.
      `4980123456789060,renewer01,RENEW FAIL,1980-01-01,090-0000-0006,visa,200000,2026-12,active,"${pinHash}",none`,
      // Not expiring this month: untouched.
      `4980123456789078,renewer01,RENEW LATER,1980-01-01,090-0000-0007,visa,200000,2027-01,active,"${pinHash}",none`,
    ];
    expect((await importCards(app.deps, 'r.csv', lines.join('\n'))).refused).toEqual([]);
    const report = await renewCardsExpiring(app.deps, '2026-12-15');
    expect(report.renewed.map((r) => [r.last4, r.creditLimit])).toEqual([['9052', 500_000]]);
    expect(report.declined.map((r) => [r.last4, r.reason])).toEqual([['9060', 'income']]);
    const cards = await app.deps.db
      .selectFrom('cards')
      .select(['last4', 'status', 'expiry_year', 'expiry_month', 'status_reason'])
      .where('last4', 'in', ['9052', '9060', '9078'])
      .orderBy('last4')
      .execute();
    expect(cards).toEqual([
      { last4: '9052', status: 'active', expiry_year: 2031, expiry_month: 12, status_reason: null },
      {
        last4: '9060',
        status: 'cancelled_at_renewal',
        expiry_year: 2026,
        expiry_month: 12,
        status_reason: 'renewal screening: income',
      },
      { last4: '9078', status: 'active', expiry_year: 2027, expiry_month: 1, status_reason: null },
    ]);
    // A second run finds nothing left to screen.
    expect(await renewCardsExpiring(app.deps, '2026-12-15')).toEqual({ renewed: [], declined: [] });
  });
});
