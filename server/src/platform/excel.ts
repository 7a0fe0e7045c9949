import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import type { Locale } from '@fugong/contract';

export interface Column<T> {
  header: string;
  width?: number;
  value(row: T): string | number | null | undefined;
}

// text a spreadsheet would read as a formula (=, +, @, a leading tab or CR, or - before a non-digit);
// a plain negative number given as text ('-5') or a lone dash stays as it is
const FORMULA_LIKE = /^(?:[=+@\t\r]|-[^\d\s.])/;

/** Text that opens as text in every spreadsheet program: a formula-like start is defused with a leading `'`. */
export function cellText(v: string): string {
  return FORMULA_LIKE.test(v) ? `'${v}` : v;
}

/** One sheet, bold frozen header row; every list export goes through here. */
export async function toXlsx<T>(sheetName: string, columns: Column<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fugong';
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows)
    ws.addRow(
      columns.map((c) => {
        const v = c.value(r);
        return typeof v === 'string' ? cellText(v) : (v ?? '');
      }),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function attachmentHeader(filename: string): string {
  return `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Sends an .xlsx as a download named `filename`. */
export function sendXlsx(reply: FastifyReply, filename: string, buf: Buffer): FastifyReply {
  return reply.header('content-type', XLSX_MIME).header('content-disposition', attachmentHeader(filename)).send(buf);
}

/** A text in each of the three languages, for sheet headers and labels kept beside their columns. */
export type Texts = Record<Locale, string>;

/** Columns whose headers are given in every language: `[header, value, width?]`, resolved for the reader. */
export function columnsIn<T>(locale: Locale, defs: ReadonlyArray<readonly [Texts, Column<T>['value'], number?]>): Column<T>[] {
  return defs.map(([h, value, width]) => ({ header: h[locale], value, width }));
}
