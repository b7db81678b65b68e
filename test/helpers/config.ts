import { type Config, loadConfig } from '../../src/config.ts';

/** A test configuration: fixed secrets, no progressive delay, generous per-IP limits unless overridden. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: 'memory://',
    PUBLIC_URL: 'http://localhost:3000',
    SESSION_SECRET: 'test-session-secret-0123456789-abcdefghijkl',
    DATA_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
    LOG_LEVEL: 'silent',
    LOGIN_DELAY_MS: '0',
    IP_LOGIN_POINTS: '100000',
    IP_FORM_POINTS: '100000',
    DEMO_DATA: 'false',
    RECOVERY_MIN_RESPONSE_MS: '0',
    ...overrides,
  });
}
