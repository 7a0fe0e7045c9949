import type { z } from 'zod';
import {
  institutionBodySchema,
  institutionListQuerySchema,
  productBodySchema,
  whitelistBodySchema,
  whitelistQuerySchema,
  type FinanceProduct,
  type Institution,
  type InstitutionDetail,
  type Page,
  type WhitelistEntry,
} from '@fugong/contract';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { RequestContext } from '../../platform/context';
import { AppError, invalid } from '../../platform/errors';
import { requirePermission } from '../../platform/permissions';
import { usersWith } from '../../platform/grants';
import { containsLiteral, isUniqueViolation, pathPrefix } from '../../db/sql-helpers';
import { inPaths, likeAny } from '../../platform/scope';
import { centrePaths } from './finance-access';
import { financeRepo as repo, type InstitutionRow } from './finance.repo';
import { financeAdminRepo as admin } from './finance-admin.repo';
import type { FinanceDeps, FinanceRequests } from './finance.service';

type Out<S extends z.ZodTypeAny> = z.output<S>;
const all = () => sql<SqlBool>`1 = 1`;

/** Institutions and their officers, the white list, fast-track products, rollovers and meetings. */
export function createFinanceAdmin(deps: FinanceDeps, requests: Pick<FinanceRequests, 'viewer'>) {
  const { db, clock, audit, regions, registry } = deps;
  const now = () => clock.now().toISOString();

  /** The centre's area for a write or a list; 403 for anyone else. */
  function centre(ctx: RequestContext): string[] | 'all' {
    const actor = requirePermission(ctx.actor, 'finance.manage');
    const paths = centrePaths(actor);
    if (paths !== 'all' && paths.length === 0) throw new AppError('common.forbidden', 403);
    return paths;
  }
  function requireIn(paths: string[] | 'all', path: string, field: string) {
    if (!inPaths(paths, path)) throw invalid([{ field, message: 'finance.out_of_area' }]);
  }

  async function toInstitutions(rows: InstitutionRow[]): Promise<Institution[]> {
    const ids = rows.map((r) => Number(r.id));
    const [counts, names] = await Promise.all([repo.officerCounts(db, ids), regions.namesOf(rows.map((r) => r.regionCode))]);
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      kind: r.kind as Institution['kind'],
      branch: r.branch,
      contactName: r.contactName,
      contactPhone: r.contactPhone,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      active: !!r.active,
      officers: counts.get(Number(r.id)) ?? 0,
    }));
  }

  async function institutionDetail(row: InstitutionRow): Promise<InstitutionDetail> {
    const [inst] = await toInstitutions([row]);
    const ids = (await repo.officersOf(db, Number(row.id))).map((o) => Number(o.userId));
    const users = await usersWith(db, { role: 'bank', ids, includeDisabled: true });
    const seen = new Set<number>();
    const officerList = users
      .filter((u) => !seen.has(u.id) && seen.add(u.id))
      .map((u) => ({ userId: u.id, username: u.username, displayName: u.displayName }));
    return { ...inst!, officerList };
  }

  async function institutionFor(ctx: RequestContext, id: number): Promise<InstitutionRow> {
    const row = await repo.institution(db, id);
    if (!row) throw new AppError('common.not_found', 404);
    const v = await requests.viewer(ctx);
    if (v.institutionId === id) return row;
    if (!inPaths(v.centre, row.regionPath)) throw new AppError('common.not_found', 404);
    return row;
  }

  return {
    async institutions(ctx: RequestContext, q: Out<typeof institutionListQuerySchema>): Promise<Page<Institution>> {
      // names, kinds and contacts of lenders are what every party of the platform picks from
      await requests.viewer(ctx);
      const region = q.regionCode ? await regions.resolve(q.regionCode) : null;
      const serving = q.entityId ? ((await registry.getForService(q.entityId))?.regionPath ?? '-') : null;
      const list = repo.institutionList(db, (eb) => {
        const ands: Expression<SqlBool>[] = [all()];
        if (serving) ands.push(sql<SqlBool>`(active = 1 and ${serving} like region_path || '%')`);
        if (region)
          ands.push(
            sql<SqlBool>`(region_path like ${pathPrefix(region.path)} escape '\\' or ${region.path} like region_path || '%')`,
          );
        if (q.kind) ands.push(sql<SqlBool>`kind = ${q.kind}`);
        if (q.q) ands.push(sql<SqlBool>`(${containsLiteral('name', q.q)} or ${containsLiteral('branch', q.q)})`);
        return eb.and(ands);
      });
      const [{ n }, rows] = await Promise.all([list.count(), list.rows((q.page - 1) * q.pageSize, q.pageSize)]);
      return { items: await toInstitutions(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },
    institution: async (ctx: RequestContext, id: number) => institutionDetail(await institutionFor(ctx, id)),

    async saveInstitution(
      ctx: RequestContext,
      id: number | null,
      b: Out<typeof institutionBodySchema>,
    ): Promise<InstitutionDetail> {
      const paths = centre(ctx);
      const region = await regions.resolve(b.regionCode);
      requireIn(paths, region.path, 'regionCode');
      if (id !== null) await institutionFor(ctx, id);
      const at = now();
      const row = { ...b, active: b.active ? 1 : 0, regionCode: region.code, regionPath: region.path, updatedAt: at };
      const saved = await db.transaction().execute(async (trx) => {
        const iid = id ?? Number((await repo.insertInstitution(trx, { ...row, createdAt: at })).id);
        if (id !== null) await repo.updateInstitution(trx, id, row);
        await audit.record(trx, ctx, {
          action: id === null ? 'finance.institution.create' : 'finance.institution.update',
          targetType: 'finance_institution',
          targetId: iid,
          regionPath: region.path,
          detail: { name: b.name, kind: b.kind },
        });
        return iid;
      });
      return institutionDetail((await repo.institution(db, saved))!);
    },

    async setOfficer(ctx: RequestContext, id: number, userId: number, add: boolean): Promise<InstitutionDetail> {
      centre(ctx);
      const row = await institutionFor(ctx, id);
      if (add && (await usersWith(db, { role: 'bank', ids: [userId] })).length === 0)
        throw invalid([{ field: 'userId', message: 'finance.not_bank_user' }]);
      await db.transaction().execute(async (trx) => {
        if (add) await repo.putOfficer(trx, userId, id, now());
        else if (!(await repo.removeOfficer(trx, userId, id))) throw new AppError('common.not_found', 404);
        await audit.record(trx, ctx, {
          action: add ? 'finance.officer.add' : 'finance.officer.remove',
          targetType: 'finance_institution',
          targetId: id,
          regionPath: row.regionPath,
          detail: { userId },
        });
      });
      return institutionDetail(row);
    },

    async officerCandidates(ctx: RequestContext, search?: string) {
      centre(ctx);
      const users = await usersWith(db, { role: 'bank', search, limit: 20 });
      return [...new Map(users.map((u) => [u.id, { userId: u.id, username: u.username, displayName: u.displayName }])).values()];
    },

    async myInstitution(ctx: RequestContext) {
      requirePermission(ctx.actor, 'finance.answer');
      const o = await repo.officer(db, ctx.actor!.id);
      const row = o ? await repo.institution(db, Number(o.institutionId)) : undefined;
      return { institution: row ? (await toInstitutions([row]))[0]! : null };
    },

    // ---- white list ----
    async whitelist(ctx: RequestContext, q: Out<typeof whitelistQuerySchema>) {
      const paths = centre(ctx);
      const current = await admin.currentWhitelistVersion(db);
      const version = q.version ?? current;
      const list = admin.whitelist(db, (eb) => {
        const ands: Expression<SqlBool>[] = [likeAny('region_path', paths), sql<SqlBool>`added_version <= ${version}`];
        ands.push(sql<SqlBool>`(removed_version is null or removed_version > ${version})`);
        if (q.q) ands.push(containsLiteral('entity_name', q.q));
        return eb.and(ands);
      });
      const [total, rows] = await Promise.all([list.count(), list.rows((q.page - 1) * q.pageSize, q.pageSize)]);
      return { items: rows.map(toEntry), total, page: q.page, pageSize: q.pageSize, version };
    },

    async addToWhitelist(ctx: RequestContext, b: Out<typeof whitelistBodySchema>): Promise<WhitelistEntry> {
      const paths = centre(ctx);
      const e = await registry.getForService(b.entityId);
      if (!e || !inPaths(paths, e.regionPath)) throw invalid([{ field: 'entityId', message: 'finance.unknown_entity' }]);
      if (await repo.isWhitelisted(db, e.id)) throw new AppError('finance.already_listed', 409);
      const id = await whitelistChange(ctx, `add ${e.id}`, async (trx, version) => {
        const { id } = await admin.insertWhitelist(trx, {
          entityId: e.id,
          entityName: e.name,
          regionCode: e.regionCode,
          regionPath: e.regionPath,
          criterion: b.criterion,
          reason: b.reason,
          addedVersion: version,
          addedAt: now(),
          removedVersion: null,
          removedReason: null,
        });
        await audit.record(trx, ctx, {
          action: 'finance.whitelist.add',
          targetType: 'entity',
          targetId: e.id,
          regionPath: e.regionPath,
          detail: { criterion: b.criterion, version },
        });
        return Number(id);
      });
      return toEntry((await admin.whitelistEntry(db, id))!);
    },

    async removeFromWhitelist(ctx: RequestContext, id: number, reason: string): Promise<WhitelistEntry> {
      const paths = centre(ctx);
      const row = await admin.whitelistEntry(db, id);
      if (!row || !inPaths(paths, row.regionPath)) throw new AppError('common.not_found', 404);
      await whitelistChange(ctx, `remove ${row.entityId}`, async (trx, version) => {
        if (!(await admin.removeWhitelist(trx, id, version, reason))) throw new AppError('finance.whitelist_removed', 409);
        await audit.record(trx, ctx, {
          action: 'finance.whitelist.remove',
          targetType: 'entity',
          targetId: Number(row.entityId),
          regionPath: row.regionPath,
          detail: { reason, version },
        });
        return id;
      });
      return toEntry((await admin.whitelistEntry(db, id))!);
    },

    // ---- fast-track products ----
    async products(ctx: RequestContext): Promise<FinanceProduct[]> {
      const v = await requests.viewer(ctx);
      const rows = await admin.products(
        db,
        v.centre !== 'all' && v.centre.length === 0 ? (v.institutionId ? [v.institutionId] : []) : 'all',
      );
      const insts = new Map(
        (
          await repo.institutionsByIds(
            db,
            rows.map((r) => Number(r.institutionId)),
          )
        ).map((i) => [Number(i.id), i]),
      );
      return rows
        .filter(
          (r) => v.institutionId === Number(r.institutionId) || inPaths(v.centre, insts.get(Number(r.institutionId))?.regionPath),
        )
        .map((r) => ({
          id: Number(r.id),
          institutionId: Number(r.institutionId),
          institutionName: insts.get(Number(r.institutionId))?.name ?? '',
          name: r.name,
          quotaFen: Number(r.quotaFen),
          usedFen: Number(r.usedFen),
          targetHours: Number(r.targetHours),
        }));
    },
    async createProduct(ctx: RequestContext, b: Out<typeof productBodySchema>) {
      const paths = centre(ctx);
      const inst = await repo.institution(db, b.institutionId);
      if (!inst || !inPaths(paths, inst.regionPath))
        throw invalid([{ field: 'institutionId', message: 'finance.unknown_institution' }]);
      await db.transaction().execute(async (trx) => {
        const { id } = await admin.insertProduct(trx, { ...b, usedFen: 0, createdAt: now() });
        await audit.record(trx, ctx, {
          action: 'finance.product.create',
          targetType: 'finance_product',
          targetId: Number(id),
          regionPath: inst.regionPath,
          detail: { quotaFen: b.quotaFen },
        });
      });
      return (await this.products(ctx)).find((p) => p.institutionId === b.institutionId && p.name === b.name)!;
    },
  };

  /** One white-list change = one new version; a concurrent change that took the same number gets 409. */
  async function whitelistChange<T>(
    ctx: RequestContext,
    change: string,
    write: (trx: typeof db extends infer D ? D : never, version: number) => Promise<T>,
  ) {
    try {
      return await db.transaction().execute(async (trx) => {
        const version = (await admin.currentWhitelistVersion(trx)) + 1;
        await admin.insertWhitelistVersion(trx, { version, changedAt: now(), changedBy: ctx.actor?.id ?? null, change });
        return write(trx as never, version);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('finance.whitelist_conflict', 409);
      throw err;
    }
  }

  function toEntry(r: NonNullable<Awaited<ReturnType<typeof admin.whitelistEntry>>>): WhitelistEntry {
    return {
      id: Number(r.id),
      entityId: Number(r.entityId),
      entityName: r.entityName,
      regionCode: r.regionCode,
      criterion: r.criterion as WhitelistEntry['criterion'],
      reason: r.reason,
      addedVersion: Number(r.addedVersion),
      addedAt: r.addedAt,
      removedVersion: r.removedVersion == null ? null : Number(r.removedVersion),
      removedReason: r.removedReason,
    };
  }
}
export type FinanceAdmin = ReturnType<typeof createFinanceAdmin>;
