import { IdcardOutlined, ScanOutlined, SafetyCertificateOutlined, SettingOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { PassesListPage } from './PassesListPage';
import { CheckpointScanPage } from './CheckpointScanPage';
import { CheckpointsPage } from './CheckpointsPage';
import { PassRulesPage } from './PassRulesPage';

/** A/B/C passes, checkpoints 卡点 with duty shifts, and the checkpoint scan page. */
export const passesModule: WebModule = {
  name: 'passes',
  routes: [
    {
      path: 'passes',
      element: (
        <RequirePermission permission="passes.read">
          <PassesListPage />
        </RequirePermission>
      ),
    },
    {
      path: 'passes/scan',
      element: (
        <RequirePermission permission="passes.verify">
          <CheckpointScanPage />
        </RequirePermission>
      ),
    },
    {
      path: 'passes/rules',
      element: (
        <RequirePermission permission="passes.configure">
          <PassRulesPage />
        </RequirePermission>
      ),
    },
    {
      path: 'passes/checkpoints',
      element: (
        <RequirePermission permission={['passes.checkpoints', 'passes.verify']}>
          <CheckpointsPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'passes/scan',
      labelKey: 'passes:menu.scan',
      icon: <ScanOutlined />,
      permission: 'passes.verify',
      group: 'prevention',
    },
    { path: 'passes', labelKey: 'passes:menu.passes', icon: <IdcardOutlined />, permission: 'passes.read', group: 'prevention' },
    {
      path: 'passes/checkpoints',
      labelKey: 'passes:menu.checkpoints',
      icon: <SafetyCertificateOutlined />,
      permission: 'passes.checkpoints',
      group: 'prevention',
    },
    {
      path: 'passes/rules',
      labelKey: 'passes:menu.rules',
      icon: <SettingOutlined />,
      permission: 'passes.configure',
      group: 'prevention',
    },
  ],
};
