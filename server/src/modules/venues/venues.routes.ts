import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import QRCode from 'qrcode';
import {
  availabilityQuerySchema,
  availabilitySchema,
  bookingCodeParamSchema,
  bookingInputSchema,
  bookingLookupSchema,
  bookingSchema,
  capacityRuleInputSchema,
  checkinInputSchema,
  checkinResultSchema,
  gateLookupSchema,
  gateStatsSchema,
  guestInputSchema,
  guestListQuerySchema,
  guestSchema,
  idParamSchema,
  okSchema,
  pageOf,
  policyInputSchema,
  publicVenueSchema,
  slotInputSchema,
  temperatureInputSchema,
  vehicleInputSchema,
  venueBookingListQuerySchema,
  venueChildParamSchema,
  venueDetailSchema,
  venueInputSchema,
  venueListQuerySchema,
  venueSummarySchema,
  venueUpdateSchema,
} from '@fugong/contract';
import { route, operationIdFor } from '../../platform/http';
import { sendXlsx } from '../../platform/excel';
import type { AppServices } from '../../platform/module';
import { venuePartnerRoutes } from './venue-partners.routes';

const idOut = z.object({ id: z.number().int() });
const ok = { ok: true as const };
const dayQuery = availabilityQuerySchema;

export function venuesRoutes(app: FastifyInstance, { venues, core }: AppServices): void {
  const { bookings, gate, guests } = venues;
  const publicLimit = { max: core.config.publicRatePerMinute, timeWindow: '1 minute' };

  // ---- public booking: phone-first, no account ----
  route(app, {
    method: 'GET',
    url: '/api/public/venues',
    operationId: 'getPublicVenues',
    summary: 'Venues taking bookings, with today’s capacity',
    tags: ['venues-public'],
    public: true,
    response: z.array(publicVenueSchema),
    handler: () => venues.publicList(),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/venues/:id/availability',
    operationId: 'getPublicVenuesByIdAvailability',
    summary: 'Places left on a day and its time slots, the bookable days, and admission policies',
    tags: ['venues-public'],
    public: true,
    params: idParamSchema,
    query: availabilityQuerySchema,
    response: availabilitySchema,
    handler: ({ params, query }) => venues.availability(params.id, query.day),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/venue-bookings',
    operationId: 'postPublicVenueBookings',
    errors: [409],
    summary: 'Book a visit: every visitor named with an ID document; 409 when sold out',
    tags: ['venues-public'],
    public: true,
    rateLimit: publicLimit,
    body: bookingInputSchema,
    response: bookingSchema,
    handler: ({ body, ctx }) => bookings.place(ctx, body, { channel: 'web' }),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/venue-bookings/lookup',
    operationId: 'postPublicVenueBookingsLookup',
    summary: 'A booking by its code and the phone number it was made with',
    tags: ['venues-public'],
    public: true,
    rateLimit: publicLimit,
    body: bookingLookupSchema,
    response: bookingSchema,
    handler: ({ body }) => bookings.find(body.code, { phone: body.phone }),
  });
  route(app, {
    method: 'POST',
    url: '/api/public/venue-bookings/cancel',
    operationId: 'postPublicVenueBookingsCancel',
    errors: [404, 409],
    summary: 'Cancel a booking with its code and phone number; the places are freed at once',
    tags: ['venues-public'],
    public: true,
    rateLimit: publicLimit,
    body: bookingLookupSchema,
    response: bookingSchema,
    handler: ({ body, ctx }) => bookings.cancel(ctx, body.code, { phone: body.phone }),
  });
  route(app, {
    method: 'GET',
    url: '/api/public/venue-bookings/:code/qr',
    operationId: 'getPublicVenueBookingsByCodeQr',
    summary: 'The booking code as a QR image (SVG) to show at the gate',
    tags: ['venues-public'],
    public: true,
    rateLimit: publicLimit,
    params: bookingCodeParamSchema,
    handler: async ({ params, reply }) => {
      const svg = await QRCode.toString(params.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return reply.type('image/svg+xml').header('cache-control', 'private, max-age=86400').send(svg);
    },
  });

  // ---- venue configuration ----
  route(app, {
    method: 'GET',
    url: '/api/venues',
    operationId: 'getVenues',
    summary: 'Venues in the caller’s scope',
    tags: ['venues'],
    query: venueListQuerySchema,
    response: pageOf(venueSummarySchema),
    handler: ({ query, ctx }) => venues.list(ctx, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/venues',
    operationId: 'postVenues',
    summary: 'Create a venue',
    tags: ['venues'],
    body: venueInputSchema,
    response: idOut,
    handler: async ({ body, ctx }) => ({ id: await venues.create(ctx, body) }),
  });
  route(app, {
    method: 'GET',
    url: '/api/venues/:id',
    operationId: 'getVenuesById',
    summary: 'A venue with its capacity rules, slots, vehicles and policies',
    tags: ['venues'],
    params: idParamSchema,
    response: venueDetailSchema,
    handler: ({ params, ctx }) => venues.get(ctx, params.id),
  });
  route(app, {
    method: 'PATCH',
    url: '/api/venues/:id',
    operationId: 'patchVenuesById',
    summary: 'Change a venue',
    tags: ['venues'],
    params: idParamSchema,
    body: venueUpdateSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await venues.update(ctx, params.id, body), ok),
  });
  route(app, {
    method: 'POST',
    url: '/api/venues/:id/capacity-rules',
    operationId: 'postVenuesByIdCapacityRules',
    summary: 'A new version of the epidemic capacity rule (ratio or absolute, with effective dates)',
    tags: ['venues'],
    params: idParamSchema,
    body: capacityRuleInputSchema,
    response: okSchema,
    handler: async ({ params, body, ctx }) => (await venues.addRule(ctx, params.id, body), ok),
  });
  const children = [
    { path: 'slots', what: 'time slot', schema: slotInputSchema, add: venues.addSlot, update: venues.updateSlot },
    {
      path: 'vehicles',
      what: 'vehicle with its seat limit',
      schema: vehicleInputSchema,
      add: venues.addVehicle,
      update: venues.updateVehicle,
    },
    { path: 'policies', what: 'admission policy', schema: policyInputSchema, add: venues.addPolicy, update: venues.updatePolicy },
  ] as const;
  for (const c of children) {
    route(app, {
      method: 'POST',
      url: `/api/venues/:id/${c.path}`,
      operationId: operationIdFor('POST', `/api/venues/:id/${c.path}`),
      errors: [409],
      summary: `Add a ${c.what}`,
      tags: ['venues'],
      params: idParamSchema,
      body: c.schema as z.ZodType,
      response: idOut,
      handler: async ({ params, body, ctx }) => ({
        id: await (c.add as (ctx: unknown, id: number, b: unknown) => Promise<number>)(ctx, params.id, body),
      }),
    });
    route(app, {
      method: 'PUT',
      url: `/api/venues/:id/${c.path}/:childId`,
      operationId: operationIdFor('PUT', `/api/venues/:id/${c.path}/:childId`),
      errors: [409],
      summary: `Change a ${c.what}`,
      tags: ['venues'],
      params: venueChildParamSchema,
      body: c.schema as z.ZodType,
      response: okSchema,
      handler: async ({ params, body, ctx }) => {
        await (c.update as (ctx: unknown, id: number, childId: number, b: unknown) => Promise<void>)(
          ctx,
          params.id,
          params.childId,
          body,
        );
        return ok;
      },
    });
  }
  route(app, {
    method: 'DELETE',
    url: '/api/venues/:id/vehicles/:childId',
    operationId: 'deleteVenuesByIdVehiclesByChildId',
    summary: 'Remove a vehicle (nothing else refers to one; the audit keeps what it was)',
    tags: ['venues'],
    params: venueChildParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await venues.removeVehicle(ctx, params.id, params.childId), ok),
  });
  route(app, {
    method: 'POST',
    url: '/api/venues/:id/policies/:childId/end',
    operationId: 'postVenuesByIdPoliciesByChildIdEnd',
    errors: [409],
    summary: 'End an admission policy today (one not yet started is switched off); 409 when it has already ended',
    tags: ['venues'],
    params: venueChildParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await venues.endPolicy(ctx, params.id, params.childId), ok),
  });
  const xlsx = (
    what: string,
    url: string,
    tag: string,
    make: (ctx: Parameters<typeof venues.get>[0], id: number, day?: string) => Promise<{ name: string; file: Buffer }>,
  ) =>
    route(app, {
      method: 'GET',
      url,
      operationId: operationIdFor('GET', url),
      errors: [409],
      summary: `${what} as .xlsx (people masked; the export is audited)`,
      tags: [tag],
      params: idParamSchema,
      query: dayQuery,
      handler: async ({ params, query, ctx, reply }) => {
        const { name, file } = await make(ctx, params.id, query.day);
        return sendXlsx(reply, name, file);
      },
    });
  xlsx(
    'A day’s bookings, one row per visitor with the gate result, health code and temperature',
    '/api/venues/:id/bookings/export',
    'venues',
    venues.exports.bookings,
  );
  xlsx(
    'A day’s gate check-ins with health code, temperature and the reason of each refusal',
    '/api/venues/:id/gate/checkins/export',
    'venues-gate',
    venues.exports.checkins,
  );
  xlsx(
    'The farm-stay guest register (guests staying on a day, when given) with each guest’s temperature log',
    '/api/venues/:id/guests/export',
    'venues-guests',
    venues.exports.guests,
  );
  route(app, {
    method: 'GET',
    url: '/api/venues/:id/bookings',
    operationId: 'getVenuesByIdBookings',
    summary: 'A venue’s bookings (people masked)',
    tags: ['venues'],
    params: idParamSchema,
    query: venueBookingListQuerySchema,
    response: pageOf(bookingSchema),
    handler: ({ params, query, ctx }) => venues.bookingsOf(ctx, params.id, query),
  });

  // ---- gate ----
  route(app, {
    method: 'POST',
    url: '/api/venues/:id/gate/lookup',
    operationId: 'postVenuesByIdGateLookup',
    summary: 'Find a booking by its (scanned) code, or by a visitor’s ID number for today',
    tags: ['venues-gate'],
    params: idParamSchema,
    body: gateLookupSchema,
    response: bookingSchema,
    handler: ({ params, body, ctx }) => gate.lookup(ctx, params.id, body.query),
  });
  route(app, {
    method: 'POST',
    url: '/api/venues/:id/gate/checkins',
    operationId: 'postVenuesByIdGateCheckins',
    summary: 'Check a visitor in: red/yellow code or ≥ 37.3 °C refuses (and alerts the managers), otherwise admits',
    tags: ['venues-gate'],
    params: idParamSchema,
    body: checkinInputSchema,
    response: checkinResultSchema,
    handler: ({ params, body, ctx }) => gate.checkin(ctx, params.id, body),
  });
  route(app, {
    method: 'GET',
    url: '/api/venues/:id/gate/stats',
    operationId: 'getVenuesByIdGateStats',
    summary: 'Today’s capacity, booked, admitted and refused',
    tags: ['venues-gate'],
    params: idParamSchema,
    query: availabilityQuerySchema,
    response: gateStatsSchema,
    handler: ({ params, query, ctx }) => gate.stats(ctx, params.id, query.day),
  });

  // ---- farm-stay guest register ----
  route(app, {
    method: 'GET',
    url: '/api/venues/:id/guests',
    operationId: 'getVenuesByIdGuests',
    summary: 'Farm-stay guests (staying on a day, when given) with their daily temperatures',
    tags: ['venues-guests'],
    params: idParamSchema,
    query: guestListQuerySchema,
    response: pageOf(guestSchema),
    handler: ({ params, query, ctx }) => guests.list(ctx, params.id, query),
  });
  route(app, {
    method: 'POST',
    url: '/api/venues/:id/guests',
    operationId: 'postVenuesByIdGuests',
    summary: 'Register a guest booked by phone',
    tags: ['venues-guests'],
    params: idParamSchema,
    body: guestInputSchema,
    response: idOut,
    handler: async ({ params, body, ctx }) => ({ id: await guests.register(ctx, params.id, body) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/venues/:id/guests/:childId/temperatures',
    operationId: 'postVenuesByIdGuestsByChildIdTemperatures',
    summary: 'Record a guest’s temperature for a day (one a day; a fever alerts the managers)',
    tags: ['venues-guests'],
    params: venueChildParamSchema,
    body: temperatureInputSchema,
    response: z.object({ fever: z.boolean() }),
    handler: ({ params, body, ctx }) => guests.recordTemperature(ctx, params.id, params.childId, body),
  });

  venuePartnerRoutes(app, venues);
}
