/**
 * Registry bulk import: time to preview (parse + validate + plan) and to confirm 10,000 rows,
 * from a real .xlsx and a real CSV, on a fresh SQLite database holding Jizhou's region tree.
 * Run: npx tsx bench/registry-import.ts [rows] — prints the figures as one JSON line (also `run()` for bench/index.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { loadConfig } from '../server/src/config';
import { createCore, closeCore } from '../server/src/bootstrap';
import { buildServices } from '../server/src/services';
import { systemContext } from '../server/src/platform/context';
import { makeActor } from '../server/src/platform/permissions';
import { demoDistricts } from '../server/src/demo/districts';
import { buildDistrictRegions } from '../server/src/demo/regions.demo';
import { buildDistrictEntities, registryDemoConfig } from '../server/src/modules/registry/registry.demo';
import { importColumns } from '../server/src/modules/registry/entity-columns';

const HEADERS: Record<string, string> = {
  uscc: '统一社会信用代码',
  regNo: '注册号',
  name: '名称',
  kind: '主体类型',
  regionCode: '区划代码',
  address: '地址',
  sector: '产业',
  industry: '行业',
  aboveScale: '规上',
  aboveQuota: '限上',
  fourAbove: '四上',
  sizeClass: '企业规模',
  smallVenueType: '五小/九小类型',
  registeredStaff: '登记从业人数',
  contactName: '联系人',
  contactPhone: '联系电话',
  riskLevel: '风险等级',
};

export async function run(rows = 10_000): Promise<void> {
  const ROWS = rows;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-bench-'));
  const config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl: `sqlite:${path.join(dataDir, 'bench.db')}`,
    dialect: 'sqlite' as const,
    secretKeyHex: crypto.randomBytes(32).toString('hex'),
    demoOnEmpty: false,
  };
  const core = await createCore({ config });
  const s = buildServices(core);
  const jz = demoDistricts[0]!;
  await s.regions.insertMany(buildDistrictRegions(jz));
  const ctx = {
    ...systemContext(),
    actor: makeActor({ id: 1, username: 'bench', displayName: 'bench' }, [
      { role: 'admin', regionPath: null, department: null, entityId: null, venueId: null },
    ]),
  };

  // realistic rows: the demo generator at a scale giving at least ROWS entities, labels as districts write them
  const all = buildDistrictEntities(jz, registryDemoConfig.districts[jz.code]!, 1).slice(0, ROWS);
  const label: Record<string, Record<string, string>> = {
    kind: {
      enterprise: '企业',
      individual: '个体工商户',
      building: '楼宇',
      site: '建筑工地',
      project: '重点项目',
      hotel: '酒店',
      venue: '场所',
      farm: '农场',
    },
    sector: { primary: '一产', secondary: '二产', tertiary: '三产' },
    sizeClass: { large: '大型', medium: '中型', small: '小型', micro: '微型' },
    riskLevel: { low: '低', medium: '中', high: '高' },
    smallVenueType: {
      small_restaurant: '小餐馆',
      small_food_shop: '小食品店',
      small_supermarket: '小超市',
      small_barbershop: '小理发店',
      small_pharmacy: '小药店',
    },
  };
  const cells = (e: (typeof all)[number]) =>
    importColumns.map(({ key }) => {
      const v = (e as Record<string, unknown>)[key];
      if (typeof v === 'boolean') return v ? '是' : '否';
      if (v == null) return '';
      return label[key]?.[String(v)] ?? String(v);
    });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('市场主体');
  ws.addRow(importColumns.map((c) => HEADERS[c.key]));
  for (const e of all) ws.addRow(cells(e));
  const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
  const csv = Buffer.from(
    [
      importColumns.map((c) => HEADERS[c.key]).join(','),
      ...all.map((e) =>
        cells(e)
          .map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
          .join(','),
      ),
    ].join('\r\n'),
    'utf8',
  );

  // wall time, and this process's CPU time: on a shared machine the second says what the work costs
  const cpu: Record<string, number> = {};
  const time = async <T>(name: string, fn: () => Promise<T>): Promise<[T, number]> => {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await fn();
    const c = process.cpuUsage(c0);
    cpu[name] = Math.round((c.user + c.system) / 1000);
    return [r, Math.round(performance.now() - t0)];
  };
  const [p1, previewXlsxMs] = await time('previewXlsx', () =>
    s.registry.previewImport(ctx, { fileName: 'bench.xlsx', data: xlsx }),
  );
  const [, previewCsvMs] = await time('previewCsv', () => s.registry.previewImport(ctx, { fileName: 'bench.csv', data: csv }));
  const [c1, confirmMs] = await time('confirm', () => s.registry.confirmImport(ctx, p1.token));
  const [p3, rePreviewXlsxMs] = await time('rePreviewXlsx', () =>
    s.registry.previewImport(ctx, { fileName: 'bench.xlsx', data: xlsx }),
  );
  console.log(
    JSON.stringify({
      bench: 'registry-import',
      dialect: core.dialect,
      rows: all.length,
      xlsxBytes: xlsx.length,
      csvBytes: csv.length,
      previewXlsxMs,
      previewCsvMs,
      confirmMs,
      created: c1.created,
      rePreviewXlsxMs,
      rePreviewUnchanged: p3.summary.unchanged,
      errors: p1.summary.error,
      cpuMs: cpu,
      loadAverage: os.loadavg()[0],
    }),
  );
  await closeCore(core);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(Number(process.argv[2] ?? 10_000)).catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
