import { TeamOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { PeopleListPage } from './PeopleListPage';
import { PersonDetailPage } from './PersonDetailPage';
import { SelfServicePage } from './SelfServicePage';

/** Person registry (masked, audited reveal) and the public self-service page. */
export const peopleModule: WebModule = {
  name: 'people',
  routes: [
    {
      path: 'people',
      element: (
        <RequirePermission permission="people.read">
          <PeopleListPage />
        </RequirePermission>
      ),
    },
    {
      path: 'people/:id',
      element: (
        <RequirePermission permission="people.read">
          <PersonDetailPage />
        </RequirePermission>
      ),
    },
  ],
  publicRoutes: [{ path: 'self', element: <SelfServicePage /> }],
  menu: [
    { path: 'people', labelKey: 'people:menu.people', icon: <TeamOutlined />, permission: 'people.read', group: 'prevention' },
  ],
};
