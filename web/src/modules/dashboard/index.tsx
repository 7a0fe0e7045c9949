import { BarChartOutlined, DesktopOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { DashboardScreen } from './DashboardScreen';
import { StatisticsPage } from './StatisticsPage';
import { BriefingPage } from './BriefingPage';

const guard = (el: React.ReactNode) => <RequirePermission permission="dashboard.read">{el}</RequirePermission>;

/** Statistics, the command dashboard 大屏 and the daily briefing. */
export const dashboardModule: WebModule = {
  name: 'dashboard',
  routes: [
    { path: 'dashboard/statistics', element: guard(<StatisticsPage />) },
    { path: 'dashboard/screen', element: guard(<DashboardScreen />) },
    { path: 'dashboard/briefing', element: guard(<BriefingPage />) },
  ],
  menu: [
    {
      path: 'dashboard/screen',
      labelKey: 'dashboard:menu.screen',
      icon: <DesktopOutlined />,
      permission: 'dashboard.read',
      group: 'resumption',
    },
    {
      path: 'dashboard/statistics',
      labelKey: 'dashboard:menu.statistics',
      icon: <BarChartOutlined />,
      permission: 'dashboard.read',
      group: 'resumption',
    },
  ],
};
