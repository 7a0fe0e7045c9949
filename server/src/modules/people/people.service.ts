import type { Permission } from '@fugong/contract';
import type { Selectable } from 'kysely';
import type {
  Page,
  Person,
  PersonAccess,
  PersonCategory,
  PersonInput,
  PersonListQuery,
  PersonUpdate,
  IdType,
} from '@fugong/contract';
import { isValidIdCard, normaliseIdCard } from '@fugong/contract';
import type { Dialect } from '../../db/database';
import { localDate, type Clock } from '../../platform/clock';
import { auditTrail, type Audit } from '../../platform/audit';
import { maskIdNumber, maskPhone, type Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { can, inRegionScope, requireInScope, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { RegionsService } from '../regions/regions.service';
import { peopleRepo, type PersonFilter } from './people.repo';
import { peopleExport } from './people-export';
import type { PersonSummary } from './person-summary';
import type { PeopleTables, PersonTable } from './people.tables';
import type { ModuleDb } from '../../platform/module';

// other modules take it from here; it lives apart so that people-export.ts need not import this file
export type { PersonSummary };

/** The employer check: the registry's service when it is present, else none. */
export interface EmployerLookup {
  getForService(entityId: number): Promise<unknown | null>;
}

interface Deps {
  db: ModuleDb<PeopleTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  pii: Pii;
  regions: RegionsService;
  employers: EmployerLookup | null;
}

type Row = Selectable<PersonTable>;
const MAX_EXPORT_ROWS = 50_000;
/** A search text that is a whole document number: looked up by its keyed hash, never stored or logged. */
const isIdNumberQuery = (q: string | undefined): q is string => !!q && /^[0-9A-Za-z]{15,18}$/.test(q) && /\d{6}/.test(q);

function summary(r: Row): PersonSummary {
  return {
    id: r.id,
    name: r.name,
    idNumberMasked: r.idNumberMasked,
    phoneMasked: r.phoneMasked,
    regionCode: r.regionCode,
    regionPath: r.regionPath,
    address: r.address,
    category: r.category as PersonCategory,
    employerEntityId: r.employerEntityId,
  };
}

/** A person is found by the keyed hash of the normalised number: the same number always hashes the same. */
export function idNumberKey(idNumber: string): string {
  return normaliseIdCard(idNumber);
}

export function createPeopleService(deps: Deps) {
  const { db, clock, audit, pii, regions, employers } = deps;
  const repo = peopleRepo(deps.dialect);
  const hashId = (n: string) => pii.hash('id:' + idNumberKey(n));
  const hashPhone = (p: string) => pii.hash('phone:' + p);

  async function toPeople(actor: Actor, rows: Row[]): Promise<Person[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode));
    const manage = scopeOf(actor, 'people.manage');
    const reveal = scopeOf(actor, 'people.reveal');
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      idType: r.idType as IdType,
      idNumberMasked: r.idNumberMasked,
      phoneMasked: r.phoneMasked,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      address: r.address,
      category: r.category as PersonCategory,
      employerEntityId: r.employerEntityId,
      createdAt: r.createdAt,
      abilities: {
        update: can(actor, 'people.manage') && inRegionScope(manage, r.regionPath),
        reveal: can(actor, 'people.reveal') && inRegionScope(reveal, r.regionPath),
      },
    }));
  }

  async function placeIn(actor: Actor, perm: Permission, regionCode: string) {
    const region = await regions.resolve(regionCode, 'regionCode');
    if (!inRegionScope(scopeOf(actor, perm), region.path)) {
      throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'people.region_out_of_scope' }]);
    }
    return region;
  }

  async function checkEmployer(entityId: number | null | undefined) {
    if (!entityId || !employers) return;
    if (!(await employers.getForService(entityId))) {
      throw new AppError('common.validation_failed', 400, {}, [
        { field: 'employerEntityId', message: 'people.unknown_employer' },
      ]);
    }
  }

  function phoneColumns(phone: string | null | undefined) {
    if (!phone) return { phoneEnc: null, phoneHash: null, phoneMasked: null };
    return { phoneEnc: pii.encrypt(phone), phoneHash: hashPhone(phone), phoneMasked: maskPhone(phone) };
  }

  async function loadInScope(actor: Actor, perm: Permission, id: number): Promise<Row> {
    const row = await repo.byId(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    requireInScope(scopeOf(actor, perm), row.regionPath);
    return row;
  }

  async function listFilter(q: Omit<PersonListQuery, 'page' | 'pageSize'>): Promise<{ f: PersonFilter; byNumber: boolean }> {
    const byNumber = isIdNumberQuery(q.q);
    const under = q.regionCode ? (await regions.resolve(q.regionCode)).path : undefined;
    return {
      f: {
        idHash: byNumber ? hashId(q.q!) : undefined,
        nameLike: byNumber ? undefined : q.q,
        category: q.category,
        underPath: under,
        employerEntityId: q.employerEntityId,
      },
      byNumber,
    };
  }

  /** A search by document number is a look-up of that person: logged like opening the record. */
  async function auditLookups(ctx: RequestContext, rows: Row[]) {
    if (!rows.length) return;
    await db.transaction().execute(async (trx) => {
      for (const r of rows)
        await audit.record(trx, ctx, { action: 'people.lookup', targetType: 'person', targetId: r.id, regionPath: r.regionPath });
    });
  }

  return {
    async create(ctx: RequestContext, input: PersonInput): Promise<number> {
      const actor = requirePermission(ctx.actor, 'people.manage');
      if (input.idType === 'id_card' && !isValidIdCard(input.idNumber, localDate(clock.now()))) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'idNumber', message: 'validation.id_card' }]);
      }
      const region = await placeIn(actor, 'people.manage', input.regionCode);
      await checkEmployer(input.employerEntityId);
      const idHash = hashId(input.idNumber);
      const duplicate = async () => {
        const existing = await repo.byIdHash(db, idHash);
        if (existing && inRegionScope(scopeOf(actor, 'people.read'), existing.regionPath))
          return new AppError('people.duplicate', 409, { id: existing.id });
        return new AppError('people.duplicate_elsewhere', 409);
      };
      const now = clock.now().toISOString();
      try {
        return await db.transaction().execute(async (trx) => {
          if (await repo.idByHash(trx, idHash)) throw new Error('unique: person id number');
          const { id } = await repo.insert(trx, {
            name: input.name,
            idType: input.idType,
            idNumberEnc: pii.encrypt(input.idNumber),
            idNumberHash: idHash,
            idNumberMasked: maskIdNumber(input.idNumber),
            ...phoneColumns(input.phone),
            regionCode: region.code,
            regionPath: region.path,
            address: input.address ?? null,
            category: input.category,
            employerEntityId: input.employerEntityId ?? null,
            createdAt: now,
            createdBy: actor.id,
            updatedAt: now,
          });
          await audit.record(trx, ctx, {
            action: 'people.create',
            targetType: 'person',
            targetId: Number(id),
            regionPath: region.path,
            detail: { category: input.category },
          });
          return Number(id);
        });
      } catch (err) {
        if (err instanceof AppError) throw err;
        // the unique hash settles two registrations of one number at the same moment; the look-up
        // that names the existing record runs after the transaction has let go of the connection
        if (/unique|duplicate/i.test(String((err as Error).message))) throw await duplicate();
        throw err;
      }
    },

    async list(ctx: RequestContext, q: PersonListQuery): Promise<Page<Person>> {
      const actor = requirePermission(ctx.actor, 'people.read');
      const { f, byNumber } = await listFilter(q);
      const { total, rows } = await repo.page(db, scopeOf(actor, 'people.read'), f, (q.page - 1) * q.pageSize, q.pageSize);
      if (byNumber) await auditLookups(ctx, rows);
      return { items: await toPeople(actor, rows), total, page: q.page, pageSize: q.pageSize };
    },

    /** The list with the same filters as .xlsx; ID numbers and phones masked; the export is audited. */
    async exportXlsx(ctx: RequestContext, q: Omit<PersonListQuery, 'page' | 'pageSize'>): Promise<Buffer> {
      const actor = requirePermission(ctx.actor, 'people.read');
      const { f, byNumber } = await listFilter(q);
      const rows = await repo.list(db, scopeOf(actor, 'people.read'), f, MAX_EXPORT_ROWS);
      if (byNumber) await auditLookups(ctx, rows);
      // the filter is logged without a searched document number
      const filter = { ...q, q: byNumber ? '[id number]' : q.q };
      await audit.record(db, ctx, { action: 'people.export', targetType: 'person', detail: { filter, rows: rows.length } });
      const names = await regions.namesOf(rows.map((r) => r.regionCode));
      return peopleExport(
        ctx.locale,
        rows.map((r) => ({ ...summary(r), createdAt: r.createdAt })),
        names,
      );
    },

    async get(ctx: RequestContext, id: number): Promise<Person> {
      const actor = requirePermission(ctx.actor, 'people.read');
      const row = await loadInScope(actor, 'people.read', id);
      await audit.record(db, ctx, { action: 'people.view', targetType: 'person', targetId: id, regionPath: row.regionPath });
      return (await toPeople(actor, [row]))[0]!;
    },

    async update(ctx: RequestContext, id: number, patch: PersonUpdate): Promise<void> {
      const actor = requirePermission(ctx.actor, 'people.manage');
      const row = await loadInScope(actor, 'people.manage', id);
      const region = patch.regionCode ? await placeIn(actor, 'people.manage', patch.regionCode) : null;
      await checkEmployer(patch.employerEntityId);
      await db.transaction().execute(async (trx) => {
        await repo.update(trx, id, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.phone !== undefined ? phoneColumns(patch.phone) : {}),
          ...(region ? { regionCode: region.code, regionPath: region.path } : {}),
          ...(patch.address !== undefined ? { address: patch.address } : {}),
          ...(patch.category ? { category: patch.category } : {}),
          ...(patch.employerEntityId !== undefined ? { employerEntityId: patch.employerEntityId } : {}),
          updatedAt: clock.now().toISOString(),
        });
        // field names only: the audit log must not become a second copy of the personal data
        await audit.record(trx, ctx, {
          action: 'people.update',
          targetType: 'person',
          targetId: id,
          regionPath: region?.path ?? row.regionPath,
          detail: { fields: Object.keys(patch) },
        });
      });
    },

    async reveal(ctx: RequestContext, id: number, field: 'idNumber' | 'phone', reason: string): Promise<string | null> {
      const actor = requirePermission(ctx.actor, 'people.reveal');
      const row = await loadInScope(actor, 'people.reveal', id);
      const stored = field === 'idNumber' ? row.idNumberEnc : row.phoneEnc;
      await audit.record(db, ctx, {
        action: 'people.reveal',
        targetType: 'person',
        targetId: id,
        regionPath: row.regionPath,
        detail: { field, reason },
      });
      return stored ? pii.decrypt(stored) : null;
    },

    async accessLog(ctx: RequestContext, id: number): Promise<PersonAccess[]> {
      const actor = requirePermission(ctx.actor, 'people.read');
      await loadInScope(actor, 'people.read', id);
      return auditTrail(db, { type: 'person', id }, 200);
    },

    // ---- for other modules (no HTTP): each names the permission the caller is exercising ----

    /** The person if the actor may act on them under `perm`; 404 otherwise, as for the record itself. */
    async requireForService(ctx: RequestContext, perm: Permission, id: number): Promise<PersonSummary> {
      const actor = requirePermission(ctx.actor, perm);
      return summary(await loadInScope(actor, perm, id));
    },
    /** The staff of one employer that the actor may act on under `perm`. */
    async employerStaff(ctx: RequestContext, perm: Permission, entityId: number): Promise<PersonSummary[]> {
      const actor = requirePermission(ctx.actor, perm);
      return (await repo.byEmployer(db, scopeOf(actor, perm), entityId)).map(summary);
    },
    async summaries(ids: number[]): Promise<Map<number, PersonSummary>> {
      return new Map((await repo.byIds(db, [...new Set(ids)])).map((r) => [r.id, summary(r)]));
    },
    /** Exact look-up of a document number through its keyed hash. */
    async idOfNumber(idNumber: string): Promise<number | null> {
      return (await repo.idByHash(db, hashId(idNumber)))?.id ?? null;
    },
    /** The self-service proof: the number and the phone on record must both match. */
    async matchSelf(idNumber: string, phone: string): Promise<PersonSummary | null> {
      const row = await repo.byIdHash(db, hashId(idNumber));
      if (!row || !row.phoneHash || row.phoneHash !== hashPhone(phone)) return null;
      return summary(row);
    },
    accessLogOf(personId: number): Promise<PersonAccess[]> {
      return auditTrail(db, { type: 'person', id: personId }, 200);
    },
  };
}
export type PeopleService = ReturnType<typeof createPeopleService>;
