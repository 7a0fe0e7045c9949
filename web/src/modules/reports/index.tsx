import { AuditOutlined, FormOutlined, IssuesCloseOutlined, WarningOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { MyReportsPage } from './MyReportsPage';
import { MissingReportsPage } from './MissingReportsPage';
import { ReviewsPage } from './ReviewsPage';
import { ReportProblemsPage } from './ReportProblemsPage';

/** 一日一报 and 五日一复核. */
export const reportsModule: WebModule = {
  name: 'reports',
  routes: [
    {
      path: 'reports/mine',
      element: (
        <RequirePermission permission="reports.submit">
          <MyReportsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'reports/missing',
      element: (
        <RequirePermission permission="reports.read">
          <MissingReportsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'reports/problems',
      element: (
        <RequirePermission permission="reports.read">
          <ReportProblemsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'reports/reviews',
      element: (
        <RequirePermission permission={['reports.review', 'reports.read']}>
          <ReviewsPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'reports/mine',
      labelKey: 'reports:menu.mine',
      icon: <FormOutlined />,
      permission: 'reports.submit',
      group: 'resumption',
    },
    {
      path: 'reports/missing',
      labelKey: 'reports:menu.missing',
      icon: <WarningOutlined />,
      permission: 'reports.read',
      group: 'resumption',
    },
    {
      path: 'reports/problems',
      labelKey: 'reports:menu.problems',
      icon: <IssuesCloseOutlined />,
      permission: 'reports.read',
      group: 'resumption',
    },
    {
      path: 'reports/reviews',
      labelKey: 'reports:menu.reviews',
      icon: <AuditOutlined />,
      permission: ['reports.review', 'reports.read'],
      group: 'resumption',
    },
  ],
};
