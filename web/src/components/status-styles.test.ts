import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { statusStyles } from './status-styles';
import type { StatusStyle } from './StatusTag';

const labelModules = import.meta.glob<Record<string, unknown>>('../modules/*/labels.ts', { eager: true });
const catalogue = (locale: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'locales', locale, `${ns}.json`), 'utf8')) as Record<
    string,
    unknown
  >;
const lookup = (obj: unknown, dotted: string) =>
  dotted.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
const isStyleMap = (v: unknown): v is Record<string, StatusStyle> =>
  !!v &&
  typeof v === 'object' &&
  Object.values(v).length > 0 &&
  Object.values(v).every((s) => s && typeof s === 'object' && 'labelKey' in s && 'color' in s);

describe('statusStyles', () => {
  it('labels each value under the prefix, keeping its colour', () => {
    expect(statusStyles<'open' | 'shut'>('ns:status', { open: 'green', shut: 'default' })).toEqual({
      open: { color: 'green', labelKey: 'ns:status.open' },
      shut: { color: 'default', labelKey: 'ns:status.shut' },
    });
  });

  it('gives every module’s status map labels that exist in each language', () => {
    const maps = Object.values(labelModules).flatMap((m) => Object.values(m).filter(isStyleMap));
    expect(maps.length).toBeGreaterThan(10);
    for (const locale of ['zh-CN', 'zh-TW', 'en']) {
      for (const map of maps) {
        for (const { labelKey } of Object.values(map)) {
          const [ns, key] = labelKey.split(':') as [string, string];
          expect(typeof lookup(catalogue(locale, ns), key), `${locale} ${labelKey}`).toBe('string');
        }
      }
    }
  });
});
