import type { Insertable, Selectable } from 'kysely';
import type {
  EntityInputParsed,
  EntityKind,
  EntityStatus,
  EntitySummary,
  RiskLevel,
  Sector,
  SizeClass,
  SmallVenueType,
} from '@fugong/contract';
import { normalisePhone } from '@fugong/contract';
import type { Pii } from '../../platform/pii';
import { maskPhone } from '../../platform/pii';
import type { EntityTable } from './registry.tables';

// the same as registry.repo's EntityRow, spelled out here because the repo imports this file
type EntityRow = Selectable<EntityTable>;

/** What an import row or a form is matched by: the credit code, else registration number + name + region. */
export function identityKeysOf(e: { uscc: string | null; regNo: string | null; name: string; regionCode: string }): string[] {
  const keys: string[] = [];
  if (e.uscc) keys.push(`U:${e.uscc}`);
  if (e.regNo) keys.push(`R:${e.regNo}|${e.name}|${e.regionCode}`);
  return keys;
}

/** The columns an input sets, everything but status and timestamps. */
export type EntityFields = Omit<Insertable<EntityTable>, 'id' | 'status' | 'statusChangedAt' | 'createdAt' | 'updatedAt'>;

export function fieldsOf(e: EntityInputParsed, regionPath: string, pii: Pii): EntityFields {
  const phone = e.contactPhone ? normalisePhone(e.contactPhone) : null;
  return {
    kind: e.kind,
    name: e.name,
    uscc: e.uscc,
    regNo: e.regNo,
    identityKey: identityKeysOf(e)[0]!,
    regionCode: e.regionCode,
    regionPath,
    address: e.address,
    sector: e.sector,
    industry: e.industry,
    aboveScale: e.aboveScale ? 1 : 0,
    aboveQuota: e.aboveQuota ? 1 : 0,
    fourAbove: e.fourAbove ? 1 : 0,
    sizeClass: e.sizeClass,
    smallVenueType: e.smallVenueType,
    registeredStaff: e.registeredStaff,
    contactName: e.contactName,
    contactPhoneEnc: phone ? pii.encrypt(phone) : null,
    contactPhoneHash: phone ? pii.hash(phone) : null,
    contactPhoneMasked: phone ? maskPhone(phone) : null,
    riskLevel: e.riskLevel,
  };
}

const COMPARED = [
  'kind',
  'name',
  'uscc',
  'regNo',
  'regionCode',
  'address',
  'sector',
  'industry',
  'aboveScale',
  'aboveQuota',
  'fourAbove',
  'sizeClass',
  'smallVenueType',
  'registeredStaff',
  'contactName',
  'riskLevel',
] as const;

/** Names of the fields that would change; the phone is compared by its keyed hash, never decrypted. */
export function changedFields(stored: EntityRow, next: EntityFields): string[] {
  const out: string[] = COMPARED.filter((k) => (stored[k] ?? null) !== (next[k] ?? null));
  if ((stored.contactPhoneHash ?? null) !== (next.contactPhoneHash ?? null)) out.push('contactPhone');
  return out;
}

/** The columns a summary is made of (what other modules' hot paths read, e.g. every daily report). */
export const SUMMARY_COLUMNS = [
  'id',
  'name',
  'kind',
  'uscc',
  'regionCode',
  'regionPath',
  'sector',
  'industry',
  'aboveScale',
  'aboveQuota',
  'fourAbove',
  'sizeClass',
  'smallVenueType',
  'status',
  'registeredStaff',
  'riskLevel',
] as const satisfies readonly (keyof EntityRow)[];

export function toSummary(r: Pick<EntityRow, (typeof SUMMARY_COLUMNS)[number]>): EntitySummary {
  return {
    id: Number(r.id),
    name: r.name,
    kind: r.kind as EntityKind,
    uscc: r.uscc,
    regionCode: r.regionCode,
    regionPath: r.regionPath,
    sector: r.sector as Sector,
    industry: r.industry,
    aboveScale: !!r.aboveScale,
    aboveQuota: !!r.aboveQuota,
    fourAbove: !!r.fourAbove,
    sizeClass: r.sizeClass as SizeClass | null,
    smallVenueType: r.smallVenueType as SmallVenueType | null,
    status: r.status as EntityStatus,
    registeredStaff: Number(r.registeredStaff),
    riskLevel: r.riskLevel as RiskLevel,
  };
}
