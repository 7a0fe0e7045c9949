import type { Permission } from '@fugong/contract';
import {
  FileDoneOutlined,
  InboxOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { MyFilingPage } from './MyFilingPage';
import { FilingWizardPage } from './FilingWizardPage';
import { FilingDetailPage } from './FilingDetailPage';
import { FilingsListPage } from './FilingsListPage';
import { StaffPage } from './StaffPage';
import { QuizPage } from './QuizPage';
import { FilingConfigPage } from './FilingConfigPage';

const guard = (permission: Permission | Permission[], page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/** 复工备案: the enterprise's filing and staff readiness, the reviewers' inbox, on-site review, configuration. */
export const filingsModule: WebModule = {
  name: 'filings',
  routes: [
    { path: 'filings/mine', element: guard('filings.submit', <MyFilingPage />) },
    { path: 'filings/staff', element: guard('filings.submit', <StaffPage />) },
    { path: 'filings/inbox', element: guard('filings.review', <FilingsListPage key="review" inbox="review" />) },
    { path: 'filings/onsite', element: guard('filings.onsite', <FilingsListPage key="onsite" inbox="onsite" />) },
    { path: 'filings/list', element: guard('filings.read', <FilingsListPage key="all" />) },
    { path: 'filings/config', element: guard('filings.configure', <FilingConfigPage />) },
    { path: 'filings/:id/edit', element: guard('filings.submit', <FilingWizardPage />) },
    { path: 'filings/:id', element: guard(['filings.read', 'filings.submit'], <FilingDetailPage />) },
  ],
  publicRoutes: [{ path: 'filings/quiz/:token', element: <QuizPage /> }],
  menu: [
    {
      path: 'filings/mine',
      labelKey: 'filings:menu.mine',
      icon: <FileDoneOutlined />,
      permission: 'filings.submit',
      group: 'resumption',
    },
    {
      path: 'filings/staff',
      labelKey: 'filings:menu.staff',
      icon: <TeamOutlined />,
      permission: 'filings.submit',
      group: 'resumption',
    },
    {
      path: 'filings/inbox',
      labelKey: 'filings:menu.inbox',
      icon: <InboxOutlined />,
      permission: 'filings.review',
      group: 'resumption',
    },
    {
      path: 'filings/onsite',
      labelKey: 'filings:menu.onsite',
      icon: <SafetyCertificateOutlined />,
      permission: 'filings.onsite',
      group: 'resumption',
    },
    {
      path: 'filings/list',
      labelKey: 'filings:menu.list',
      icon: <UnorderedListOutlined />,
      permission: 'filings.read',
      group: 'resumption',
    },
    {
      path: 'filings/config',
      labelKey: 'filings:menu.config',
      icon: <SettingOutlined />,
      permission: 'filings.configure',
      group: 'system',
    },
  ],
};
