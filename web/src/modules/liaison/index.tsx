import type { Permission } from '@fugong/contract';
import { ApartmentOutlined, FormOutlined, ProfileOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { VisitPage } from './VisitPage';
import { CoveragePage } from './CoveragePage';
import { AssignmentsPage } from './AssignmentsPage';
import { TeamsPage } from './TeamsPage';
import { VisitsPage } from './VisitsPage';

const officers: Permission[] = ['liaison.read', 'liaison.assign'];
// the visit log: officers see their area, a liaison their own visits
const visitReaders: Permission[] = [...officers, 'liaison.visit'];

/** 驻企联络员: visit logging on a phone, the visit log with its export, assignment of cadres and teams with history, teams, coverage of a region. */
export const liaisonModule: WebModule = {
  name: 'liaison',
  routes: [
    {
      path: 'liaison/visit',
      element: (
        <RequirePermission permission="liaison.visit">
          <VisitPage />
        </RequirePermission>
      ),
    },
    {
      path: 'liaison/visits',
      element: (
        <RequirePermission permission={visitReaders}>
          <VisitsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'liaison/coverage',
      element: (
        <RequirePermission permission={officers}>
          <CoveragePage />
        </RequirePermission>
      ),
    },
    {
      path: 'liaison/assignments',
      element: (
        <RequirePermission permission={officers}>
          <AssignmentsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'liaison/teams',
      element: (
        <RequirePermission permission={officers}>
          <TeamsPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'liaison/visit',
      labelKey: 'liaison:menu.visit',
      icon: <FormOutlined />,
      permission: 'liaison.visit',
      group: 'resumption',
    },
    {
      path: 'liaison/visits',
      labelKey: 'liaison:menu.visits',
      icon: <ProfileOutlined />,
      permission: visitReaders,
      group: 'resumption',
    },
    {
      path: 'liaison/assignments',
      labelKey: 'liaison:menu.assignments',
      icon: <UserSwitchOutlined />,
      permission: officers,
      group: 'resumption',
    },
    {
      path: 'liaison/teams',
      labelKey: 'liaison:menu.teams',
      icon: <ApartmentOutlined />,
      permission: officers,
      group: 'resumption',
    },
    {
      path: 'liaison/coverage',
      labelKey: 'liaison:menu.coverage',
      icon: <TeamOutlined />,
      permission: officers,
      group: 'resumption',
    },
  ],
};
