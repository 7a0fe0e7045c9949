import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { departments, regionLevels, roles } from '@fugong/contract';

const dir = import.meta.dirname;
const LOCALES = ['zh-CN', 'zh-TW', 'en'];
const read = (locale: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join(dir, locale, `${ns}.json`), 'utf8')) as Record<string, unknown>;

function keys(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

const namespaces = [...new Set(LOCALES.flatMap((l) => fs.readdirSync(path.join(dir, l)).filter((f) => f.endsWith('.json'))))].map(
  (f) => f.replace(/\.json$/, ''),
);

describe('translations', () => {
  it.each(namespaces)('namespace %s has the same keys in zh-CN, zh-TW and en', (ns) => {
    const [cn, ...others] = LOCALES.map((l) => keys(read(l, ns)).sort());
    for (const other of others) expect(other).toEqual(cn);
  });

  it('names every role, department and region level of the contract', () => {
    for (const l of LOCALES) {
      const common = read(l, 'common') as Record<string, Record<string, string>>;
      for (const r of roles) expect(common.role?.[r], `${l} role.${r}`).toBeTruthy();
      for (const d of departments) expect(common.department?.[d], `${l} department.${d}`).toBeTruthy();
      for (const v of regionLevels) expect(common.regionLevel?.[v], `${l} regionLevel.${v}`).toBeTruthy();
    }
  });
});
