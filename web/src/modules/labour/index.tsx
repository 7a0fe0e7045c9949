import type { Permission } from '@fugong/contract';
import { SolutionOutlined, TeamOutlined, BarChartOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { PublicFairPage } from './PublicFairPage';
import { MyJobsPage } from './MyJobsPage';
import { PostingsPage } from './PostingsPage';
import { FiguresPage } from './FiguresPage';
import { LabourScreenCard } from './LabourScreenCard';

const staff: Permission[] = ['labour.read', 'labour.review', 'labour.fairs'];

/** 用工: job fairs with their public QR pages, postings and their review, an enterprise's hiring, the figures. */
export const labourModule: WebModule = {
  name: 'labour',
  routes: [
    {
      path: 'labour/my',
      element: (
        <RequirePermission permission="labour.post">
          <MyJobsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'labour/postings',
      element: (
        <RequirePermission permission={staff}>
          <PostingsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'labour/figures',
      element: (
        <RequirePermission permission={staff}>
          <FiguresPage />
        </RequirePermission>
      ),
    },
  ],
  publicRoutes: [{ path: 'labour/fairs/:token', element: <PublicFairPage /> }],
  menu: [
    { path: 'labour/my', labelKey: 'labour:menu.my', icon: <SolutionOutlined />, permission: 'labour.post', group: 'services' },
    { path: 'labour/postings', labelKey: 'labour:menu.postings', icon: <TeamOutlined />, permission: staff, group: 'services' },
    { path: 'labour/figures', labelKey: 'labour:menu.figures', icon: <BarChartOutlined />, permission: staff, group: 'services' },
  ],
  screenCards: [LabourScreenCard],
};
