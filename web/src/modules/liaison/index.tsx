import { ApartmentOutlined, FormOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { VisitPage } from './VisitPage';
import { CoveragePage } from './CoveragePage';
import { AssignmentsPage } from './AssignmentsPage';
import { TeamsPage } from './TeamsPage';

const officers = ['liaison.read', 'liaison.assign'];

/** 驻企联络员: visit log on a phone, assignment of cadres and teams with history, teams, coverage of a region. */
export const liaisonModule: WebModule = {
  name: 'liaison',
  routes: [
    { path: 'liaison/visit', element: <RequirePermission permission="liaison.visit"><VisitPage /></RequirePermission> },
    { path: 'liaison/coverage', element: <RequirePermission permission={officers}><CoveragePage /></RequirePermission> },
    { path: 'liaison/assignments', element: <RequirePermission permission={officers}><AssignmentsPage /></RequirePermission> },
    { path: 'liaison/teams', element: <RequirePermission permission={officers}><TeamsPage /></RequirePermission> },
  ],
  menu: [
    { path: 'liaison/visit', labelKey: 'liaison:menu.visit', icon: <FormOutlined />, permission: 'liaison.visit', group: 'resumption' },
    { path: 'liaison/assignments', labelKey: 'liaison:menu.assignments', icon: <UserSwitchOutlined />, permission: officers, group: 'resumption' },
    { path: 'liaison/teams', labelKey: 'liaison:menu.teams', icon: <ApartmentOutlined />, permission: officers, group: 'resumption' },
    { path: 'liaison/coverage', labelKey: 'liaison:menu.coverage', icon: <TeamOutlined />, permission: officers, group: 'resumption' },
  ],
};
