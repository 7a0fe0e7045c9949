import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cellText, toXlsx } from './excel';

describe('spreadsheet export', () => {
  it('defuses text that a spreadsheet program would run as a formula', () => {
    for (const v of ['=HYPERLINK("http://evil.example/","click")', '+1+1', '@SUM(A1)', '-SUM(A1)', '\t=1', '\r=1'])
      expect(cellText(v)).toBe(`'${v}`);
    for (const v of ['-5', '-', '- 3', '平安小区', 'a=b', '12345']) expect(cellText(v)).toBe(v);
  });

  it('writes the defused text as a text cell that reads back as what was shown', async () => {
    const buf = await toXlsx(
      't',
      [
        { header: 'name', value: (r: { name: string; n: number }) => r.name },
        { header: 'n', value: (r) => r.n },
      ],
      [{ name: '=1+2', n: -5 }],
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const cell = wb.worksheets[0]!.getRow(2).getCell(1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe("'=1+2");
    expect(wb.worksheets[0]!.getRow(2).getCell(2).value).toBe(-5);
  });
});
