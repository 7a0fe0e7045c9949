import type { Permission } from '@fugong/contract';
import {
  AlertOutlined,
  BarChartOutlined,
  ExclamationCircleOutlined,
  TagsOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { TicketsListPage } from './TicketsListPage';
import { TicketDetailPage } from './TicketDetailPage';
import { LeadersQueuePage } from './LeadersQueuePage';
import { TicketStatsPage } from './TicketStatsPage';
import { NewTicketPage } from './NewTicketPage';
import { LeadersQueueWidget } from './LeadersQueueWidget';
import { TicketCategoriesPage } from './TicketCategoriesPage';

const anyTicketPerm: Permission[] = ['tickets.read', 'tickets.handle', 'tickets.own', 'tickets.report'];

/** 吹哨报到: the problem loop, the leaders' queue and the SLA statistics. */
export const ticketsModule: WebModule = {
  name: 'tickets',
  homeWidget: LeadersQueueWidget,
  routes: [
    {
      path: 'tickets',
      element: (
        <RequirePermission permission={anyTicketPerm}>
          <TicketsListPage />
        </RequirePermission>
      ),
    },
    {
      path: 'tickets/new',
      element: (
        <RequirePermission permission="tickets.report">
          <NewTicketPage />
        </RequirePermission>
      ),
    },
    {
      path: 'tickets/leaders',
      element: (
        <RequirePermission permission="tickets.lead">
          <LeadersQueuePage />
        </RequirePermission>
      ),
    },
    {
      path: 'tickets/stats',
      element: (
        <RequirePermission permission="tickets.stats">
          <TicketStatsPage />
        </RequirePermission>
      ),
    },
    {
      path: 'tickets/categories',
      element: (
        <RequirePermission permission="tickets.configure">
          <TicketCategoriesPage />
        </RequirePermission>
      ),
    },
    {
      path: 'tickets/:id',
      element: (
        <RequirePermission permission={anyTicketPerm}>
          <TicketDetailPage />
        </RequirePermission>
      ),
    },
  ],
  menu: [
    {
      path: 'tickets/leaders',
      labelKey: 'tickets:menu.leaders',
      icon: <AlertOutlined />,
      permission: 'tickets.lead',
      group: 'resumption',
    },
    {
      path: 'tickets',
      labelKey: 'tickets:menu.list',
      icon: <UnorderedListOutlined />,
      permission: anyTicketPerm,
      group: 'resumption',
    },
    {
      path: 'tickets/new',
      labelKey: 'tickets:menu.new',
      icon: <ExclamationCircleOutlined />,
      permission: 'tickets.report',
      group: 'resumption',
    },
    {
      path: 'tickets/stats',
      labelKey: 'tickets:menu.stats',
      icon: <BarChartOutlined />,
      permission: 'tickets.stats',
      group: 'resumption',
    },
    {
      path: 'tickets/categories',
      labelKey: 'tickets:menu.categories',
      icon: <TagsOutlined />,
      permission: 'tickets.configure',
      group: 'system',
    },
  ],
};
