import crypto from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import {
  eligibilityRuleSchema,
  measureInputSchema,
  packageInputSchema,
  type Department,
  type EligibilityRule,
  type MeasureInput,
  type PackageDetail,
  type PackageInput,
  type PolicyMeasure,
  type PolicyPackage,
  type PublicMeasure,
} from '@fugong/contract';
import type { z } from 'zod';
import { pathPrefix } from '../../db/sql-helpers';
import type { RequestContext } from '../../platform/context';
import { AppError, conflict } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import { describeConditions } from './eligibility';
import { policiesRepo as repo, type MeasureRow, type PackageRow } from './policies.repo';
import type { PoliciesDeps } from './policies.deps';
import type { Queryable } from '../../platform/module';
import type { PoliciesTables } from './policies.tables';

export const newToken = () => crypto.randomBytes(12).toString('base64url');

export function toMeasure(r: MeasureRow): PolicyMeasure {
  return {
    id: Number(r.id),
    packageId: Number(r.packageId),
    publicToken: r.publicToken,
    seq: Number(r.seq),
    title: r.title,
    kind: r.kind as PolicyMeasure['kind'],
    subsidyType: r.subsidyType as PolicyMeasure['subsidyType'],
    department: r.department as Department,
    currency: r.currency as PolicyMeasure['currency'],
    amountNote: r.amountNote,
    interpretation: r.interpretation,
    guideMaterials: r.guideMaterials,
    guideSteps: r.guideSteps,
    deadline: r.deadline,
    applicationRequired: !!r.applicationRequired,
    eligibility: ruleOf(r),
  };
}
export const ruleOf = (r: MeasureRow): EligibilityRule => eligibilityRuleSchema.parse(JSON.parse(r.eligibility));

function measureRow(m: z.output<typeof measureInputSchema>) {
  return {
    seq: m.seq,
    title: m.title,
    kind: m.kind,
    subsidyType: m.subsidyType,
    department: m.department,
    currency: m.currency,
    amountNote: m.amountNote,
    interpretation: m.interpretation,
    guideMaterials: m.guideMaterials,
    guideSteps: m.guideSteps,
    deadline: m.deadline,
    applicationRequired: m.applicationRequired ? 1 : 0,
    eligibility: JSON.stringify(m.eligibility),
  };
}

