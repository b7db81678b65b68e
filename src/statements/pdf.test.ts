import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleStatement } from '../../test/helpers/statement-fixtures.ts';
import { statementPdf } from './pdf.ts';

// The PDF is read back with pdftotext (Debian poppler-utils; .ci/run installs it).
const dir = mkdtempSync(join(tmpdir(), 'cardnavi-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pdfText(pdf: Buffer, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('statementPdf', () => {
  it('is a real PDF whose Japanese text reads back: holder, masked card, lines and totals', async () => {
    const pdf = await statementPdf(sampleStatement(), 'ja', '2026-11-20', 1500);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf, 'ja.pdf');
    expect(text).toContain('ご利用代金明細書');
    expect(text).toContain('2026年10月ご利用分');
    expect(text).toContain('HANAKO SATO 様');
    expect(text).toContain('**** **** **** 9003');
    expect(text).toContain('確定');
    expect(text).toContain('さくらマート');
    expect(text).toContain('分割払い 1/3回');
    expect(text).toContain('リボ払い');
    // total: 1,280 + 680 + 20,000 + 502 + 10,000 + 1,375
    expect(text).toMatch(/ご請求金額\s+￥33,837/);
    expect(text).toContain('実質年率15.00%');
  });

  it('has English text for an English page', async () => {
    const text = pdfText(await statementPdf(sampleStatement(), 'en', '2026-11-20', 1500), 'en.pdf');
    expect(text).toContain('Card statement');
    expect(text).toContain('Usage in October 2026');
    expect(text).toMatch(/Amount billed\s+¥33,837/);
    expect(text).toContain('Instalment 1/3');
  });

  it('embeds only a subset of the Japanese font, keeping the file small', async () => {
    const pdf = await statementPdf(sampleStatement(), 'ja', '2026-11-20', 1500);
    expect(pdf.length).toBeLessThan(120_000); // the whole font is 5 MB
  });

  it('never prints more than the last 4 digits of the card', async () => {
    const text = pdfText(await statementPdf(sampleStatement(), 'ja', '2026-11-20', 1500), 'mask.pdf');
    expect(text).not.toMatch(/\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?9003/);
  });
});
