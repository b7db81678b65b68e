import { describe, expect, it } from 'vitest';
import { RETRY_BASE_MS, RETRY_CAP_MS, retryDelayMs } from './worker.ts';

describe('retryDelayMs', () => {
  it('waits 30 s after the first failure and doubles after each one, capped at an hour', () => {
    expect(retryDelayMs(1)).toBe(RETRY_BASE_MS);
    expect(retryDelayMs(2)).toBe(2 * RETRY_BASE_MS);
    expect(retryDelayMs(5)).toBe(16 * RETRY_BASE_MS);
    expect(retryDelayMs(30)).toBe(RETRY_CAP_MS);
  });
});
