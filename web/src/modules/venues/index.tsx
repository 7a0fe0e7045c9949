import type { Permission } from '@fugong/contract';
import { ApiOutlined, EnvironmentOutlined, ScanOutlined } from '@ant-design/icons';
import type { WebModule } from '../types';
import { RequirePermission } from '../../components/RequirePermission';
import { PublicVenuesPage } from './PublicVenuesPage';
import { BookPage } from './BookPage';
import { BookingPage } from './BookingPage';
import { GateHome, GatePage } from './GatePage';
import { VenuesListPage } from './VenuesListPage';
import { VenueDetailPage } from './VenueDetailPage';
import { GuestsPage } from './GuestsPage';
import { PartnersPage } from './PartnersPage';

const guard = (permission: Permission, el: React.ReactNode) => (
  <RequirePermission permission={permission}>{el}</RequirePermission>
);

/** 景区预约限流: public real-name booking, the gate, farm-stay register, venue settings and OTA partners. */
export const venuesModule: WebModule = {
  name: 'venues',
  routes: [
    { path: 'venues', element: guard('venues.read', <VenuesListPage />) },
    { path: 'venues/gate', element: guard('venues.gate', <GateHome />) },
    { path: 'venues/partners', element: guard('venues.partners', <PartnersPage />) },
    { path: 'venues/:id', element: guard('venues.read', <VenueDetailPage />) },
    { path: 'venues/:id/gate', element: guard('venues.gate', <GatePage />) },
    { path: 'venues/:id/guests', element: guard('venues.guests', <GuestsPage />) },
  ],
  publicRoutes: [
    { path: 'venues', element: <PublicVenuesPage /> },
    { path: 'venues/cancel', element: <BookingPage /> },
    { path: 'venues/booking/:code', element: <BookingPage /> },
    { path: 'venues/:id', element: <BookPage /> },
  ],
  menu: [
    {
      path: 'venues',
      labelKey: 'venues:menu.venues',
      icon: <EnvironmentOutlined />,
      permission: 'venues.read',
      group: 'prevention',
    },
    { path: 'venues/gate', labelKey: 'venues:menu.gate', icon: <ScanOutlined />, permission: 'venues.gate', group: 'prevention' },
    {
      path: 'venues/partners',
      labelKey: 'venues:menu.partners',
      icon: <ApiOutlined />,
      permission: 'venues.partners',
      group: 'system',
    },
  ],
};
