import { describe, expect, it } from 'vitest';
import {
  billStatement,
  instalmentFeePer100,
  instalmentPlan,
  instalmentSchedule,
  revolvingForMonth,
  revolvingSchedule,
  type StatementLineInput,
} from './breakdown.ts';

// Every figure below was computed by hand (rules in breakdown.ts and docs/STATEMENTS.md); 15.00% = 1500 bp.

describe('instalmentFeePer100 (equal-payment fee per ¥100, as issuers publish it)', () => {
  it.each([
    [3, 1500, 251],
    [6, 1500, 442],
    [10, 1500, 700],
    [12, 1500, 831],
    [24, 1500, 1637],
    [3, 1200, 201],
    [12, 0, 0],
  ])('%i payments at %i bp cost %i hundredths of a yen per ¥100', (count, rate, expected) => {
    expect(instalmentFeePer100(count, rate)).toBe(expected);
  });
});

describe('instalmentPlan (fee rounded down; remainders on the first instalment)', () => {
  it.each([
    // principal, count, fee, principals (first, rest), fees (first, rest)
    [100_000, 3, 2_510, 33_334, 33_333, 838, 836],
    [59_800, 6, 2_643, 9_970, 9_966, 443, 440],
    [120_000, 12, 9_972, 10_000, 10_000, 831, 831],
    [30_000, 24, 4_911, 1_250, 1_250, 219, 204],
  ])('¥%i in %i instalments: fee ¥%i', (principal, count, fee, firstP, restP, firstF, restF) => {
    const plan = instalmentPlan(principal, count, 1500);
    expect(plan.fee).toBe(fee);
    expect(plan.principals[0]).toBe(firstP);
    expect(plan.principals.slice(1).every((p) => p === restP)).toBe(true);
    expect(plan.fees[0]).toBe(firstF);
    expect(plan.fees.slice(1).every((f) => f === restF)).toBe(true);
    // Nothing is lost or invented by the split.
    expect(plan.principals.reduce((a, b) => a + b, 0)).toBe(principal);
    expect(plan.fees.reduce((a, b) => a + b, 0)).toBe(fee);
  });
});

describe('revolvingForMonth (fixed ¥10,000 a month; fee on the balance carried in, rounded down)', () => {
  const lines = [
    { usedOn: '2026-01-10', amount: 35_000 },
    { usedOn: '2026-03-05', amount: 8_000 },
  ];
  it.each([
    ['2026-01', 0, 35_000, 10_000, 0, 25_000],
    ['2026-02', 25_000, 0, 10_000, 312, 15_000],
    ['2026-03', 15_000, 8_000, 10_000, 187, 13_000],
    ['2026-04', 13_000, 0, 10_000, 162, 3_000],
    ['2026-05', 3_000, 0, 3_000, 37, 0],
    ['2026-06', 0, 0, 0, 0, 0],
  ])(
    '%s: carried %i, added %i → principal %i, fee %i, balance after %i',
    (month, carried, added, principal, fee, after) => {
      expect(revolvingForMonth(lines, month, 10_000, 1500)).toEqual({
        carried,
        added,
        principal,
        fee,
        balanceAfter: after,
      });
    },
  );

  it('bills nothing before the first revolving line', () => {
    expect(revolvingForMonth(lines, '2025-12', 10_000, 1500).principal).toBe(0);
  });
});

function line(partial: Partial<StatementLineInput> & Pick<StatementLineInput, 'id' | 'usedOn' | 'amount'>) {
  return {
    merchant: `shop ${partial.id}`,
    kind: 'purchase' as const,
    category: 'other' as const,
    paymentMethod: 'one_time' as const,
    instalments: null,
    points: Math.trunc(partial.amount / 100),
    ...partial,
  };
}

