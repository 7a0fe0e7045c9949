import type { Permission } from '@fugong/contract';
import { GiftOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { PackagesPage } from './PackagesPage';
import { PackagePage } from './PackagePage';
import { ApplicationsPage } from './ApplicationsPage';
import { LedgerPage } from './LedgerPage';
import { PublicMeasurePage } from './PublicMeasurePage';
import { PublicPackagePage } from './PublicPackagePage';
import { PolicyScreenCard } from './PolicyScreenCard';

const read: Permission = 'policies.read';
const apps: Permission[] = ['policies.read', 'policies.review', 'policies.apply'];

/** 惠企政策: catalogue with QR sheets, 应享尽享 lists, applications and their review, the ledger; public pages per measure. */
export const policiesModule: WebModule = {
  name: 'policies',
  routes: [
    {
      path: 'policies/packages',
      element: (
        <RequirePermission permission={read}>
          <PackagesPage />
        </RequirePermission>
      ),
    },
    {
      path: 'policies/packages/:id',
      element: (
        <RequirePermission permission={read}>
          <PackagePage />
        </RequirePermission>
      ),
    },
    {
      path: 'policies/applications',
      element: (
        <RequirePermission permission={apps}>
          <ApplicationsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'policies/ledger',
      element: (
        <RequirePermission permission={['policies.read', 'policies.apply']}>
          <LedgerPage />
        </RequirePermission>
      ),
    },
  ],
  publicRoutes: [
    { path: 'policies/package/:token', element: <PublicPackagePage /> },
    { path: 'policies/:token', element: <PublicMeasurePage /> },
  ],
  menu: [
    {
      path: 'policies/packages',
      labelKey: 'policies:menu.packages',
      icon: <GiftOutlined />,
      permission: read,
      group: 'services',
    },
    {
      path: 'policies/applications',
      labelKey: 'policies:menu.applications',
      icon: <GiftOutlined />,
      permission: apps,
      group: 'services',
    },
    {
      path: 'policies/ledger',
      labelKey: 'policies:menu.ledger',
      icon: <GiftOutlined />,
      permission: ['policies.read', 'policies.apply'],
      group: 'services',
    },
  ],
  screenCards: [PolicyScreenCard],
};
