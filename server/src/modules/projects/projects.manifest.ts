import { projectsPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { ProjectsTables } from './projects.tables';
import * as m1200 from './migrations/1200_projects';
import { createProjectsService, type ProjectsService } from './projects.service';
import { projectsRoutes } from './projects.routes';
import { projectsDemo } from './projects.demo';
import { projectsMessages } from './projects.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    projects: ProjectsService;
  }
}

export const projectsModule = defineModule<ProjectsTables>()({
  name: 'projects',
  tables: ['keyProject', 'keyProjectStatus', 'keyProjectPlan', 'projectApproval', 'approvalDocument'],
  migrations: { '1200_projects': m1200 },
  needs: ['regions', 'registry'],
  provides: ['projects'],
  createServices({ core, db }, d) {
    const projects = createProjectsService({
      db,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      regions: d.regions,
      registry: d.registry,
    });
    return { projects };
  },
  routes: projectsRoutes,
  messages: [projectsMessages],
  permissions: Object.keys(projectsPermissions) as (keyof typeof projectsPermissions)[],
  events: { 'projects.*': 'projects.read' },
  demo: projectsDemo,
});
