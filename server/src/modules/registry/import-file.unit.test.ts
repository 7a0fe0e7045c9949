import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCsv, parseCsv, readSheet } from './import-file';
import { boolValue, enumValue, fieldOfHeader } from './entity-columns';

describe('CSV reading', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside a field', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n\r\n last , ,\n');
    expect(rows).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['x, y', 'say "hi"', 'two\nlines'] },
      { row: 5, cells: ['last', '', ''] },
    ]);
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const cell = fc.string({ maxLength: 12 }).map((s) => s.replace(/\r/g, ''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (table) => {
        const rows = table.filter((r) => r.some((c) => c.trim() !== ''));
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text).map((r) => r.cells)).toEqual(rows.map((r) => r.map((c) => c.trim())));
      }),
    );
  });

  it('reads UTF-8 with or without a BOM, and GBK when the bytes are not UTF-8', () => {
    expect(decodeCsv(Buffer.from('名称', 'utf8'))).toBe('名称');
    expect(decodeCsv(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('名称', 'utf8')]))).toBe('名称');
    // 名称 in GBK
    expect(decodeCsv(Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]))).toBe('名称');
  });

  it('refuses binary data that is neither a workbook nor text', async () => {
    expect(await readSheet(Buffer.from([0x00, 0x01, 0x02]))).toBeNull();
    expect(await readSheet(Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]))).toBeNull();
  });
});

describe('spreadsheet words', () => {
  it('recognises headers in any of the three languages, starred or not', () => {
    expect(fieldOfHeader('统一社会信用代码')).toBe('uscc');
    expect(fieldOfHeader('統一社會信用代碼')).toBe('uscc');
    expect(fieldOfHeader(' Credit code ')).toBe('uscc');
    expect(fieldOfHeader('名称*')).toBe('name');
    expect(fieldOfHeader('备注')).toBeUndefined();
  });
  it('recognises enum labels and identifiers, and yes/no in common spellings', () => {
    expect(enumValue('kind', '个体工商户')).toBe('individual');
    expect(enumValue('kind', 'Individual business')).toBe('individual');
    expect(enumValue('smallVenueType', '小理髮店')).toBe('small_barbershop');
    expect(enumValue('sector', 'tertiary')).toBe('tertiary');
    expect(enumValue('sizeClass', '巨型')).toBeUndefined();
    expect(['是', 'Y', 'yes', '1', 'TRUE'].map(boolValue)).toEqual([true, true, true, true, true]);
    expect(['否', 'N', 'no', '0', ''].map(boolValue)).toEqual([false, false, false, false, false]);
    expect(boolValue('maybe')).toBeUndefined();
  });
});