describe('billStatement', () => {
  const rules = { rateBasisPoints: 1500, revolvingMonthlyPrincipal: 10_000 };
  const credit = [
    line({ id: 1, usedOn: '2026-09-14', amount: 100_000, paymentMethod: 'instalment', instalments: 3 }),
    line({ id: 2, usedOn: '2026-09-20', amount: 35_000, paymentMethod: 'revolving' }),
    line({ id: 3, usedOn: '2026-06-01', amount: 60_000, paymentMethod: 'instalment', instalments: 3 }),
  ];
  const october = [
    line({ id: 10, usedOn: '2026-10-03', amount: 1_280 }),
    line({ id: 11, usedOn: '2026-10-12', amount: 8_940 }),
    line({ id: 12, usedOn: '2026-10-15', amount: -500 }),
    line({ id: 13, usedOn: '2026-10-20', amount: 1_375, kind: 'annual_fee', points: 0 }),
    line({ id: 14, usedOn: '2026-10-25', amount: 4_000, paymentMethod: 'revolving' }),
  ];

  it('adds one-time, revolving principal and fee, instalment principal and fee and the annual fee', () => {
    const { breakdown, lines, pointsEarned } = billStatement('2026-10', october, credit, rules);
    expect(breakdown).toEqual({
      oneTime: 9_720, // 1,280 + 8,940 − 500
      revolvingPrincipal: 10_000, // balance 25,000 + 4,000
      revolvingFee: 312, // 25,000 × 15% / 12 = 312.5 → 312
      instalmentPrincipal: 33_333, // 2nd of 3 of ¥100,000 (the June line has ended)
      instalmentFee: 836,
      annualFee: 1_375,
      total: 55_576,
      revolvingBalanceAfter: 19_000,
      instalmentBalanceAfter: 33_333, // the 3rd of 3 is still to come
    });
    expect(lines.map((l) => [l.id, l.billed, l.instalment])).toEqual([
      [1, 33_333, { number: 2, of: 3 }],
      [10, 1_280, null],
      [11, 8_940, null],
      [12, -500, null],
      [13, 1_375, null],
      [14, null, null],
    ]);
    expect(pointsEarned).toBe(12 + 89 - 5 + 40);
  });

  it('bills the first instalment in the month of use, with the remainders', () => {
    const { breakdown, lines } = billStatement('2026-09', credit.slice(0, 2), credit, rules);
    expect(breakdown.instalmentPrincipal).toBe(33_334); // the June line ended in August
    expect(breakdown.instalmentFee).toBe(838);
    expect(lines.find((l) => l.id === 3)).toBeUndefined();
    expect(breakdown.revolvingFee).toBe(0);
    expect(breakdown.total).toBe(33_334 + 838 + 10_000);
  });

  it('bills the last instalment in the Nth month', () => {
    const { breakdown, lines } = billStatement('2026-08', [], credit, rules);
    // ¥60,000 × 2.51 = ¥1,506 fee → ¥502 a month; principal ¥20,000 a month.
    expect(breakdown.instalmentPrincipal).toBe(20_000);
    expect(breakdown.instalmentFee).toBe(502);
    expect(breakdown.instalmentBalanceAfter).toBe(0);
    expect(lines.map((l) => l.instalment)).toEqual([{ number: 3, of: 3 }]);
    expect(breakdown.total).toBe(20_502);
  });

  it('counts a line given in both lists once', () => {
    const { breakdown } = billStatement('2026-09', credit, credit, rules);
    expect(breakdown.revolvingPrincipal).toBe(10_000);
    expect(breakdown.revolvingBalanceAfter).toBe(25_000);
    expect(breakdown.instalmentPrincipal).toBe(33_334);
  });
});

describe('schedules shown for after-the-fact revolving and instalments (hand-computed, 15.00%)', () => {
  it.each([
    // amount, rows as [principal, fee, balance after]; fee = balance carried in × 1500 / 120000, rounded down
    [
      35_000,
      [
        [10_000, 0, 25_000],
        [10_000, 312, 15_000], // 25,000 × 0.0125 = 312.5 → 312
        [10_000, 187, 5_000], // 15,000 × 0.0125 = 187.5 → 187
        [5_000, 62, 0], // 5,000 × 0.0125 = 62.5 → 62
      ],
    ],
    [8_000, [[8_000, 0, 0]]],
    [
      25_001,
      [
        [10_000, 0, 15_001],
        [10_000, 187, 5_001], // 15,001 × 0.0125 = 187.51 → 187
        [5_001, 62, 0], // 5,001 × 0.0125 = 62.51 → 62
      ],
    ],
  ])('revolving ¥%i at ¥10,000 a month', (amount, rows) => {
    const schedule = revolvingSchedule(amount, 10_000, 1500);
    expect(schedule.map((r) => [r.principal, r.fee, r.balanceAfter])).toEqual(rows);
    expect(schedule.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
  });

  it('revolving ¥100,000: ten statements, fees 1,125 down to 125, ¥5,625 in all', () => {
    const schedule = revolvingSchedule(100_000, 10_000, 1500);
    expect(schedule.map((r) => r.fee)).toEqual([0, 1_125, 1_000, 875, 750, 625, 500, 375, 250, 125]);
    expect(schedule.reduce((s, r) => s + r.fee, 0)).toBe(5_625);
  });

  it.each([
    // amount, count, fee (amount × per-¥100 fee / 100, rounded down), first [principal, fee], then [principal, fee]
    [59_800, 6, 2_643, [9_970, 443], [9_966, 440]], // 59,800 × 4.42 / 100 = 2,643.16
    [50_000, 10, 3_500, [5_000, 350], [5_000, 350]], // 50,000 × 7.00 / 100
    [100_000, 3, 2_510, [33_334, 838], [33_333, 836]], // 100,000 × 2.51 / 100
    // 12,345 × 8.31 / 100 = 1,025.86; 12,345 / 12 = 1,028 r 9 → 1,028 + 9; 1,025 / 12 = 85 r 5 → 85 + 5
    [12_345, 12, 1_025, [1_037, 90], [1_028, 85]],
  ])('¥%i in %i instalments: fee ¥%i, remainders on the first payment', (amount, count, fee, first, rest) => {
    const schedule = instalmentSchedule(instalmentPlan(amount, count, 1500));
    expect(schedule).toHaveLength(count);
    expect([schedule[0]?.principal, schedule[0]?.fee]).toEqual(first);
    for (const row of schedule.slice(1)) expect([row.principal, row.fee]).toEqual(rest);
    expect(schedule.reduce((s, r) => s + r.fee, 0)).toBe(fee);
    expect(schedule.at(-1)?.balanceAfter).toBe(0);
    expect(schedule[0]?.balanceAfter).toBe(amount - (first[0] ?? 0));
  });
});
