/**
 * Issue 12: the statement pages, downloads and points over HTTP (in process). Downloads are read back as a
 * user's software would (csv-parse, pdftotext); another member's month or card is a 404.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, TestClient } from '../../test/helpers/app.ts';
import { createMember } from '../../test/helpers/factories.ts';
import { seedCardsDemo } from '../cards/seed.ts';
import { loadPoints, loadStatement } from './statement.ts';

let app: TestApp;
const password = 'correct-horse-battery-9';
const ids = new Map<string, number>();
let hanakoCard: number;
let otherCard: number;
const dir = mkdtempSync(join(tmpdir(), 'cardnavi-statements-'));

beforeAll(async () => {
  app = await createTestApp('pglite');
  // 5 December 2026 in Tokyo: November closed (final on the 12th), October final and paid, December open.
  app.setNow(new Date('2026-12-05T01:00:00Z'));
  for (const login of ['hanako@example.jp', 'suspended@example.jp', 'nocard02'])
    ids.set(login, (await createMember(app.deps, { userId: login, password })).id);
  await seedCardsDemo(app.deps, ids);
  const cards = await app.deps.db.selectFrom('cards').select(['id', 'member_id']).execute();
  hanakoCard = cards.find((c) => c.member_id === ids.get('hanako@example.jp'))!.id;
  otherCard = cards.find((c) => c.member_id === ids.get('suspended@example.jp'))!.id;
  // A fresh migrated database, the demo cards' argon2 hashes and 16 months of history: slow on a shared machine.
}, 180_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app?.close();
});

async function clientOf(userId: string, lang: 'ja' | 'en' = 'en') {
  const client = new TestClient(app, { 'accept-language': lang });
  await client.login(userId, password);
  return client;
}

describe('GET /portal/statements', () => {
  it('offers the open month and the last 15 closed months, with status and payment, and the charts', async () => {
    const client = await clientOf('hanako@example.jp');
    const res = await client.get('/portal/statements?lang=en');
    expect(res.status).toBe(200);
    const body = await res.text();
    expect(body).toContain('<h1>Statements</h1>');
    const monthLinks = [...body.matchAll(/href="\/portal\/statements\/(\d{4}-\d{2})"/g)].map((m) => m[1]);
    expect(monthLinks).toHaveLength(16);
    expect(monthLinks[0]).toBe('2026-12');
    expect(monthLinks.at(-1)).toBe('2025-09');
    expect(body).toContain('Not final (month still open)');
    expect(body).toContain('Not final (closed; final on day 12 of the next month)');
    expect(body).toContain('Paid (27 Nov 2026)');
    // Charts: SVG hidden from assistive technology, the same figures in tables for screen readers.
    expect(body).toContain('<svg viewBox=');
    expect(body).toContain('aria-hidden="true"');
    expect(body).toMatch(
      /<div class="visually-hidden"><table><caption>Spending per month \(last 12 months\)/,
    );
    expect(body).not.toMatch(/style="/);
  });

  it('sends a member without an enrolled card to the portal home', async () => {
    const client = await clientOf('nocard02');
    const res = await client.get('/portal/statements');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal');
  });
});

describe('GET /portal/statements/YYYY-MM', () => {
  it('shows every line with method and points, the breakdown, payment date and state, and the downloads', async () => {
    const client = await clientOf('hanako@example.jp');
    const res = await client.get('/portal/statements/2026-11?lang=en');
    expect(res.status).toBe(200);
    const body = await res.text();
    const result = await loadStatement(app.deps, ids.get('hanako@example.jp')!, '2026-11');
    if (!result.ok) throw new Error(result.code);
    const s = result.statement;
    expect(body).toContain('Statement for November 2026');
    for (const line of s.lines) expect(body).toContain(line.merchant);
    expect(body).toContain('Instalment 3/6');
    expect(body).toContain(`¥${s.breakdown.total.toLocaleString('en-US')}`);
    expect(body).toContain('Mon, 28 Dec 2026'); // the 27th is a Sunday
    expect(body).toContain('Before the payment date');
    expect(body).toContain('Download CSV');
    expect(body).toContain('Download PDF');
    expect(body).toContain('href="/portal/statements/2026-11.csv"');
  });

  it('offers no download for the open month, and refuses one', async () => {
    const client = await clientOf('hanako@example.jp');
    const body = await (await client.get('/portal/statements/2026-12?lang=en')).text();
    expect(body).toContain('This month is still open');
    expect(body).not.toContain('Download CSV');
    expect((await client.get('/portal/statements/2026-12.csv')).status).toBe(404);
  });

  it.each(['2026-13', '2025-08', '2027-01', 'latest', '2026-10.xls', '2026-10.csv.pdf'])(
    'answers 404 for %s',
    async (month) => {
      const client = await clientOf('hanako@example.jp');
      expect((await client.get(`/portal/statements/${month}`)).status).toBe(404);
    },
  );
});

describe('downloads', () => {
  it('gives a CSV with a BOM that parses back to every line, with only the last 4 digits', async () => {
    const client = await clientOf('hanako@example.jp', 'ja');
    const res = await client.get('/portal/statements/2026-10.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="cardnavi-statement-2026-10-9003.csv"',
    );
    expect(res.headers.get('cache-control')).toContain('no-store');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes.toString('utf8'), { bom: true }) as string[][];
    const result = await loadStatement(app.deps, ids.get('hanako@example.jp')!, '2026-10');
    if (!result.ok) throw new Error(result.code);
    expect(rows[0]?.[0]).toBe('ご利用日');
    expect(rows).toHaveLength(result.statement.lines.length + 1);
    const amounts = rows.slice(1).map((r) => Number(r[4]));
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(result.statement.lines.reduce((a, l) => a + l.amount, 0));
    expect(new Set(rows.slice(1).map((r) => r[8]))).toEqual(new Set(['9003']));
    expect(bytes.toString('utf8')).not.toContain('4980123456789003');
  });

  it('gives a PDF whose text names the holder, the masked card and the total', async () => {
    const client = await clientOf('hanako@example.jp', 'ja');
    const res = await client.get('/portal/statements/2026-10.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const file = join(dir, 'statement.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const result = await loadStatement(app.deps, ids.get('hanako@example.jp')!, '2026-10');
    if (!result.ok) throw new Error(result.code);
    expect(text).toContain('HANAKO SATO 様');
    expect(text).toContain('**** **** **** 9003');
    expect(text).toContain('2026年10月ご利用分');
    expect(text).toMatch(
      new RegExp(`ご請求金額\\s+￥${result.statement.breakdown.total.toLocaleString('ja-JP')}`),
    );
    expect(text).not.toMatch(/4980\s*1234\s*5678\s*9003/);
  });
});

describe('another member’s statements', () => {
  it.each([
    '/portal/statements/2026-10',
    '/portal/statements/2026-10.csv',
    '/portal/statements/2026-10.pdf',
    '/portal/statements',
    '/portal/points',
  ])('answers 404 for %s of a card that is not theirs', async (path) => {
    const client = await clientOf('suspended@example.jp');
    const res = await client.get(`${path}?card=${hanakoCard}`);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain('9003');
    expect(body).not.toContain('HANAKO');
  });

  it('is just as unknown from the owner’s side: hanako cannot open the other card', async () => {
    const client = await clientOf('hanako@example.jp');
    expect((await client.get(`/portal/statements/2026-10.csv?card=${otherCard}`)).status).toBe(404);
  });
});

describe('GET /portal/points', () => {
  it('shows the balance, the next expiry and the history of earned and used points', async () => {
    const client = await clientOf('hanako@example.jp');
    const res = await client.get('/portal/points?lang=en');
    expect(res.status).toBe(200);
    const body = await res.text();
    const points = await loadPoints(app.deps, ids.get('hanako@example.jp')!);
    if (!points.ok) throw new Error(points.code);
    expect(body).toContain('<h1>Points</h1>');
    expect(body).toContain(`${points.ledger.balance.toLocaleString('en-US')} points`);
    expect(body).toContain(`${points.ledger.balance.toLocaleString('en-US')} points on 31 Dec 2027`);
    expect(body).toContain('Used: Navi Books ギフトコード');
    expect(body).toContain('<td class="num">-1,000</td>');
    expect(body).toContain('Earned with purchases in November 2026');
  });
});

describe('GET /portal (dashboard)', () => {
  it('shows the bill, the points balance of the ledger, the charts and the Statements and Points links', async () => {
    const client = await clientOf('hanako@example.jp');
    const body = await (await client.get('/portal?lang=en')).text();
    const points = await loadPoints(app.deps, ids.get('hanako@example.jp')!);
    const november = await loadStatement(app.deps, ids.get('hanako@example.jp')!, '2026-11');
    if (!points.ok || !november.ok) throw new Error('no data');
    expect(body).toContain(`id="points-balance">${points.ledger.balance.toLocaleString('en-US')} points`);
    expect(body).toContain(`¥${november.statement.breakdown.total.toLocaleString('en-US')}`);
    expect(body).toMatch(/<a class="button" href="\/portal\/statements\?card=\d+">Statements<\/a>/);
    expect(body).toMatch(/<a class="button" href="\/portal\/points\?card=\d+">Points<\/a>/);
    expect(body).toContain('Spending by category, November 2026');
  });
});
