import ExcelJS from 'exceljs';

/** A spreadsheet as rows of trimmed text cells, each with the row number the user sees. */
export interface SheetRow {
  row: number;
  cells: string[];
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((p) => p.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  return String(v);
}

async function readXlsx(data: Buffer): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as never);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const values = r.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellText(values[i] ?? null).trim());
    out.push({ row: rowNumber, cells });
  });
  return out;
}

/**
 * Districts' CSV files come from Excel "save as CSV": on Chinese Windows that is GBK, elsewhere
 * UTF-8 (often with a BOM). Strict UTF-8 first; anything that is not valid UTF-8 is read as GBK.
 */
export function decodeCsv(data: Buffer): string {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gbk').decode(data);
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): SheetRow[] {
  const out: SheetRow[] = [];
  let cells: string[] = [];
  let cur = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cur);
    if (cells.some((c) => c.trim() !== '')) out.push({ row: startLine, cells: cells.map((c) => c.trim()) });
    cells = [];
    cur = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cur += ch;
      }
      continue;
    }
    if (ch === '"' && cur.trim() === '') {
      cur = '';
      quoted = true;
    } else if (ch === ',') {
      cells.push(cur);
      cur = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else cur += ch;
  }
  if (cur !== '' || cells.length) endRecord();
  return out;
}

const isZip = (d: Buffer) => d.length > 4 && d[0] === 0x50 && d[1] === 0x4b && d[2] === 0x03 && d[3] === 0x04;

/** Reads .xlsx (recognised by content, not by name) or CSV; null when the file is neither. */
export async function readSheet(data: Buffer): Promise<SheetRow[] | null> {
  if (isZip(data)) {
    try {
      return await readXlsx(data);
    } catch {
      return null;
    }
  }
  // a binary file is not a CSV: NUL bytes never occur in UTF-8 or GBK text
  if (data.subarray(0, 4096).includes(0)) return null;
  return parseCsv(decodeCsv(data));
}
