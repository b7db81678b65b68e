import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` and answers no sooner than `ms` after it started. OWASP Forgot Password: the response must
 * take the same time whether or not the account exists. The recovery flows do equivalent work on both
 * paths, but a few-millisecond request still differs by more than 5% in noise; a floor well above the
 * work's own time makes both paths take the floor.
 */
export async function withMinimumDuration<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    const left = ms - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}
