/**
 * PCI DSS 3.4.1 / 3.5.1 and issue 5: no page, log line or JSON ever contains a full card number. Every
 * portal page is rendered for the whole demo cast, in both languages, through every enrollment outcome,
 * with a logger that keeps its lines so they can be searched too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { monthOf, todayIn } from '../../src/cards/billing.ts';
import { demoMembers } from '../../src/demo/cast.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { createLogger } from '../../src/log.ts';
import { createTestApp, type TestApp, TestClient } from '../helpers/app.ts';
import { databaseKinds } from '../helpers/db.ts';

/** 16 digits, possibly grouped by spaces or hyphens. */
const FULL_NUMBER = /(?<!\d)(?:\d[ -]?){15}\d(?!\d)/;

describe.each(databaseKinds())('portal pages never show a full card number on %s', (kind) => {
  let base: TestApp;
  let target: TestApp;
  const logLines: string[] = [];

  beforeAll(async () => {
    base = await createTestApp(kind, { ENROLL_ATTEMPTS_PER_HOUR: '1000', LOG_LEVEL: 'debug' });
    const log = createLogger('debug', { write: (line: string) => void logLines.push(line) });
    const deps = { ...base.deps, log };
    await seedDemo(deps);
    target = { ...base, deps, app: createApp(deps) };
    // A fresh migrated database and the whole demo cast (argon2 hashes, 16 months of history): slow on a shared machine.
  }, 180_000);
  afterAll(() => base?.close());

  it('renders every page of every demo member in ja and en without a full number in bodies or logs', async () => {
    const bodies: { where: string; body: string }[] = [];
    const visit = async (where: string, res: Response) => {
      bodies.push({ where, body: await res.text() });
      return res;
    };
    const enrollTries = [
      { cardNumber: '4980123456789011', birthDate: '1990-04-01', startPin: '0000' },
      { cardNumber: '4980 1234 5678 9029', birthDate: '1985-11-20', startPin: '3958' },
      { cardNumber: '4980-1234-5678-9003', birthDate: '1901-01-01', startPin: '1111' },
      { cardNumber: '4980123456789012', birthDate: '1990-04-01', startPin: '1111' },
      { cardNumber: '4980123456789037', birthDate: '1979-09-09', startPin: '1111' },
    ];
    const lastMonth = monthOf(todayIn(new Date(), target.deps.config.contact.timeZone), -1);
    for (const lang of ['ja', 'en'] as const) {
      for (const m of demoMembers) {
        const client = new TestClient(target, { 'accept-language': lang });
        await visit(`${m.login} login`, await client.login(m.login, m.password));
        for (const path of [
          '/portal',
          '/portal/enroll',
          '/portal/statements',
          `/portal/statements/${lastMonth}`,
          `/portal/statements/${lastMonth}.csv`,
          '/portal/points',
          '/portal/card',
          '/cards/apply',
          '/portal?card=1',
        ]) {
          await visit(
            `${m.login} GET ${path}`,
            await client.get(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`),
          );
        }
        for (const fields of enrollTries)
          await visit(
            `${m.login} POST /portal/enroll`,
            await client.post(`/portal/enroll?lang=${lang}`, fields),
          );
        await visit(
          `${m.login} POST /cards/apply`,
          await client.post(`/cards/apply?lang=${lang}`, {
            holderName: 'TEST PERSON',
            nameKanji: '試験 太郎',
            nameKana: 'シケン タロウ',
            postalCode: '100-0001',
            prefecture: '13',
            addressLine1: '千代田区千代田1-1',
            birthDate: '1990-04-01',
            phone: '090-1234-5678',
            incomeBand: '2m_4m',
            startPin: '4829',
            startPinConfirm: '4829',
          }),
        );
        await visit(`${m.login} GET /portal after`, await client.get(`/portal?lang=${lang}`));
      }
    }
    // The search would find a number, and the walk did reach the outcomes that name cards.
    expect(FULL_NUMBER.test('<td>4980 1234 5678 9011</td>')).toBe(true);
    expect(bodies.length).toBeGreaterThan(200);
    expect(bodies.some((b) => b.body.includes('t****s@example.jp'))).toBe(true);
    expect(bodies.some((b) => b.body.includes('remaining-attempts'))).toBe(true);
    expect(logLines.some((l) => l.includes('"outcome":"wrong_pin"'))).toBe(true);
    expect(bodies.filter((b) => b.body.includes('**** **** **** 9003')).length).toBeGreaterThan(0);
    expect(bodies.filter((b) => FULL_NUMBER.test(b.body)).map((b) => b.where)).toEqual([]);
    expect(logLines.length).toBeGreaterThan(100);
    expect(logLines.filter((l) => FULL_NUMBER.test(l))).toEqual([]);
    // Every page of every demo member in two languages: minutes on a busy machine.
  }, 300_000);
});
