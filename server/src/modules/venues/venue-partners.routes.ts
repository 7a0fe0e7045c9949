import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  availabilityQuerySchema,
  availabilitySchema,
  bookingCodeParamSchema,
  bookingInputSchema,
  bookingSchema,
  idParamSchema,
  issuedKeySchema,
  okSchema,
  partnerInputSchema,
  partnerKeyParamSchema,
  partnerSchema,
  publicVenueSchema,
} from '@fugong/contract';
import { route } from '../../platform/http';
import { sha256Hex } from '../../platform/auth/tokens';
import type { AppServices } from '../../platform/module';

const idOut = z.object({ id: z.number().int() });
const ok = { ok: true as const };
const PARTNER_KEY_NOTE =
  'Send the key issued by the platform in the x-api-key header (401 venues.partner_key_invalid when it is missing, unknown or revoked). ' +
  'Each key has its own limit of requests per minute; beyond it the answer is 429 with a Retry-After header.';
const header = (req: FastifyRequest, name: string) => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** OTA partners: their administration, and the API they call with a key. */
export function venuePartnerRoutes(app: FastifyInstance, venues: AppServices['venues']): void {
  const { partners } = venues;

  // ---- OTA partners: admin side ----
  route(app, {
    method: 'GET',
    url: '/api/venue-partners',
    operationId: 'getVenuePartners',
    summary: 'OTA partners and their keys (prefixes only)',
    tags: ['venues-partners'],
    response: z.array(partnerSchema),
    handler: ({ ctx }) => partners.list(ctx),
  });
  route(app, {
    method: 'POST',
    url: '/api/venue-partners',
    operationId: 'postVenuePartners',
    summary: 'Add an OTA partner',
    tags: ['venues-partners'],
    body: partnerInputSchema,
    response: idOut,
    handler: async ({ body, ctx }) => ({ id: await partners.create(ctx, body) }),
  });
  route(app, {
    method: 'POST',
    url: '/api/venue-partners/:id/keys',
    operationId: 'postVenuePartnersByIdKeys',
    summary: 'Issue an API key; the key is shown in this reply only',
    tags: ['venues-partners'],
    params: idParamSchema,
    response: issuedKeySchema,
    handler: ({ params, ctx }) => partners.issueKey(ctx, params.id),
  });
  route(app, {
    method: 'DELETE',
    url: '/api/venue-partners/:id/keys/:keyId',
    operationId: 'deleteVenuePartnersByIdKeysByKeyId',
    summary: 'Revoke an API key (effective on the next request)',
    tags: ['venues-partners'],
    params: partnerKeyParamSchema,
    response: okSchema,
    handler: async ({ params, ctx }) => (await partners.revokeKey(ctx, params.id, params.keyId), ok),
  });

  // ---- OTA partner API: x-api-key, rate-limited per key ----
  const partnerLimit = {
    max: (req: FastifyRequest) => partners.rateFor(header(req, 'x-api-key')),
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) => 'partner:' + sha256Hex(header(req, 'x-api-key') ?? 'ip:' + req.ip),
  };
  const partnerDoc = (what: string) => `${what} ${PARTNER_KEY_NOTE}`;
  const partnerApi = { public: true, security: [{ partnerKey: [] }], rateLimit: partnerLimit, tags: ['partner-api'] };
  route(app, {
    ...partnerApi,
    method: 'GET',
    url: '/api/partner/v1/venues',
    operationId: 'getPartnerV1Venues',
    errors: [401],
    summary: 'Venues taking bookings',
    description: partnerDoc("List of the venues that take bookings, with today's capacity under the epidemic rule in force."),
    response: z.array(publicVenueSchema),
    handler: async ({ req }) => (await partners.authenticate(header(req, 'x-api-key')), venues.publicList()),
  });
  route(app, {
    ...partnerApi,
    method: 'GET',
    url: '/api/partner/v1/venues/:id/availability',
    operationId: 'getPartnerV1VenuesByIdAvailability',
    errors: [401],
    summary: 'Places left on a day and its slots',
    description: partnerDoc(
      'Capacity and places left on the day asked (today when no day is given) and in each of its time slots, the days open for booking, and the admission policies a visitor may claim (for example free entry for medical workers, proof checked at the gate).',
    ),
    params: idParamSchema,
    query: availabilityQuerySchema,
    response: availabilitySchema,
    handler: async ({ req, params, query }) => (
      await partners.authenticate(header(req, 'x-api-key')),
      venues.availability(params.id, query.day)
    ),
  });
  route(app, {
    ...partnerApi,
    method: 'POST',
    url: '/api/partner/v1/bookings',
    operationId: 'postPartnerV1Bookings',
    errors: [422],
    summary:
      'Book for named visitors. Send an Idempotency-Key header: a retry with the same key and body returns the first reply and never books twice',
    description: partnerDoc(
      'Every visitor is named with an ID document (a 身份证 number is checked). 409 venues.sold_out or venues.slot_sold_out when the day or slot is full; 409 venues.duplicate_person when someone already holds a booking at this venue that day. Idempotency-Key (up to 100 characters): the first reply is stored with the booking, and a retry with the same key and the same body gets that reply again — concurrent retries included — without a second booking; the same key with a different body is refused with 422 venues.idempotency_mismatch.',
    ),
    body: bookingInputSchema,
    response: bookingSchema,
    handler: async ({ req, body, ctx }) => {
      const partner = await partners.authenticate(header(req, 'x-api-key'));
      return partners.book(ctx, partner, header(req, 'idempotency-key')?.slice(0, 100), body);
    },
  });
  route(app, {
    ...partnerApi,
    method: 'GET',
    url: '/api/partner/v1/bookings/:code',
    operationId: 'getPartnerV1BookingsByCode',
    summary: 'One of the partner’s bookings',
    description: partnerDoc('A booking made through this partner, by its code; 404 for codes of other channels or partners.'),
    params: bookingCodeParamSchema,
    response: bookingSchema,
    handler: async ({ req, params }) => partners.find(await partners.authenticate(header(req, 'x-api-key')), params.code),
  });
  route(app, {
    ...partnerApi,
    method: 'POST',
    url: '/api/partner/v1/bookings/:code/cancel',
    operationId: 'postPartnerV1BookingsByCodeCancel',
    summary: 'Cancel one of the partner’s bookings; the places are freed at once',
    description: partnerDoc(
      'Cancels a booking made through this partner; its places are free for others at once. 409 when it is already cancelled or a visitor has already entered.',
    ),
    params: bookingCodeParamSchema,
    response: bookingSchema,
    handler: async ({ req, params, ctx }) =>
      partners.cancel(ctx, await partners.authenticate(header(req, 'x-api-key')), params.code),
  });
}
