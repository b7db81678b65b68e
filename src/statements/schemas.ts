import { z } from 'zod';
import { instalmentCounts } from './categories.ts';
import type { PaymentChoice } from './payment-change.ts';

/** The after-the-fact change form: revolving, or instalments with one of the offered counts. Messages are i18n keys. */
export const paymentChoiceForm = z
  .object({
    to: z.enum(['revolving', 'instalment'], 'validation.change.to'),
    count: z.string().max(4, 'validation.change.count').optional(),
  })
  .transform((v, ctx): PaymentChoice => {
    if (v.to === 'revolving') return { to: 'revolving' };
    const count = instalmentCounts.find((n) => String(n) === v.count);
    if (count) return { to: 'instalment', count };
    ctx.addIssue({ code: 'custom', path: ['count'], message: 'validation.change.count' });
    return z.NEVER;
  });
