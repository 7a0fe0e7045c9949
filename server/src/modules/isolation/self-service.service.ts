import type { SelfView } from '@fugong/contract';
import type { ModuleDb } from '../../platform/module';
import type { IsolationTables } from './isolation.tables';
import type { Audit } from '../../platform/audit';
import { maskName } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { RegionsService } from '../regions/regions.service';
import type { PeopleService } from '../people/people.service';
import type { PassesService } from '../passes/passes.service';
import type { IsolationService } from './isolation.service';

interface Deps {
  db: ModuleDb<IsolationTables>;
  audit: Audit;
  regions: RegionsService;
  people: PeopleService;
  passes: PassesService;
  isolation: IsolationService;
}

/**
 * A person's own view: after proving the ID number and the phone on record, they see their
 * record, passes, isolation and which officials looked at them — the other side of the audit log.
 */
export function createSelfService({ db, audit, regions, people, passes, isolation }: Deps) {
  return {
    async view(ctx: RequestContext, idNumber: string, phone: string): Promise<SelfView> {
      const p = await people.matchSelf(idNumber, phone);
      if (!p) throw new AppError('people.self_not_found', 404);
      const [names, passList, isolations, accessLog] = await Promise.all([
        regions.namesOf([p.regionCode]),
        passes.passesOfPerson(p.id),
        isolation.isolationsOfPerson(p.id),
        people.accessLogOf(p.id),
      ]);
      await audit.record(db, ctx, { action: 'people.self_view', targetType: 'person', targetId: p.id, regionPath: p.regionPath });
      return {
        person: {
          nameMasked: maskName(p.name),
          idNumberMasked: p.idNumberMasked,
          phoneMasked: p.phoneMasked,
          regionName: names.get(p.regionCode) ?? null,
          category: p.category,
        },
        passes: passList,
        isolations,
        accessLog,
      };
    },
  };
}
export type SelfService = ReturnType<typeof createSelfService>;