/** 政策目录: packages and their measures, versions, publication and the public pages. */
export function createCatalogue(d: PoliciesDeps) {
  const { db, clock, audit, regions } = d;
  const now = () => clock.now().toISOString();

  function mayManage(actor: Actor | null, p: { regionPath: string }) {
    if (!actor?.permissions.has('policies.manage')) return false;
    const s = scopeOf(actor, 'policies.manage');
    return s.all || s.regionPaths.some((x) => p.regionPath.startsWith(x));
  }
  /** Readers see the packages of their area and of the areas above it (a district's package applies to its towns). */
  function readWhere(actor: Actor) {
    const s = scopeOf(actor, 'policies.read');
    if (s.all) return sql<SqlBool>`1 = 1`;
    if (s.regionPaths.length === 0) return sql<SqlBool>`1 = 0`;
    const ors = s.regionPaths.map(
      (p) =>
        sql<SqlBool>`(policy_package.region_path like ${pathPrefix(p)} escape '\\' or ${p} like policy_package.region_path || '%')`,
    );
    return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
  }
  async function readable(ctx: RequestContext, id: number): Promise<{ actor: Actor; row: PackageRow }> {
    const actor = requirePermission(ctx.actor, 'policies.read');
    const row = await db
      .selectFrom('policyPackage')
      .selectAll()
      .where('id', '=', id)
      .where(() => readWhere(actor))
      .executeTakeFirst();
    if (!row) throw new AppError('common.not_found', 404);
    return { actor, row };
  }
  async function manageable(ctx: RequestContext, id: number) {
    const actor = requirePermission(ctx.actor, 'policies.manage');
    const row = await repo.packageById(db, id);
    if (!row || !mayManage(actor, row)) throw new AppError('common.not_found', 404);
    return { actor, row };
  }

  async function toPackages(rows: PackageRow[]): Promise<PolicyPackage[]> {
    const [names, counts] = await Promise.all([
      regions.namesOf(rows.map((r) => r.regionCode)),
      repo.measureCounts(
        db,
        rows.map((r) => Number(r.id)),
      ),
    ]);
    return rows.map((r) => ({
      id: Number(r.id),
      publicToken: r.publicToken,
      title: r.title,
      shortTitle: r.shortTitle,
      issuerLevel: r.issuerLevel as PolicyPackage['issuerLevel'],
      issuer: r.issuer,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? null,
      validFrom: r.validFrom,
      validTo: r.validTo,
      status: r.status as PolicyPackage['status'],
      publishedAt: r.publishedAt,
      version: Number(r.version),
      measureCount: counts.get(Number(r.id)) ?? 0,
    }));
  }

  /** A new version row with the package and its measures as they now stand (inside the writing transaction). */
  async function snapshot(trx: Queryable<PoliciesTables>, ctx: RequestContext, packageId: number) {
    const pkg = (await repo.packageById(trx, packageId))!;
    const measures = await repo.measuresOf(trx, packageId);
    await repo.insertVersion(trx, {
      packageId,
      version: Number(pkg.version),
      status: pkg.status,
      snapshot: JSON.stringify({ package: pkg, measures }),
      createdBy: ctx.actor?.id ?? null,
      createdByName: ctx.actor?.displayName ?? null,
      createdAt: now(),
    });
  }

  /** Moves the package to its next version, conditional on the one the editor read; 409 when someone saved meanwhile. */
  async function bump(trx: Queryable<PoliciesTables>, id: number, version: number, set: Partial<PackageRow> = {}) {
    const ok = await repo.updatePackage(trx, id, version, { ...set, version: version + 1, updatedAt: now() });
    if (!ok) throw conflict('policies.stale_version');
  }

  async function createPackage(ctx: RequestContext, input: PackageInput, measures: MeasureInput[] = []): Promise<{ id: number }> {
    const actor = requirePermission(ctx.actor, 'policies.manage');
    const p = parseInput(packageInputSchema, input, ctx);
    const ms = measures.map((m, i) => parseInput(measureInputSchema, m, ctx, `measures.${i}.`));
    const region = await regions.resolve(p.regionCode);
    if (!mayManage(actor, { regionPath: region.path }))
      throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'policies.out_of_scope' }]);
    return db
      .transaction()
      .execute(async (trx) => {
        const at = now();
        const { id } = await repo.insertPackage(trx, {
          publicToken: newToken(),
          title: p.title,
          shortTitle: p.shortTitle,
          issuerLevel: p.issuerLevel,
          issuer: p.issuer,
          regionCode: region.code,
          regionPath: region.path,
          validFrom: p.validFrom,
          validTo: p.validTo,
          status: 'draft',
          publishedAt: null,
          version: 1,
          createdAt: at,
          updatedAt: at,
        });
        if (ms.length)
          await repo.insertMeasures(
            trx,
            ms.map((m) => ({ ...measureRow(m), packageId: Number(id), publicToken: newToken(), createdAt: at, updatedAt: at })),
          );
        await snapshot(trx, ctx, Number(id));
        await audit.record(trx, ctx, {
          action: 'policies.package_create',
          targetType: 'policy_package',
          targetId: Number(id),
          regionPath: region.path,
          detail: { title: p.title, measures: ms.length },
        });
        return { id: Number(id) };
      })
      .catch(seqTaken);
  }

  function seqTaken(err: unknown): never {
    if (
      /policy_measure_seq_uq|policy_measure\.package_id, policy_measure\.seq|unique/i.test(String((err as Error)?.message)) &&
      !(err instanceof AppError)
    )
      throw new AppError('common.validation_failed', 400, {}, [{ field: 'seq', message: 'policies.seq_taken' }]);
    throw err;
  }

  return {
    createPackage,

    async listPackages(ctx: RequestContext, q: { page: number; pageSize: number; q?: string; status?: string }) {
      const actor = requirePermission(ctx.actor, 'policies.read');
      const query = repo.listPackages(
        db,
        (eb) =>
          eb.and([
            readWhere(actor),
            ...(q.status ? [eb('status', '=', q.status)] : []),
            ...(q.q ? [eb.or([eb('title', 'like', `%${q.q}%`), eb('shortTitle', 'like', `%${q.q}%`)])] : []),
          ]),
        (q.page - 1) * q.pageSize,
        q.pageSize,
      );
      const [{ n }, rows] = await Promise.all([query.count(), query.rows()]);
      return { items: await toPackages(rows), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async getPackage(ctx: RequestContext, id: number): Promise<PackageDetail> {
      const { actor, row } = await readable(ctx, id);
      const [pkg] = await toPackages([row]);
      const measures = (await repo.measuresOf(db, id)).map(toMeasure);
      return { ...pkg!, measures, abilities: { manage: mayManage(actor, row) } };
    },

    async updatePackage(ctx: RequestContext, id: number, input: PackageInput & { version: number }) {
      const { row } = await manageable(ctx, id);
      const p = parseInput(packageInputSchema, input, ctx);
      const region = await regions.resolve(p.regionCode);
      if (!mayManage(ctx.actor, { regionPath: region.path }))
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'regionCode', message: 'policies.out_of_scope' }]);
      await db.transaction().execute(async (trx) => {
        await bump(trx, id, input.version, {
          title: p.title,
          shortTitle: p.shortTitle,
          issuerLevel: p.issuerLevel,
          issuer: p.issuer,
          regionCode: region.code,
          regionPath: region.path,
          validFrom: p.validFrom,
          validTo: p.validTo,
        });
        await snapshot(trx, ctx, id);
        await audit.record(trx, ctx, {
          action: 'policies.package_update',
          targetType: 'policy_package',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
    },

    async setStatus(ctx: RequestContext, id: number, to: 'published' | 'withdrawn', version: number) {
      const { row } = await manageable(ctx, id);
      if (row.status === to) throw conflict('policies.already_' + to);
      if (to === 'published' && Number((await repo.measureCounts(db, [id])).get(id) ?? 0) === 0)
        throw new AppError('policies.no_measures', 409);
      await db.transaction().execute(async (trx) => {
        await bump(trx, id, version, { status: to, ...(to === 'published' ? { publishedAt: now() } : {}) });
        await snapshot(trx, ctx, id);
        await audit.record(trx, ctx, {
          action: `policies.package_${to}`,
          targetType: 'policy_package',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
    },

    async versions(ctx: RequestContext, id: number) {
      await readable(ctx, id);
      return (await repo.versionsOf(db, id)).map((v) => ({
        version: Number(v.version),
        status: v.status as PolicyPackage['status'],
        createdAt: v.createdAt,
        createdByName: v.createdByName,
        measureCount: (JSON.parse(v.snapshot) as { measures: unknown[] }).measures.length,
      }));
    },

    async addMeasure(ctx: RequestContext, packageId: number, input: MeasureInput & { version: number }) {
      const { row } = await manageable(ctx, packageId);
      const m = parseInput(measureInputSchema, input, ctx);
      return db
        .transaction()
        .execute(async (trx) => {
          await bump(trx, packageId, input.version);
          const at = now();
          const [r] = await repo.insertMeasures(trx, [
            { ...measureRow(m), packageId, publicToken: newToken(), createdAt: at, updatedAt: at },
          ]);
          await snapshot(trx, ctx, packageId);
          await audit.record(trx, ctx, {
            action: 'policies.measure_create',
            targetType: 'policy_measure',
            targetId: Number(r!.id),
            regionPath: row.regionPath,
          });
          return { id: Number(r!.id) };
        })
        .catch(seqTaken);
    },

    async updateMeasure(ctx: RequestContext, measureId: number, input: MeasureInput & { version: number }) {
      const current = await repo.measureById(db, measureId);
      if (!current) throw new AppError('common.not_found', 404);
      const { row } = await manageable(ctx, Number(current.packageId));
      const m = parseInput(measureInputSchema, input, ctx);
      await db
        .transaction()
        .execute(async (trx) => {
          await bump(trx, Number(row.id), input.version);
          await repo.updateMeasure(trx, measureId, { ...measureRow(m), updatedAt: now() });
          await snapshot(trx, ctx, Number(row.id));
          await audit.record(trx, ctx, {
            action: 'policies.measure_update',
            targetType: 'policy_measure',
            targetId: measureId,
            regionPath: row.regionPath,
            detail: { eligibility: m.eligibility },
          });
        })
        .catch(seqTaken);
    },

    /** A measure with its package, for a signed-in reader of the package's area. */
    async readableMeasure(ctx: RequestContext, measureId: number) {
      const m = await repo.measureById(db, measureId);
      if (!m) throw new AppError('common.not_found', 404);
      const { actor, row } = await readable(ctx, Number(m.packageId));
      return { actor, measure: m, pkg: row };
    },

    /** The public page of a measure: only while its package is published. */
    async publicMeasure(ctx: RequestContext, token: string): Promise<PublicMeasure> {
      const m = await repo.measureByToken(db, token);
      const pkg = m ? await repo.packageById(db, Number(m.packageId)) : undefined;
      if (!m || !pkg || pkg.status !== 'published') throw new AppError('common.not_found', 404);
      const { eligibility, ...rest } = toMeasure(m);
      return {
        ...rest,
        packageTitle: pkg.title,
        packageShortTitle: pkg.shortTitle,
        packageToken: pkg.publicToken,
        issuer: pkg.issuer,
        validFrom: pkg.validFrom,
        validTo: pkg.validTo,
        version: Number(pkg.version),
        conditions: describeConditions(eligibility, ctx.locale),
      };
    },

    async publicPackage(token: string) {
      const pkg = await repo.packageByToken(db, token);
      if (!pkg || pkg.status !== 'published') throw new AppError('common.not_found', 404);
      const measures = await repo.measuresOf(db, Number(pkg.id));
      return {
        title: pkg.title,
        shortTitle: pkg.shortTitle,
        issuer: pkg.issuer,
        validFrom: pkg.validFrom,
        validTo: pkg.validTo,
        version: Number(pkg.version),
        measures: measures.map((m) => ({
          seq: Number(m.seq),
          title: m.title,
          publicToken: m.publicToken,
          subsidyType: m.subsidyType as PolicyMeasure['subsidyType'],
        })),
      };
    },
  };
}
export type Catalogue = ReturnType<typeof createCatalogue>;
