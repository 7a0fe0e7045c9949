import type { Permission } from '@fugong/contract';
import {
  AuditOutlined,
  BarChartOutlined,
  FileExclamationOutlined,
  FlagOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { InspectionsPage } from './InspectionsPage';
import { InspectionFormPage } from './InspectionFormPage';
import { NoticePage } from './NoticePage';
import { NoticesPage } from './NoticesPage';
import { ClosuresPage } from './ClosuresPage';
import { RoundsPage } from './RoundsPage';
import { TallyPage } from './TallyPage';
import { ChecklistsPage } from './ChecklistsPage';

const perms: Permission[] = ['enforcement.read', 'enforcement.inspect'];
const page = (permission: Permission | Permission[], element: React.ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

/** 综合执法: rounds, inspections on a phone, rectification notices and re-inspection, closures, the tally, checklists. */
export const enforcementModule: WebModule = {
  name: 'enforcement',
  routes: [
    { path: 'enforcement/inspections', element: page(perms, <InspectionsPage />) },
    { path: 'enforcement/inspections/new', element: page('enforcement.inspect', <InspectionFormPage />) },
    { path: 'enforcement/rounds', element: page(perms, <RoundsPage />) },
    { path: 'enforcement/notices', element: page(perms, <NoticesPage />) },
    { path: 'enforcement/notices/:id', element: page(perms, <NoticePage />) },
    { path: 'enforcement/closures', element: page(perms, <ClosuresPage />) },
    { path: 'enforcement/tally', element: page(perms, <TallyPage />) },
    { path: 'enforcement/checklists', element: page('enforcement.configure', <ChecklistsPage />) },
  ],
  menu: [
    {
      path: 'enforcement/inspections',
      labelKey: 'enforcement:menu.inspections',
      icon: <SafetyCertificateOutlined />,
      permission: perms,
      group: 'prevention',
    },
    {
      path: 'enforcement/rounds',
      labelKey: 'enforcement:menu.rounds',
      icon: <FlagOutlined />,
      permission: perms,
      group: 'prevention',
    },
    {
      path: 'enforcement/notices',
      labelKey: 'enforcement:menu.notices',
      icon: <FileExclamationOutlined />,
      permission: perms,
      group: 'prevention',
    },
    {
      path: 'enforcement/closures',
      labelKey: 'enforcement:menu.closures',
      icon: <StopOutlined />,
      permission: perms,
      group: 'prevention',
    },
    {
      path: 'enforcement/tally',
      labelKey: 'enforcement:menu.tally',
      icon: <BarChartOutlined />,
      permission: perms,
      group: 'prevention',
    },
    {
      path: 'enforcement/checklists',
      labelKey: 'enforcement:menu.checklists',
      icon: <AuditOutlined />,
      permission: 'enforcement.configure',
      group: 'system',
    },
  ],
};
