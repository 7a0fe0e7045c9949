import { normaliseIdCard, normalisePhone, type Page, type TransportBatch, type TransportStatus } from '@fugong/contract';
import type { z } from 'zod';
import type { passengerBodySchema, transportBatchBodySchema } from '@fugong/contract';
import { isUniqueViolation } from '../../db/sql-helpers';
import { AppError, badTransition, invalid } from '../../platform/errors';
import { localDate } from '../../platform/clock';
import { maskIdNumber, maskPhone } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { likeAny } from '../../platform/scope';
import { inPaths, labourPaths, LABOUR_DEPT, readPaths, requireAny, requireLabourPaths } from './labour-access';
import { transportRepo, type BatchRow } from './transport.repo';
import type { LabourDeps } from './labour-deps';

const NEXT: Record<string, TransportStatus | undefined> = { planned: 'departed', departed: 'arrived' };

/** 点对点: batches bringing returning workers back from their home province, passengers named, seats never oversold. */
export function createTransportService(deps: LabourDeps) {
  const { db, clock, audit, events, pii, regions, registry, people } = deps;
  const repo = transportRepo;
  const managePaths = (ctx: RequestContext) => requireLabourPaths(ctx.actor, 'labour.transport', LABOUR_DEPT);
  const toBatch = (r: BatchRow): TransportBatch => ({
    id: Number(r.id),
    originProvince: r.originProvince,
    originCity: r.originCity,
    regionCode: r.regionCode,
    employerId: r.employerId == null ? null : Number(r.employerId),
    employerName: r.employerName,
    departOn: r.departOn,
    vehicle: r.vehicle,
    seats: Number(r.seats),
    booked: Number(r.booked),
    status: r.status as TransportStatus,
  });
  async function loadVisible(ctx: RequestContext, id: number) {
    const actor = requireAny(ctx.actor, ['labour.read', 'labour.transport']);
    const r = await repo.byId(db, id);
    const paths = readPaths(actor);
    const manage = labourPaths(actor, 'labour.transport', LABOUR_DEPT);
    if (!r || !(inPaths(paths, r.regionPath) || inPaths(manage, r.regionPath))) throw new AppError('common.not_found', 404);
    return r;
  }

  return {
    async create(ctx: RequestContext, b: z.output<typeof transportBatchBodySchema>): Promise<TransportBatch> {
      const { actor, paths } = managePaths(ctx);
      const region = await regions.resolve(b.regionCode);
      if (!inPaths(paths, region.path)) throw invalid([{ field: 'regionCode', message: 'labour.out_of_scope' }]);
      let employerName: string | null = null;
      if (b.employerId) {
        const e = await registry.getForService(b.employerId);
        if (!e || !inPaths(paths, e.regionPath)) throw invalid([{ field: 'employerId', message: 'labour.unknown_entity' }]);
        employerName = e.name;
      }
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insert(trx, {
          originProvince: b.originProvince,
          originCity: b.originCity,
          regionCode: region.code,
          regionPath: region.path,
          employerId: b.employerId ?? null,
          employerName,
          departOn: b.departOn,
          vehicle: b.vehicle,
          seats: b.seats,
          booked: 0,
          status: 'planned',
          arrivedOn: null,
          createdBy: actor.id,
          createdAt: clock.now().toISOString(),
        });
        await audit.record(trx, ctx, {
          action: 'labour.transport_create',
          targetType: 'transport_batch',
          targetId: id,
          regionPath: region.path,
        });
        return Number(id);
      });
      return toBatch((await repo.byId(db, id))!);
    },

    async list(
      ctx: RequestContext,
      q: { page: number; pageSize: number; regionCode?: string; status?: TransportStatus },
    ): Promise<Page<TransportBatch>> {
      const actor = requireAny(ctx.actor, ['labour.read', 'labour.transport']);
      const paths = readPaths(actor);
      const manage = labourPaths(actor, 'labour.transport', LABOUR_DEPT);
      const path = q.regionCode ? (await regions.resolve(q.regionCode)).path : null;
      const l = repo.list(
        db,
        (eb) =>
          eb.and([
            eb.or([likeAny('transport_batch.region_path', paths), likeAny('transport_batch.region_path', manage)]),
            ...(path ? [likeAny('transport_batch.region_path', [path])] : []),
            ...(q.status ? [eb('transportBatch.status', '=', q.status)] : []),
          ]),
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: rows.map(toBatch), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async get(ctx: RequestContext, id: number) {
      const r = await loadVisible(ctx, id);
      const passengers = await repo.passengers(db, id);
      return {
        ...toBatch(r),
        passengers: passengers.map((p) => ({ ...p, id: Number(p.id), personId: p.personId == null ? null : Number(p.personId) })),
      };
    },

    /** Names a passenger: the seat is taken by a conditional update in the same transaction as the row. */
    async addPassenger(ctx: RequestContext, id: number, b: z.output<typeof passengerBodySchema>) {
      const { paths } = managePaths(ctx);
      const r = await repo.byId(db, id);
      if (!r || !inPaths(paths, r.regionPath)) throw new AppError('common.not_found', 404);
      const idNumber = normaliseIdCard(b.idNumber);
      const phone = normalisePhone(b.phone);
      const personId = await people.idOfNumber(idNumber);
      try {
        await db.transaction().execute(async (trx) => {
          if (!(await repo.takeSeat(trx, id)))
            throw new AppError(r.status === 'planned' ? 'labour.batch_full' : 'labour.batch_left', 409);
          const { id: pid } = await repo.insertPassenger(trx, {
            batchId: id,
            name: b.name,
            idEnc: pii.encrypt(idNumber),
            idHash: pii.hash('id:' + idNumber),
            idMasked: maskIdNumber(idNumber),
            phoneEnc: pii.encrypt(phone),
            phoneMasked: maskPhone(phone),
            personId,
            createdAt: clock.now().toISOString(),
          });
          await audit.record(trx, ctx, {
            action: 'labour.transport_passenger',
            targetType: 'transport_batch',
            targetId: id,
            regionPath: r.regionPath,
            detail: { passengerId: Number(pid) },
          });
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('labour.passenger_twice', 409, {}, [{ field: 'idNumber', message: 'labour.passenger_twice' }]);
        throw err;
      }
      return this.get(ctx, id);
    },

    async advance(ctx: RequestContext, id: number, to: 'departed' | 'arrived') {
      const { paths } = managePaths(ctx);
      const r = await repo.byId(db, id);
      if (!r || !inPaths(paths, r.regionPath)) throw new AppError('common.not_found', 404);
      if (NEXT[r.status] !== to) throw badTransition(r.status, to);
      await db.transaction().execute(async (trx) => {
        if (!(await repo.setStatus(trx, id, r.status, to, to === 'arrived' ? localDate(clock.now()) : null)))
          throw badTransition(r.status, to);
        await audit.record(trx, ctx, {
          action: `labour.transport_${to}`,
          targetType: 'transport_batch',
          targetId: id,
          regionPath: r.regionPath,
        });
      });
      events.publish({ type: `labour.transport_${to}`, regionPath: r.regionPath, data: { batchId: id } });
      return this.get(ctx, id);
    },
  };
}
export type TransportService = ReturnType<typeof createTransportService>;
