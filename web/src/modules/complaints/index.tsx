import type { Permission } from '@fugong/contract';
import { MessageOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { ComplaintsListPage } from './ComplaintsListPage';
import { ComplaintDetailPage } from './ComplaintDetailPage';
import { PublicComplaintPage } from './PublicComplaintPage';
import { ComplaintStatusPage } from './ComplaintStatusPage';

const perms: Permission[] = ['complaints.read', 'complaints.handle', 'complaints.intake'];

/** 投诉举报: the public form and status page, the staff's verification and reply. */
export const complaintsModule: WebModule = {
  name: 'complaints',
  routes: [
    {
      path: 'complaints',
      element: (
        <RequirePermission permission={perms}>
          <ComplaintsListPage />
        </RequirePermission>
      ),
    },
    {
      path: 'complaints/:id',
      element: (
        <RequirePermission permission={perms}>
          <ComplaintDetailPage />
        </RequirePermission>
      ),
    },
  ],
  publicRoutes: [
    { path: 'complaint', element: <PublicComplaintPage /> },
    { path: 'complaint/status', element: <ComplaintStatusPage /> },
  ],
  menu: [
    { path: 'complaints', labelKey: 'complaints:menu.list', icon: <MessageOutlined />, permission: perms, group: 'prevention' },
  ],
};
