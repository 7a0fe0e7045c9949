import { DatabaseOutlined, IdcardOutlined, UploadOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { EntitiesPage } from './EntitiesPage';
import { EntityDetailPage, MyEntityPage } from './EntityDetailPage';
import { ImportPage } from './ImportPage';

/** 市场主体动态管理库: the entity list, the entity file 一企一档, bulk import; an enterprise user's own file. */
export const registryModule: WebModule = {
  name: 'registry',
  routes: [
    {
      path: 'registry/entities',
      element: (
        <RequirePermission permission="registry.read">
          <EntitiesPage />
        </RequirePermission>
      ),
    },
    {
      path: 'registry/entities/:id',
      element: (
        <RequirePermission permission={['registry.read', 'registry.own']}>
          <EntityDetailPage />
        </RequirePermission>
      ),
    },
    {
      path: 'registry/import',
      element: (
        <RequirePermission permission="registry.import">
          <ImportPage />
        </RequirePermission>
      ),
    },
    {
      path: 'registry/mine',
      element: (
        <RequirePermission permission="registry.own">
          <MyEntityPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'registry/entities',
      labelKey: 'registry:menu.entities',
      icon: <DatabaseOutlined />,
      permission: 'registry.read',
      group: 'resumption',
    },
    {
      path: 'registry/import',
      labelKey: 'registry:menu.import',
      icon: <UploadOutlined />,
      permission: 'registry.import',
      group: 'resumption',
    },
    {
      path: 'registry/mine',
      labelKey: 'registry:menu.mine',
      icon: <IdcardOutlined />,
      permission: 'registry.own',
      group: 'resumption',
    },
  ],
};
