import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { InspectionsPage } from './InspectionsPage';
import { InspectionFormPage } from './InspectionFormPage';
import { NoticePage } from './NoticePage';

const perms = ['enforcement.read', 'enforcement.inspect'];

/** 综合执法: inspections, rectification notices, the tally. */
export const enforcementModule: WebModule = {
  name: 'enforcement',
  routes: [
    { path: 'enforcement/inspections', element: <RequirePermission permission={perms}><InspectionsPage /></RequirePermission> },
    { path: 'enforcement/inspections/new', element: <RequirePermission permission="enforcement.inspect"><InspectionFormPage /></RequirePermission> },
    { path: 'enforcement/notices/:id', element: <RequirePermission permission={perms}><NoticePage /></RequirePermission> },
  ],
  menu: [{ path: 'enforcement/inspections', labelKey: 'enforcement:menu.inspections', icon: <SafetyCertificateOutlined />, permission: perms, group: 'prevention' }],
};
