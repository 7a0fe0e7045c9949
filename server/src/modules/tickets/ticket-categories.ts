import type { z } from 'zod';
import { ticketCategoryBodySchema, ticketCategoryPatchSchema, type Department, type TicketCategory } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { requirePermission } from '../../platform/permissions';
import { ticketsRepo } from './tickets.repo';
import type { TicketRecords, TicketsDeps } from './ticket-records';

const repo = ticketsRepo;

const toCategory = (c: NonNullable<Awaited<ReturnType<typeof repo.category>>>): TicketCategory => ({
  id: Number(c.id),
  code: c.code,
  name: c.name,
  department: c.department as Department,
  slaValue: Number(c.slaValue),
  slaUnit: c.slaUnit as 'hours' | 'days',
  active: !!c.active,
});

/** The ticket categories (问题类别) with their default department and time limit, kept by the district's configurers. */
export function ticketCategories(deps: TicketsDeps, records: TicketRecords) {
  const { db, audit } = deps;
  const { readActor } = records;

  return {
    async categories(ctx: RequestContext, all: boolean): Promise<TicketCategory[]> {
      readActor(ctx);
      return (await repo.categories(db, !all)).map(toCategory);
    },
    async createCategory(ctx: RequestContext, body: z.infer<typeof ticketCategoryBodySchema>): Promise<TicketCategory> {
      requirePermission(ctx.actor, 'tickets.configure');
      const id = await db.transaction().execute(async (trx) => {
        if (await repo.categoryByCode(trx, body.code))
          throw new AppError('tickets.category_taken', 409, { code: body.code }, [
            { field: 'code', message: 'tickets.category_taken' },
          ]);
        const { id } = await repo.insertCategory(trx, { ...body, active: body.active ? 1 : 0 });
        await audit.record(trx, ctx, {
          action: 'tickets.category_create',
          targetType: 'ticket_category',
          targetId: Number(id),
          detail: body,
        });
        return Number(id);
      });
      return toCategory((await repo.category(db, id))!);
    },
    async updateCategory(
      ctx: RequestContext,
      id: number,
      body: z.infer<typeof ticketCategoryPatchSchema>,
    ): Promise<TicketCategory> {
      requirePermission(ctx.actor, 'tickets.configure');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.category(trx, id))) throw new AppError('common.not_found', 404);
        const { active, ...rest } = body;
        await repo.updateCategory(trx, id, { ...rest, ...(active === undefined ? {} : { active: active ? 1 : 0 }) });
        await audit.record(trx, ctx, {
          action: 'tickets.category_update',
          targetType: 'ticket_category',
          targetId: id,
          detail: body,
        });
      });
      return toCategory((await repo.category(db, id))!);
    },
  };
}
