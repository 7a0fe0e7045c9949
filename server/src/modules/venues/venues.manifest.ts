import { venuesPermissions } from '@fugong/contract';
import { defineModule } from '../../platform/module';
import type { VenuesTables } from './venues.tables';
import * as m0600 from '../../db/migrations/0600_venues';
import { createVenuesService, type VenuesService } from './venues.service';
import { venuesRoutes } from './venues.routes';
import { venuesMessages } from './venues.messages';
import { venuesDemo } from './venues.demo';

declare module '../../platform/module' {
  interface ServiceMap {
    venues: VenuesService;
  }
}

export const venuesModule = defineModule<VenuesTables>()({
  name: 'venues',
  tables: [
    'venue',
    'venueCapacityRule',
    'venueSlot',
    'venueVehicle',
    'venuePolicy',
    'venueDayCounter',
    'venuePartner',
    'venuePartnerKey',
    'venuePartnerRequest',
    'venueBooking',
    'venueVisitor',
    'venueCheckin',
    'venueGuest',
    'venueGuestTemperature',
  ],
  migrations: { '0600_venues': m0600 },
  needs: ['regions'],
  provides: ['venues'],
  createServices({ core, db }, d) {
    const venues = createVenuesService({
      db,
      dialect: core.dialect,
      clock: core.clock,
      audit: core.audit,
      events: core.events,
      pii: core.pii,
      regions: d.regions,
      notifier: core.notifier,
    });
    return { venues };
  },
  routes: venuesRoutes,
  messages: [venuesMessages],
  permissions: Object.keys(venuesPermissions) as (keyof typeof venuesPermissions)[],
  events: { 'venues.*': 'venues.read' },
  demo: venuesDemo,
});
