import ExcelJS from 'exceljs';
import { usccCheckChar } from '@fugong/contract';
import { createTestApp, type Client, type TestApp } from '../../../test/helpers';

/** The registry tests' app: an admin, the officers of towns A and B and a grid worker of A. */
export async function registryTestApp(): Promise<{ t: TestApp; admin: Client; townA: Client; townB: Client; grid: Client }> {
  const t = await createTestApp();
  return {
    t,
    admin: await t.login('admin'),
    townA: await t.userWith('town-a', [{ role: 'town', regionCode: t.regions.townA }]),
    townB: await t.userWith('town-b', [{ role: 'town', regionCode: t.regions.townB }]),
    grid: await t.userWith('grid-a', [{ role: 'grid', regionCode: t.regions.gridA }]),
  };
}

/** The least an entity needs, in grid A, with `over` on top. */
export const baseEntity = (t: TestApp, over: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  name: '蓟州测试制造有限公司',
  sector: 'secondary',
  regionCode: t.regions.gridA,
  ...over,
});

export const uscc = (n: number) => {
  const body = `9112011900${String(n).padStart(7, '0')}`;
  return body + usccCheckChar(body);
};
/** A well-formed code whose check character is wrong. */
export const badUscc = (n: number) => {
  const good = uscc(n);
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
};

export function multipart(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----fugong' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
export async function upload(c: Client, fileName: string, data: Buffer, headers: Record<string, string> = {}) {
  const m = multipart(fileName, data);
  return c.request({ method: 'POST', url: '/api/registry/imports', payload: m.payload, headers: { ...m.headers, ...headers } });
}

/** GBK bytes for a string, from the inverse of Node's own GBK decoder (Node ships no GBK encoder). */
let gbkTable: Map<string, number[]> | null = null;
export function encodeGbk(s: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export async function xlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
export async function readXlsx(body: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  const out: string[][] = [];
  wb.worksheets[0]!.eachRow((r) => out.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return out;
}
