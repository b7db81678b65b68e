import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatDay, formatMonth, formatYen } from '../i18n/format.ts';
import { type Lang, translator } from '../i18n/index.ts';
import { methodLabel } from './csv.ts';
import type { Statement } from './statement.ts';

/**
 * The statement as a PDF document: the holder's name, the masked card (last 4 digits only), status, payment
 * date and state, every line and the billing breakdown. Text is set in Noto Sans JP (SIL OFL, shipped in the
 * `@expo-google-fonts/noto-sans-jp` npm package); pdfkit embeds only the glyphs used (a subset of a TrueType
 * font, ~10–30 KB instead of 5 MB) with a ToUnicode map, so the text can be searched and extracted.
 */

const require = createRequire(import.meta.url);
let font: Buffer | undefined;
/** Read once per process (5 MB); pdfkit parses and subsets it per document. */
function notoSansJp(): Buffer {
  font ??= readFileSync(
    require.resolve('@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf'),
  );
  return font;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 40;

/** Renders the statement; `issuedOn` is today ('YYYY-MM-DD'), `rateBasisPoints` the fee rate printed in the note. */
export function statementPdf(
  statement: Statement,
  lang: Lang,
  issuedOn: string,
  rateBasisPoints: number,
): Promise<Buffer> {
  const t = translator(lang);
  const yen = (n: number) => formatYen(lang, n);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `${t('statement.pdf.title')} ${statement.month}`, Author: 'cardnavi' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('jp', notoSansJp());
  doc.font('jp');

  doc.fontSize(18).text(t('statement.pdf.title'));
  doc.fontSize(12).text(t('statement.pdf.month', { month: formatMonth(lang, statement.month) }));
  doc.moveDown(0.5);
  doc.fontSize(10);
  doc.text(t('statement.pdf.holder', { name: statement.card.holderName }));
  doc.text(t('statement.pdf.card', { last4: statement.card.last4 }));
  const status =
    statement.status === 'closed'
      ? t('statement.status.closed', { day: Number(statement.finalDate.slice(8)) })
      : t(`statement.status.${statement.status}`);
  doc.text(t('statement.pdf.status', { status }));
  doc.text(t('statement.pdf.paymentDate', { date: formatDay(lang, statement.paymentDate, true) }));
  const paid =
    statement.payment.state === 'paid' && statement.payment.paidOn
      ? t('statement.paid.yes', { date: formatDay(lang, statement.payment.paidOn) })
      : t(statement.payment.state === 'not_due' ? 'statement.paid.notYet' : 'statement.paid.no');
  doc.text(t('statement.pdf.paid', { state: paid }));
  doc.text(t('statement.pdf.issued', { date: formatDay(lang, issuedOn) }));

  // Billing breakdown: label left, amount right-aligned.
  doc.moveDown();
  doc.fontSize(12).text(t('statement.pdf.breakdown'));
  doc.fontSize(10);
  const b = statement.breakdown;
  const rows: [string, number][] = [
    [t('statement.breakdown.oneTime'), b.oneTime],
    [t('statement.breakdown.revolvingPrincipal'), b.revolvingPrincipal],
    [t('statement.breakdown.revolvingFee'), b.revolvingFee],
    [t('statement.breakdown.instalmentPrincipal'), b.instalmentPrincipal],
    [t('statement.breakdown.instalmentFee'), b.instalmentFee],
    [t('statement.breakdown.annualFee'), b.annualFee],
    [t('statement.breakdown.total'), b.total],
  ];
  for (const [label, amount] of rows) {
    const y = doc.y;
    doc.text(label, MARGIN, y, { width: 250 });
    doc.text(yen(amount), MARGIN + 250, y, { width: 120, align: 'right' });
  }
  if (b.revolvingBalanceAfter > 0) {
    const y = doc.y;
    doc.text(t('statement.breakdown.revolvingBalance'), MARGIN, y, { width: 250 });
    doc.text(yen(b.revolvingBalanceAfter), MARGIN + 250, y, { width: 120, align: 'right' });
  }

  // Lines: date, merchant, method, amount, billed, points.
  doc.moveDown();
  doc.fontSize(12).text(t('statement.pdf.lines'), MARGIN);
  doc.fontSize(9);
  const columns = [
    { key: t('statement.csv.date'), width: 62, align: 'left' as const },
    { key: t('statement.csv.merchant'), width: 150, align: 'left' as const },
    { key: t('statement.csv.method'), width: 90, align: 'left' as const },
    { key: t('statement.csv.amount'), width: 70, align: 'right' as const },
    { key: t('statement.csv.billed'), width: 70, align: 'right' as const },
    { key: t('statement.csv.points'), width: 73, align: 'right' as const },
  ];
  const row = (cells: string[]) => {
    if (doc.y > A4.height - MARGIN - 30) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    let bottom = y;
    columns.forEach((col, i) => {
      const cell = cells[i] ?? '';
      doc.text(cell, x, y, { width: col.width - 4, align: col.align });
      bottom = Math.max(bottom, doc.y);
      x += col.width;
    });
    doc.y = bottom + 2;
  };
  row(columns.map((c) => c.key));
  if (statement.lines.length === 0) doc.text(t('statement.pdf.none'), MARGIN);
  for (const line of statement.lines) {
    row([
      line.usedOn.replaceAll('-', '/'),
      line.kind === 'annual_fee' ? `${line.merchant} (${t('statement.kind.annual_fee')})` : line.merchant,
      methodLabel(lang, line),
      yen(line.amount),
      line.billed === null ? '—' : yen(line.billed + line.fee),
      String(line.usedThisMonth ? line.points : 0),
    ]);
  }
  doc.moveDown();
  doc.fontSize(8).text(t('statement.pdf.note', { rate: (rateBasisPoints / 100).toFixed(2) }), MARGIN, doc.y, {
    width: A4.width - 2 * MARGIN,
  });
  doc.end();
  return done;
}
