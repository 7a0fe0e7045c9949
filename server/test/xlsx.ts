import ExcelJS from 'exceljs';

/** The first sheet of an .xlsx as rows of cell texts (header row first). */
export async function readXlsx(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}

/** Cells that look like a whole 身份证 number or a whole mobile number: an export must hold none. */
export function clearPersonalNumbers(rows: string[][]): string[] {
  return rows.flat().filter((c) => /\d{17}[\dXx]|(?<!\d)1\d{10}(?!\d)/.test(c));
}
