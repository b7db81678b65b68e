import { stringify } from 'csv-stringify/sync';
import { type Lang, translator } from '../i18n/index.ts';
import type { BilledLine } from './breakdown.ts';
import type { Statement } from './statement.ts';

/**
 * The statement as CSV (docs/STATEMENTS.md lists the columns): UTF-8 with a byte-order mark so that Excel
 * opens Japanese text correctly, CRLF line ends, one header row, one row per line of the statement.
 * Amounts are plain integers in yen (no separators or currency sign) so a spreadsheet can sum them.
 * Columns: date (YYYY/MM/DD), merchant, category, payment method, amount, billed this month (empty for
 * revolving lines: they are billed through the revolving balance), fee, points earned, card ending.
 */
export function statementCsv(statement: Statement, lang: Lang): string {
  const t = translator(lang);
  const header = [
    t('statement.csv.date'),
    t('statement.csv.merchant'),
    t('statement.csv.category'),
    t('statement.csv.method'),
    t('statement.csv.amount'),
    t('statement.csv.billed'),
    t('statement.csv.fee'),
    t('statement.csv.points'),
    t('statement.csv.card'),
  ];
  const rows = statement.lines.map((line) => [
    line.usedOn.replaceAll('-', '/'),
    line.merchant,
    line.kind === 'annual_fee' ? t('statement.kind.annual_fee') : t(`statement.category.${line.category}`),
    methodLabel(lang, line),
    line.amount,
    line.billed ?? '',
    line.fee,
    line.usedThisMonth ? line.points : 0,
    statement.card.last4,
  ]);
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: 'windows' })}`;
}

/** 1回払い / リボ払い / 分割払い n/N回 in the page's language. */
export function methodLabel(lang: Lang, line: Pick<BilledLine, 'paymentMethod' | 'instalment'>): string {
  const t = translator(lang);
  if (line.paymentMethod === 'instalment' && line.instalment)
    return t('statement.method.instalment', { number: line.instalment.number, of: line.instalment.of });
  return t(line.paymentMethod === 'revolving' ? 'statement.method.revolving' : 'statement.method.one_time');
}

/** The download's file name: cardnavi-statement-YYYY-MM-1234.csv (last 4 digits only). */
export function statementFileName(statement: Pick<Statement, 'month' | 'card'>, ext: 'csv' | 'pdf'): string {
  return `cardnavi-statement-${statement.month}-${statement.card.last4}.${ext}`;
}
