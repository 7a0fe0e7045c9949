import { peoplePermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { PeopleTables } from './people.tables';
import * as m0700 from '../../db/migrations/0700_people';
import { createPeopleService, type PeopleService } from './people.service';
import { peopleRoutes } from './people.routes';
import { peopleMessages } from './people.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    people: PeopleService;
  }
}

export const peopleModule = defineModule<PeopleTables>()({
  name: 'people',
  tables: ['person'],
  migrations: { '0700_people': m0700 },
  needs: ['regions', 'registry'],
  provides: ['people'],
  createServices({ core, db }, d) {
    const people = createPeopleService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      pii: core.pii,
      regions: d.regions,
      employers: d.registry,
    });
    return { people };
  },
  routes: peopleRoutes,
  messages: [peopleMessages],
  permissions: Object.keys(peoplePermissions) as (keyof typeof peoplePermissions)[],
});
