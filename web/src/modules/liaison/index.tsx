import { TeamOutlined, FormOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { VisitPage } from './VisitPage';
import { CoveragePage } from './CoveragePage';

/** 驻企联络员: visit log on a phone, coverage of a region. */
export const liaisonModule: WebModule = {
  name: 'liaison',
  routes: [
    { path: 'liaison/visit', element: <RequirePermission permission="liaison.visit"><VisitPage /></RequirePermission> },
    { path: 'liaison/coverage', element: <RequirePermission permission={['liaison.read', 'liaison.assign']}><CoveragePage /></RequirePermission> },
  ],
  menu: [
    { path: 'liaison/visit', labelKey: 'liaison:menu.visit', icon: <FormOutlined />, permission: 'liaison.visit', group: 'resumption' },
    { path: 'liaison/coverage', labelKey: 'liaison:menu.coverage', icon: <TeamOutlined />, permission: ['liaison.read', 'liaison.assign'], group: 'resumption' },
  ],
};
