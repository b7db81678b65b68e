// PCI DSS 3.4.1: no page shows more than the last 4 digits of a card number — including the development
// top page that lists the demo cast, and the mailbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

describe('pages outside the portal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    await seedDemo(t.deps);
  });
  afterAll(async () => {
    await t.close();
  });

  it.each(['/', '/?lang=en', '/dev/mailbox', '/login', '/help', '/help/contact'])(
    '%s holds no 12–19 digit run',
    async (path) => {
      const res = await t.app.request(path);
      expect(res.status).toBe(200);
      const text = (await res.text()).replace(/<[^>]+>/g, ' ');
      expect(text).not.toMatch(/\d(?:[ -]?\d){11,18}/);
    },
  );
});
