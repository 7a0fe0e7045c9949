import type { Permission } from '@fugong/contract';
import { BankOutlined, FundOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { FinanceRequestsPage } from './FinanceRequestsPage';
import { FinanceRequestPage } from './FinanceRequestPage';
import { FinanceRequestDetailPage } from './FinanceRequestDetailPage';
import { FinanceFiguresPage } from './FinanceFiguresPage';
import { FinanceScreenCard } from './FinanceScreenCard';

const readers: Permission[] = ['finance.request', 'finance.manage', 'finance.answer'];
const guard = (p: Permission | Permission[], el: React.ReactNode) => <RequirePermission permission={p}>{el}</RequirePermission>;

/** 银企对接: requests from enterprises, the bank officer's inbox, the centre's queue and the figures. */
export const financeModule: WebModule = {
  name: 'finance',
  routes: [
    { path: 'finance/requests', element: guard(readers, <FinanceRequestsPage />) },
    { path: 'finance/requests/new', element: guard('finance.request', <FinanceRequestPage />) },
    { path: 'finance/requests/:id', element: guard(readers, <FinanceRequestDetailPage />) },
    { path: 'finance/figures', element: guard('finance.figures', <FinanceFiguresPage />) },
  ],
  menu: [
    {
      path: 'finance/requests',
      labelKey: 'finance:menu.requests',
      icon: <BankOutlined />,
      permission: readers,
      group: 'services',
    },
    {
      path: 'finance/figures',
      labelKey: 'finance:menu.figures',
      icon: <FundOutlined />,
      permission: 'finance.figures',
      group: 'services',
    },
  ],
  screenCards: [FinanceScreenCard],
};
