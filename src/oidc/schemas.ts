import { z } from 'zod';

/** The consent page's answer. */
export const consentForm = z.object({
  decision: z.enum(['allow', 'deny'], { error: 'oidc.consent.decision.required' }),
});

/** "Revoke" on the connected services page: the grant to end (its id is opaque to the member). */
export const revokeServiceForm = z.object({
  grant: z
    .string()
    .trim()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
});
