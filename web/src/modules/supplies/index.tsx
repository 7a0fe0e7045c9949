import type { Permission } from '@fugong/contract';
import { MedicineBoxOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { DeclarePage } from './DeclarePage';
import { DemandsPage } from './DemandsPage';
import { DeliveriesPage } from './DeliveriesPage';
import { LedgerPage } from './LedgerPage';
import { SupplyShortageCard } from './SupplyShortageCard';
export { SupplyDemandLink } from './SupplyDemandLink';

const staff: Permission[] = ['supplies.read', 'supplies.allocate'];
const deliveries: Permission[] = ['supplies.read', 'supplies.allocate', 'supplies.receive', 'supplies.declare'];
const declare: Permission[] = ['supplies.declare', 'supplies.demand'];

/** 防疫物资: declarations on a phone, the demand list with 调配, deliveries, the ledger; a 大屏 card. */
export const suppliesModule: WebModule = {
  name: 'supplies',
  routes: [
    {
      path: 'supplies/declare',
      element: (
        <RequirePermission permission={declare}>
          <DeclarePage />
        </RequirePermission>
      ),
    },
    {
      path: 'supplies/demands',
      element: (
        <RequirePermission permission={staff}>
          <DemandsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'supplies/deliveries',
      element: (
        <RequirePermission permission={deliveries}>
          <DeliveriesPage />
        </RequirePermission>
      ),
    },
    {
      path: 'supplies/ledger',
      element: (
        <RequirePermission permission="supplies.read">
          <LedgerPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'supplies/declare',
      labelKey: 'supplies:menu.declare',
      icon: <MedicineBoxOutlined />,
      permission: 'supplies.declare',
      group: 'prevention',
    },
    {
      path: 'supplies/demands',
      labelKey: 'supplies:menu.demands',
      icon: <MedicineBoxOutlined />,
      permission: staff,
      group: 'prevention',
    },
    {
      path: 'supplies/deliveries',
      labelKey: 'supplies:menu.deliveries',
      icon: <MedicineBoxOutlined />,
      permission: deliveries,
      group: 'prevention',
    },
    {
      path: 'supplies/ledger',
      labelKey: 'supplies:menu.ledger',
      icon: <MedicineBoxOutlined />,
      permission: 'supplies.read',
      group: 'prevention',
    },
  ],
  screenCards: [SupplyShortageCard],
};
