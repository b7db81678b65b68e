import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const base = { DATA_DIR: 'memory://' };

describe('loadConfig', () => {
  it('has working defaults for the embedded mode', () => {
    const config = loadConfig(base);
    expect(config.port).toBe(3000);
    expect(config.publicUrl.toString()).toBe('http://localhost:3000/');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.secureCookies).toBe(false);
    expect(config.login.maxFailures).toBe(10);
    expect(config.startPin.maxFailures).toBe(5);
    expect(config.contact).toMatchObject({ opens: '09:30', closes: '17:30', timeZone: 'Asia/Tokyo' });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PUBLIC_URL: 'ftp://x' }, /^PUBLIC_URL: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: /],
    [{ LOGIN_MAX_FAILURES: '500' }, /^LOGIN_MAX_FAILURES: /],
    [{ CONTACT_HOURS: '9-5' }, /^CONTACT_HOURS: /],
    [{ CONTACT_TIME_ZONE: 'Mars/Olympus' }, /^CONTACT_TIME_ZONE: /],
    [{ SESSION_SECRET: 'short' }, /^SESSION_SECRET: /],
    [{ CARD_FEE_ANNUAL_RATE: '15%' }, /^CARD_FEE_ANNUAL_RATE: /],
    [{ STATEMENT_FINAL_DAY: '31' }, /^STATEMENT_FINAL_DAY: /],
  ])('stops with a one-line message naming the variable for %o', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('reads the statement and points rules, the fee rate as exact basis points', () => {
    expect(loadConfig(base).statements).toEqual({
      finalDay: 12,
      feeRateBasisPoints: 1500,
      revolvingMonthlyPrincipal: 10_000,
      changeCutoffDay: 12,
    });
    expect(loadConfig(base).points).toEqual({ yenPerPoint: 100, expiryMonths: 12 });
    expect(loadConfig({ ...base, CARD_FEE_ANNUAL_RATE: '14.6' }).statements.feeRateBasisPoints).toBe(1460);
    expect(loadConfig({ ...base, CARD_FEE_ANNUAL_RATE: '9.05' }).statements.feeRateBasisPoints).toBe(905);
  });

  it('requires secrets, DATABASE_URL and an https PUBLIC_URL in production', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(/SESSION_SECRET: required/);
    const prod = {
      ...base,
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
      DATABASE_URL: 'postgres://db/cardnavi',
    };
    expect(() => loadConfig({ ...prod, PUBLIC_URL: 'http://cardnavi.example' })).toThrow(
      /PUBLIC_URL: must be https/,
    );
    const config = loadConfig({ ...prod, PUBLIC_URL: 'https://cardnavi.example' });
    expect(config.secureCookies).toBe(true);
    expect(config.demoData).toBe(false);
  });

  it('refuses demo data in production: its passwords and staff TOTP secrets are published', () => {
    const prod = {
      ...base,
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
      DATABASE_URL: 'postgres://db/cardnavi',
      PUBLIC_URL: 'https://cardnavi.example',
    };
    expect(() => loadConfig({ ...prod, DEMO_DATA: 'true' })).toThrow(/DEMO_DATA: not allowed/);
    expect(loadConfig({ ...prod, DEMO_DATA: 'false' }).demoData).toBe(false);
  });

  it('never lets a client name its own address: TRUST_PROXY is a hop count or a list of proxy addresses', () => {
    expect(loadConfig(base).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toEqual({ kind: 'hops', hops: 2 });
    const legacy = loadConfig({ ...base, TRUST_PROXY: 'true' });
    expect(legacy.trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(legacy.warnings.join()).toMatch(/TRUST_PROXY/);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toEqual({
      kind: 'addresses',
      addresses: ['10.0.0.0/8', 'loopback'],
    });
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY:/);
  });

  describe('DATA_KEYS', () => {
    const key = (fill: number) => Buffer.alloc(32, fill).toString('base64');

    it('reads the keys in order: the first encrypts, the others still decrypt', () => {
      const config = loadConfig({ ...base, DATA_KEYS: `k2:${key(2)},k1:${key(1)}` });
      expect(config.dataKeys.map((k) => k.kid)).toEqual(['k2', 'k1']);
      expect(config.warnings).toEqual([]);
    });

    it('accepts the old name CARD_DATA_KEYS with a warning that never carries the keys', () => {
      const config = loadConfig({ ...base, CARD_DATA_KEYS: `k1:${key(1)}` });
      expect(config.dataKeys.map((k) => k.kid)).toEqual(['k1']);
      expect(config.warnings).toEqual([expect.stringMatching(/CARD_DATA_KEYS is deprecated.*DATA_KEYS/)]);
      expect(config.warnings.join()).not.toContain(key(1));
      const both = loadConfig({ ...base, DATA_KEYS: `k2:${key(2)}`, CARD_DATA_KEYS: `k1:${key(1)}` });
      expect(both.dataKeys.map((k) => k.kid)).toEqual(['k2']);
      expect(both.warnings).toEqual([expect.stringMatching(/CARD_DATA_KEYS is ignored/)]);
    });

    it('keeps reading the keys a data directory generated under the old name', () => {
      const dir = mkdtempSync(join(tmpdir(), 'cardnavi-config-'));
      try {
        const sessionSecret = 's'.repeat(43);
        writeFileSync(
          join(dir, 'secrets.json'),
          JSON.stringify({ sessionSecret, cardDataKeys: `k1:${key(4)}` }),
        );
        const config = loadConfig({ DATA_DIR: dir });
        expect(config.sessionSecret).toBe(sessionSecret);
        expect(config.dataKeys).toEqual([{ kid: 'k1', key: Buffer.alloc(32, 4) }]);
        const fresh = join(dir, 'fresh');
        const generated = loadConfig({ DATA_DIR: fresh }).dataKeys;
        expect(loadConfig({ DATA_DIR: fresh }).dataKeys).toEqual(generated);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
