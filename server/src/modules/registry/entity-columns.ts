import type { Locale } from '@fugong/contract';
import { entityKinds, locales, riskLevels, sectors, sizeClasses, smallVenueTypes } from '@fugong/contract';
import { t } from '../../platform/i18n/index';
import { registryMessages } from './registry.messages';

/** The spreadsheet columns of import, template and export, in their order; `required` marks template headers. */
export const importColumns = [
  { key: 'uscc', required: false },
  { key: 'regNo', required: false },
  { key: 'name', required: true },
  { key: 'kind', required: true },
  { key: 'regionCode', required: true },
  { key: 'address', required: false },
  { key: 'sector', required: true },
  { key: 'industry', required: false },
  { key: 'aboveScale', required: false },
  { key: 'aboveQuota', required: false },
  { key: 'fourAbove', required: false },
  { key: 'sizeClass', required: false },
  { key: 'smallVenueType', required: false },
  { key: 'registeredStaff', required: false },
  { key: 'contactName', required: false },
  { key: 'contactPhone', required: false },
  { key: 'riskLevel', required: false },
] as const;
export type ImportColumnKey = (typeof importColumns)[number]['key'];

export const enumFields = {
  kind: entityKinds,
  sector: sectors,
  sizeClass: sizeClasses,
  smallVenueType: smallVenueTypes,
  riskLevel: riskLevels,
} as const;
export type EnumField = keyof typeof enumFields;

export const header = (locale: Locale, key: string) => t(locale, `registry.col.${key}`);
export const label = (locale: Locale, field: string, value: string | null) =>
  value ? t(locale, `registry.${field}.${value}`) : '';
export const yesNo = (locale: Locale, v: number | boolean) => t(locale, v ? 'registry.yes' : 'registry.no');

const norm = (s: string) => s.replace(/[\s*＊（）()]/g, '').toLowerCase();
// the lookups below are built when this file loads, before the manifest registers the messages: they read the texts directly
const text = (locale: Locale, key: string) => registryMessages[key]?.[locale] ?? key;

/** Any locale's header (or the field identifier itself) → the field; a file from another district's setup still imports. */
export const headerLookup: Map<string, ImportColumnKey> = new Map(
  importColumns.flatMap((c) => [
    [norm(c.key), c.key] as const,
    ...locales.map((l) => [norm(text(l, `registry.col.${c.key}`)), c.key] as const),
  ]),
);
export function fieldOfHeader(h: string): ImportColumnKey | undefined {
  return headerLookup.get(norm(h));
}

/** Any locale's label (or identifier) → enum value, per field. */
const enumLookup: Record<EnumField, Map<string, string>> = Object.fromEntries(
  Object.entries(enumFields).map(([field, values]) => [
    field,
    new Map(
      values.flatMap((v) => [
        [norm(v), v] as const,
        ...locales.map((l) => [norm(text(l, `registry.${field}.${v}`)), v] as const),
      ]),
    ),
  ]),
) as never;
export function enumValue(field: EnumField, raw: string): string | undefined {
  return enumLookup[field].get(norm(raw));
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '']);
export function boolValue(raw: string): boolean | undefined {
  const v = norm(raw);
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return undefined;
}
