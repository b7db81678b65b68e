import { billStatement, type StatementLineInput } from '../../src/statements/breakdown.ts';
import type { Statement } from '../../src/statements/statement.ts';

/** A closed October 2026 statement with every kind of line (figures in breakdown.test.ts). */
export function sampleStatement(): Statement {
  const base = { kind: 'purchase' as const, instalments: null, paymentMethod: 'one_time' as const };
  const lines: StatementLineInput[] = [
    {
      ...base,
      id: 1,
      usedOn: '2026-10-03',
      merchant: 'さくらマート',
      amount: 1_280,
      category: 'groceries',
      points: 12,
    },
    {
      ...base,
      id: 2,
      usedOn: '2026-10-05',
      merchant: 'cafe "fuji", 本店',
      amount: 680,
      category: 'dining',
      points: 6,
    },
    {
      ...base,
      id: 3,
      usedOn: '2026-10-09',
      merchant: 'Navi 家電',
      amount: 60_000,
      category: 'shopping',
      paymentMethod: 'instalment',
      instalments: 3,
      points: 600,
    },
    {
      ...base,
      id: 4,
      usedOn: '2026-10-20',
      merchant: 'みなと旅行',
      amount: 35_000,
      category: 'travel',
      paymentMethod: 'revolving',
      points: 350,
    },
    {
      ...base,
      id: 5,
      usedOn: '2026-10-25',
      merchant: 'cardnavi',
      amount: 1_375,
      kind: 'annual_fee',
      category: 'other',
      points: 0,
    },
  ];
  const money = billStatement('2026-10', lines, [], {
    rateBasisPoints: 1500,
    revolvingMonthlyPrincipal: 10_000,
  });
  return {
    card: { id: 7, last4: '9003', brand: 'visa', status: 'active', holderName: 'HANAKO SATO' },
    month: '2026-10',
    status: 'final',
    finalDate: '2026-11-12',
    paymentDate: '2026-11-27',
    payment: { state: 'paid', paidOn: '2026-11-27', amount: money.breakdown.total },
    ...money,
  };
}
