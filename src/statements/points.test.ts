import { describe, expect, it } from 'vitest';
import { pointsExpiryDate, pointsForLine, pointsLedger } from './points.ts';

describe('pointsForLine (1 point per ¥100 by default, per transaction, toward zero)', () => {
  it.each([
    [1_280, 'purchase', 100, 12],
    [99, 'purchase', 100, 0],
    [100, 'purchase', 100, 1],
    [-1_050, 'purchase', 100, -10],
    [-50, 'purchase', 100, 0],
    [1_375, 'annual_fee', 100, 0],
    [12_800, 'purchase', 200, 64],
  ] as const)('¥%i (%s) at ¥%i a point earns %i', (amount, kind, rate, points) => {
    expect(pointsForLine(amount, kind, rate)).toBe(points);
  });
});

describe('pointsExpiryDate', () => {
  it('is the end of the 12th month after the last month with points earned', () => {
    expect(pointsExpiryDate('2026-11', 12)).toBe('2027-11-30');
    expect(pointsExpiryDate('2027-02', 12)).toBe('2028-02-29'); // leap year
    expect(pointsExpiryDate('2026-01', 6)).toBe('2026-07-31');
  });
});

describe('pointsLedger', () => {
  it('adds earnings, subtracts uses and says when and how much expires next', () => {
    const ledger = pointsLedger(
      [
        { month: '2026-09', points: 400 },
        { month: '2026-10', points: 350 },
        { month: '2026-11', points: 120 },
      ],
      [{ on: '2026-10-20', kind: 'used', points: -500, description: 'shop' }],
      '2026-11-15',
      12,
    );
    expect(ledger.balance).toBe(370);
    expect(ledger.nextExpiry).toEqual({ on: '2027-11-30', points: 370 });
    expect(ledger.history.map((h) => [h.kind, h.on, h.points])).toEqual([
      ['earned', '2026-11-15', 120], // the open month, dated today
      ['earned', '2026-10-31', 350],
      ['used', '2026-10-20', -500],
      ['earned', '2026-09-30', 400],
    ]);
  });

  it('expires the whole balance after 12 months without earning, and starts again after', () => {
    const ledger = pointsLedger(
      [
        { month: '2025-01', points: 300 },
        { month: '2026-03', points: 80 },
      ],
      [],
      '2026-04-01',
      12,
    );
    expect(ledger.history.map((h) => [h.kind, h.on, h.points])).toEqual([
      ['earned', '2026-03-31', 80],
      ['expired', '2026-01-31', -300],
      ['earned', '2025-01-31', 300],
    ]);
    expect(ledger.balance).toBe(80);
    expect(ledger.nextExpiry).toEqual({ on: '2027-03-31', points: 80 });
  });

  it('keeps points on the expiry day itself and expires them the day after', () => {
    const earned = [{ month: '2025-11', points: 50 }];
    expect(pointsLedger(earned, [], '2026-11-30', 12).balance).toBe(50);
    const after = pointsLedger(earned, [], '2026-12-01', 12);
    expect(after.balance).toBe(0);
    expect(after.nextExpiry).toBeNull();
    expect(after.history[0]).toEqual({ kind: 'expired', on: '2026-11-30', points: -50 });
  });

  it('does not count a month of refunds only as earning', () => {
    const ledger = pointsLedger(
      [
        { month: '2025-10', points: 100 },
        { month: '2026-05', points: -10 },
      ],
      [],
      '2026-11-01',
      12,
    );
    // Last positive earning 2025-10 → expires at the end of 2026-10-31 with the balance left (90).
    expect(ledger.balance).toBe(0);
    expect(ledger.history[0]).toEqual({ kind: 'expired', on: '2026-10-31', points: -90 });
  });

  it('ignores what happens after today', () => {
    const ledger = pointsLedger(
      [{ month: '2026-12', points: 10 }],
      [{ on: '2026-12-20', kind: 'used', points: -5, description: 'x' }],
      '2026-11-30',
      12,
    );
    expect(ledger.balance).toBe(0);
    expect(ledger.history).toEqual([]);
  });
});
