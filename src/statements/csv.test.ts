import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { sampleStatement } from '../../test/helpers/statement-fixtures.ts';
import { statementCsv, statementFileName } from './csv.ts';

function parseBack(csv: string): string[][] {
  return parse(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('statementCsv', () => {
  it('starts with a UTF-8 byte-order mark so Excel reads Japanese, and ends rows with CRLF', () => {
    const csv = statementCsv(sampleStatement(), 'ja');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('\r\n');
  });

  it('parses back to the documented columns and every line, quotes and commas intact', () => {
    const rows = parseBack(statementCsv(sampleStatement(), 'ja'));
    expect(rows[0]).toEqual([
      'ご利用日',
      'ご利用先',
      'カテゴリ',
      'お支払い方法',
      'ご利用金額',
      '今回ご請求額',
      '手数料',
      '獲得ポイント',
      'カード末尾',
    ]);
    expect(rows.slice(1)).toEqual([
      ['2026/10/03', 'さくらマート', '食料品・日用品', '1回払い', '1280', '1280', '0', '12', '9003'],
      ['2026/10/05', 'cafe "fuji", 本店', '飲食', '1回払い', '680', '680', '0', '6', '9003'],
      // ¥60,000 in 3: 20,000 + fee 1,506/3 = 502
      ['2026/10/09', 'Navi 家電', 'ショッピング', '分割払い 1/3回', '60000', '20000', '502', '600', '9003'],
      ['2026/10/20', 'みなと旅行', '旅行', 'リボ払い', '35000', '', '0', '350', '9003'],
      ['2026/10/25', 'cardnavi', '年会費', '1回払い', '1375', '1375', '0', '0', '9003'],
    ]);
  });

  it('writes English headers and labels for an English page', () => {
    const rows = parseBack(statementCsv(sampleStatement(), 'en'));
    expect(rows[0]?.[0]).toBe('Date');
    expect(rows[3]?.[3]).toBe('Instalment 1/3');
    expect(rows[4]?.[3]).toBe('Revolving');
  });

  it('never carries more than the last 4 digits of the card', () => {
    const csv = statementCsv(sampleStatement(), 'ja');
    expect(csv).not.toMatch(/\d{5,}[^\d]*9003|\d{12}/);
    expect(statementFileName(sampleStatement(), 'csv')).toBe('cardnavi-statement-2026-10-9003.csv');
  });
});
