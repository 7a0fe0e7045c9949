import type { z } from 'zod';
import type { createVisitBodySchema, TimelineItem, Visit } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import type { Tx } from '../../platform/module';
import { requirePermission } from '../../platform/permissions';
import { inPaths, pathsOf } from '../../platform/scope';
import type { PreparedTicket } from '../tickets/tickets.service';
import type { LiaisonDeps } from './liaison-deps';
import { visitRepo as repo } from './visit.repo';

/** Visits logged from a phone, whose problems become tickets in the same step; and the entity's timeline of them. */
export function createVisitsPart({ db, clock, audit, events, registry, tickets }: LiaisonDeps) {
  registry.registerTimelineSource({
    name: 'liaison',
    async load(entityId, ctx) {
      const visits = await repo.ofEntity(db, entityId, 100);
      return visits.map((v): TimelineItem => ({
        at: v.createdAt,
        kind: 'liaison.visit',
        title: t(ctx.locale, 'liaison.timeline.visit', { name: v.liaisonName, mode: t(ctx.locale, `liaison.mode.${v.mode}`) }),
        detail: [(JSON.parse(v.policies) as string[]).join('、'), v.notes].filter(Boolean).join(' · '),
      }));
    },
  });

  return {
    /** A visit from a phone: each problem found becomes a ticket to the category's department at once. */
    async logVisit(ctx: RequestContext, b: z.output<typeof createVisitBodySchema>): Promise<Visit> {
      const actor = requirePermission(ctx.actor, 'liaison.visit');
      const e = await registry.getForService(b.entityId);
      if (!e || !inPaths(pathsOf(actor, 'liaison.visit'), e.regionPath))
        throw invalid([{ field: 'entityId', message: 'liaison.entity_out_of_scope' }]);
      const now = clock.now().toISOString();
      // one transaction for the visit and its tickets; the ticket facts are read first
      const prepared: PreparedTicket[] = [];
      for (const p of b.problems)
        prepared.push(
          await tickets.prepareTicket({
            source: 'liaison_visit',
            categoryId: p.categoryId,
            title: p.title,
            description: p.description,
            entityId: e.id,
            assignNow: true,
          }),
        );
      const result = await db.transaction().execute(async (trx) => {
        const id = await repo.insert(trx, {
          entityId: e.id,
          entityName: e.name,
          regionPath: e.regionPath,
          liaisonUserId: actor.id,
          liaisonName: actor.displayName,
          visitDate: b.visitDate,
          mode: b.mode,
          policies: JSON.stringify(b.policies),
          notes: b.notes ?? null,
          problemCount: b.problems.length,
          createdAt: now,
        });
        const created = [];
        // the tickets are written in this transaction, handed to their module as such
        const tx: Tx = trx;
        for (const [i, p] of prepared.entries())
          created.push(await tickets.createTicket(tx, ctx, { ...p, sourceRef: `visit:${id}#${i}` }));
        await audit.record(trx, ctx, {
          action: 'liaison.visit',
          targetType: 'liaison_visit',
          targetId: id,
          regionPath: e.regionPath,
          detail: { entityId: e.id, problems: b.problems.length },
        });
        return { id, created };
      });
      for (const c of result.created) tickets.announceCreated(c);
      events.publish({ type: 'liaison.visit', regionPath: e.regionPath, data: { visitId: result.id, entityId: e.id } });
      return {
        id: result.id,
        entityId: e.id,
        entityName: e.name,
        liaisonName: actor.displayName,
        visitDate: b.visitDate,
        mode: b.mode,
        policies: b.policies,
        notes: b.notes ?? null,
        problemCount: b.problems.length,
        ticketIds: result.created.map((c) => c.id),
        createdAt: now,
      };
    },
  };
}
