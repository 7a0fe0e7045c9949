import { ApartmentOutlined, ControlOutlined, FileSearchOutlined, HomeOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { AssessmentPage } from './AssessmentPage';
import { IsolationListPage } from './IsolationListPage';
import { IsolationDetailPage } from './IsolationDetailPage';
import { NoticePage } from './NoticePage';
import { CheckinPage } from './CheckinPage';
import { SealedBuildingsPage } from './SealedBuildingsPage';
import { ScreeningPage } from './ScreeningPage';
import { RiskRulesPage } from './RiskRulesPage';

/** Health-risk assessment, isolation with notices and check-ins, sealed buildings, grid screening. */
export const isolationModule: WebModule = {
  name: 'isolation',
  routes: [
    {
      path: 'isolation/assess',
      element: (
        <RequirePermission permission="isolation.manage">
          <AssessmentPage />
        </RequirePermission>
      ),
    },
    {
      path: 'isolation/cases',
      element: (
        <RequirePermission permission="isolation.read">
          <IsolationListPage />
        </RequirePermission>
      ),
    },
    {
      path: 'isolation/cases/:id',
      element: (
        <RequirePermission permission="isolation.read">
          <IsolationDetailPage />
        </RequirePermission>
      ),
    },
    {
      path: 'isolation/cases/:id/notice',
      element: (
        <RequirePermission permission="isolation.read">
          <NoticePage />
        </RequirePermission>
      ),
    },
    {
      path: 'isolation/sealed',
      element: (
        <RequirePermission permission="isolation.read">
          <SealedBuildingsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'isolation/rules',
      element: (
        <RequirePermission permission="isolation.configure">
          <RiskRulesPage />
        </RequirePermission>
      ),
    },
    {
      path: 'isolation/screening',
      element: (
        <RequirePermission permission="isolation.screening">
          <ScreeningPage />
        </RequirePermission>
      ),
    },
  ],
  publicRoutes: [{ path: 'checkin/:token', element: <CheckinPage /> }],
  menu: [
    {
      path: 'isolation/assess',
      labelKey: 'isolation:menu.assess',
      icon: <FileSearchOutlined />,
      permission: 'isolation.manage',
      group: 'prevention',
    },
    {
      path: 'isolation/cases',
      labelKey: 'isolation:menu.cases',
      icon: <MedicineBoxOutlined />,
      permission: 'isolation.read',
      group: 'prevention',
    },
    {
      path: 'isolation/sealed',
      labelKey: 'isolation:menu.sealed',
      icon: <HomeOutlined />,
      permission: 'isolation.read',
      group: 'prevention',
    },
    {
      path: 'isolation/screening',
      labelKey: 'isolation:menu.screening',
      icon: <ApartmentOutlined />,
      permission: 'isolation.screening',
      group: 'prevention',
    },
    {
      path: 'isolation/rules',
      labelKey: 'isolation:menu.rules',
      icon: <ControlOutlined />,
      permission: 'isolation.configure',
      group: 'prevention',
    },
  ],
};
