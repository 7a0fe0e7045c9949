import { AuditOutlined, TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { HomePage } from './HomePage';
import { ChangePasswordPage } from './ChangePasswordPage';
import { UsersPage } from './users/UsersPage';
import { AuditPage } from './audit/AuditPage';

export { LoginPage } from './LoginPage';

/** The platform's own pages: home, password, user administration, audit log. (The login page is routed by app/router.) */
export const platformModule: WebModule = {
  name: 'platform',
  routes: [
    { index: true, element: <HomePage /> },
    { path: 'password', element: <ChangePasswordPage /> },
    {
      path: 'system/users',
      element: (
        <RequirePermission permission={['users.read', 'users.manage']}>
          <UsersPage />
        </RequirePermission>
      ),
    },
    {
      path: 'system/audit',
      element: (
        <RequirePermission permission="audit.read">
          <AuditPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'system/users',
      labelKey: 'platform:menu.users',
      icon: <TeamOutlined />,
      permission: ['users.read', 'users.manage'],
      group: 'system',
    },
    { path: 'system/audit', labelKey: 'platform:menu.audit', icon: <AuditOutlined />, permission: 'audit.read', group: 'system' },
  ],
};
