import type { Locale } from '@fugong/contract';
import { toXlsx, type Column } from '../../platform/excel';
import { t } from '../../platform/i18n/index';
import type { EntityRow } from './registry.repo';
import { header, label, yesNo } from './entity-columns';

/** The filtered list as .xlsx with headers and labels in the reader's language; phones stay masked. */
export function entityExport(locale: Locale, rows: EntityRow[], regionNames: Map<string, string>): Promise<Buffer> {
  const col = (key: string, value: Column<EntityRow>['value'], width?: number): Column<EntityRow> => ({
    header: header(locale, key),
    value,
    width,
  });
  const columns: Column<EntityRow>[] = [
    col('uscc', (r) => r.uscc, 22),
    col('regNo', (r) => r.regNo),
    col('name', (r) => r.name, 30),
    col('kind', (r) => label(locale, 'kind', r.kind)),
    col('regionCode', (r) => r.regionCode, 18),
    col('regionName', (r) => regionNames.get(r.regionCode) ?? ''),
    col('address', (r) => r.address, 30),
    col('sector', (r) => label(locale, 'sector', r.sector)),
    col('industry', (r) => r.industry),
    col('aboveScale', (r) => yesNo(locale, r.aboveScale), 8),
    col('aboveQuota', (r) => yesNo(locale, r.aboveQuota), 8),
    col('fourAbove', (r) => yesNo(locale, r.fourAbove), 8),
    col('sizeClass', (r) => label(locale, 'sizeClass', r.sizeClass)),
    col('smallVenueType', (r) => label(locale, 'smallVenueType', r.smallVenueType)),
    col('registeredStaff', (r) => Number(r.registeredStaff)),
    col('contactName', (r) => r.contactName),
    col('contactPhone', (r) => r.contactPhoneMasked),
    col('riskLevel', (r) => label(locale, 'riskLevel', r.riskLevel)),
    col('status', (r) => label(locale, 'status', r.status)),
  ];
  return toXlsx(t(locale, 'registry.sheet'), columns, rows);
}
