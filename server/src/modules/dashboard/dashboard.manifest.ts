import { dashboardPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import { createDashboardService, type DashboardService } from './dashboard.service';
import { dashboardRoutes } from './dashboard.routes';
import { dashboardDemo } from './dashboard.demo';
import { dashboardMessages } from './dashboard.messages';

declare module '../../platform/module' {
  interface ServiceMap {
    dashboard: DashboardService;
  }
}

export const dashboardModule = defineModule<object>()({
  name: 'dashboard',
  tables: [],
  needs: ['regions', 'registryStats', 'dailyReports'],
  provides: ['dashboard'],
  createServices({ core }, d) {
    const dashboard = createDashboardService({
      clock: core.clock,
      regions: d.regions,
      registryStats: d.registryStats,
      dailyReports: d.dailyReports,
    });
    return { dashboard };
  },
  routes: dashboardRoutes,
  messages: [dashboardMessages],
  permissions: Object.keys(dashboardPermissions) as (keyof typeof dashboardPermissions)[],
  demo: dashboardDemo,
});
