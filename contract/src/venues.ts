import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import { isValidIdCard, normaliseIdCard } from './validate/id-card';
import { isValidMobile, normalisePhone } from './validate/phone';
import type { PermissionRoles } from './roles';

export const venueKinds = ['scenic', 'farmstay', 'hotel', 'mall'] as const;
export const venueKindSchema = z.enum(venueKinds);
export type VenueKind = z.infer<typeof venueKindSchema>;

export const idTypes = ['id_card', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permit'] as const;
export const idTypeSchema = z.enum(idTypes);
export type IdType = z.infer<typeof idTypeSchema>;

export const healthCodes = ['green', 'yellow', 'red'] as const;
export const healthCodeSchema = z.enum(healthCodes);
export type HealthCode = z.infer<typeof healthCodeSchema>;

export const bookingStatuses = ['booked', 'cancelled'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];
export const checkinStatuses = ['pending', 'admitted', 'refused'] as const;
export type CheckinStatus = (typeof checkinStatuses)[number];
export const bookingChannels = ['web', 'partner', 'phone'] as const;
export type BookingChannel = (typeof bookingChannels)[number];

/** Why the gate refused a visitor; each has a message in the three locales. */
export const refusalReasons = ['health_code_red', 'health_code_yellow', 'fever', 'wrong_day', 'cancelled'] as const;
export type RefusalReason = (typeof refusalReasons)[number];

/** A fever at the gate starts here (°C), as the prevention guidelines set it. */
export const FEVER_THRESHOLD = 37.3;

export const capacityModes = ['ratio', 'absolute'] as const;
export const proofTypes = ['practising_certificate', 'work_id', 'employer_letter'] as const;
export const proofTypeSchema = z.enum(proofTypes);
export const policyEligibilities = ['medical_worker'] as const;

/** Opening days as ISO weekdays, e.g. '1234567' (every day) or '67' (weekends). */
const openingDaysSchema = z.string().regex(/^[1-7]{1,7}$/, 'venues.invalid.opening_days');
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'venues.invalid.time');

const venueFields = {
  name: z.string().trim().min(1, 'validation.required').max(100),
  kind: venueKindSchema,
  regionCode: z.string().trim().min(1, 'validation.required').max(20),
  address: z.string().trim().max(200),
  phone: z.string().trim().max(30),
  normalCapacity: z.number().int().min(1).max(1_000_000),
  openingDays: openingDaysSchema,
  bookingDaysAhead: z.number().int().min(0).max(60),
  bookable: z.boolean(),
};
export const venueInputSchema = z.object({
  ...venueFields,
  address: venueFields.address.default(''),
  phone: venueFields.phone.default(''),
  openingDays: venueFields.openingDays.default('1234567'),
  bookingDaysAhead: venueFields.bookingDaysAhead.default(7),
  bookable: venueFields.bookable.default(true),
});
export type VenueInput = z.infer<typeof venueInputSchema>;
/** A change: only the fields sent are touched (no defaults, so an absent field keeps its value). */
export const venueUpdateSchema = z.object(venueFields).partial();

export const capacityRuleInputSchema = z
  .object({
    mode: z.enum(capacityModes),
    ratioPct: z.number().int().min(1).max(100).nullable().default(null),
    capacity: z.number().int().min(0).max(1_000_000).nullable().default(null),
    effectiveFrom: dateSchema,
    effectiveTo: dateSchema.nullable().default(null),
    note: z.string().trim().max(200).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.mode === 'ratio' && r.ratioPct == null)
      ctx.addIssue({ code: 'custom', path: ['ratioPct'], message: 'validation.required' });
    if (r.mode === 'absolute' && r.capacity == null)
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'validation.required' });
    if (r.effectiveTo && r.effectiveTo < r.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: 'venues.invalid.date_order' });
  });
export type CapacityRuleInput = z.infer<typeof capacityRuleInputSchema>;

export const slotInputSchema = z
  .object({
    label: z.string().trim().min(1, 'validation.required').max(50),
    startTime: timeSchema,
    endTime: timeSchema,
    capacity: z.number().int().min(1).max(1_000_000),
    active: z.boolean().default(true),
  })
  .refine((s) => s.endTime > s.startTime, { path: ['endTime'], message: 'venues.invalid.time_order' });
export type SlotInput = z.infer<typeof slotInputSchema>;

export const vehicleInputSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(50),
    count: z.number().int().min(1).max(1000).default(1),
    seats: z.number().int().min(1).max(100),
    seatLimit: z.number().int().min(0).max(100),
  })
  .refine((v) => v.seatLimit <= v.seats, { path: ['seatLimit'], message: 'venues.invalid.seat_limit' });
export type VehicleInput = z.infer<typeof vehicleInputSchema>;

export const policyInputSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(100),
    eligibility: z.enum(policyEligibilities),
    proofTypes: z.array(proofTypeSchema).min(1, 'validation.required'),
    validFrom: dateSchema,
    validTo: dateSchema,
    active: z.boolean().default(true),
  })
  .refine((p) => p.validTo >= p.validFrom, { path: ['validTo'], message: 'venues.invalid.date_order' });
export type PolicyInput = z.infer<typeof policyInputSchema>;

export const capacityRuleSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  mode: z.enum(capacityModes),
  ratioPct: z.number().int().nullable(),
  capacity: z.number().int().nullable(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string(),
  createdAt: z.string(),
});
export const slotSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  active: z.boolean(),
});
export const vehicleSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  count: z.number().int(),
  seats: z.number().int(),
  seatLimit: z.number().int(),
});
export const policySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  eligibility: z.enum(policyEligibilities),
  proofTypes: z.array(proofTypeSchema),
  validFrom: z.string(),
  validTo: z.string(),
  active: z.boolean(),
});
export type VenuePolicy = z.infer<typeof policySchema>;

export const venueSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: venueKindSchema,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  address: z.string(),
  phone: z.string(),
  normalCapacity: z.number().int(),
  /** today's capacity under the epidemic rule in force */
  capacityToday: z.number().int(),
  openingDays: z.string(),
  bookingDaysAhead: z.number().int(),
  bookable: z.boolean(),
});
export type VenueSummary = z.infer<typeof venueSummarySchema>;
export const venueDetailSchema = venueSummarySchema.extend({
  rules: z.array(capacityRuleSchema),
  slots: z.array(slotSchema),
  vehicles: z.array(vehicleSchema),
  policies: z.array(policySchema),
  abilities: z.object({ manage: z.boolean(), gate: z.boolean() }),
});
export type VenueDetail = z.infer<typeof venueDetailSchema>;
export const venueListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  kind: venueKindSchema.optional(),
});

// ---- public booking ----

export const visitorInputSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(50),
    idType: idTypeSchema,
    idNumber: z.string().trim().min(1, 'validation.required').max(30),
    policyId: z.number().int().positive().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.idType === 'id_card' && !isValidIdCard(v.idNumber))
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'validation.id_card' });
    if (v.idType !== 'id_card' && !/^[A-Za-z0-9]{5,20}$/.test(v.idNumber))
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'venues.invalid.id_document' });
  })
  .transform((v) => ({ ...v, idNumber: v.idType === 'id_card' ? normaliseIdCard(v.idNumber) : v.idNumber.toUpperCase() }));
export type VisitorInput = z.infer<typeof visitorInputSchema>;

export const mobileSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .refine((p) => isValidMobile(p), 'validation.mobile')
  .transform(normalisePhone);

/** A party of up to 10, each visitor named; the booker attests the party's health codes are green. */
export const bookingInputSchema = z.object({
  venueId: z.number().int().positive(),
  day: dateSchema,
  slotId: z.number().int().positive().nullable().optional(),
  phone: mobileSchema,
  visitors: z.array(visitorInputSchema).min(1, 'validation.required').max(10, 'venues.invalid.party_size'),
  healthAttested: z.literal(true, { message: 'venues.invalid.health_attestation' }),
});
export type BookingInput = z.infer<typeof bookingInputSchema>;

export const bookingCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{10}$/, 'venues.invalid.booking_code');
export const bookingLookupSchema = z.object({ code: bookingCodeSchema, phone: mobileSchema });
export const bookingCodeParamSchema = z.object({ code: bookingCodeSchema });

export const visitorSchema = z.object({
  id: z.number().int(),
  nameMasked: z.string(),
  idType: idTypeSchema,
  idMasked: z.string(),
  policyId: z.number().int().nullable(),
  checkinStatus: z.enum(checkinStatuses),
  admittedAt: z.string().nullable(),
});
export const bookingSchema = z.object({
  code: z.string(),
  venueId: z.number().int(),
  venueName: z.string(),
  day: z.string(),
  slotId: z.number().int().nullable(),
  slotLabel: z.string().nullable(),
  partySize: z.number().int(),
  phoneMasked: z.string(),
  channel: z.enum(bookingChannels),
  status: z.enum(bookingStatuses),
  createdAt: z.string(),
  cancelledAt: z.string().nullable(),
  visitors: z.array(visitorSchema),
});
export type Booking = z.infer<typeof bookingSchema>;

export const availabilityQuerySchema = z.object({ day: dateSchema.optional() });
export const slotAvailabilitySchema = z.object({
  slotId: z.number().int(),
  label: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  remaining: z.number().int(),
});
export const dayAvailabilitySchema = z.object({
  day: z.string(),
  open: z.boolean(),
  capacity: z.number().int(),
  remaining: z.number().int(),
});
export const availabilitySchema = z.object({
  venueId: z.number().int(),
  venueName: z.string(),
  kind: venueKindSchema,
  day: z.string(),
  open: z.boolean(),
  capacity: z.number().int(),
  remaining: z.number().int(),
  slots: z.array(slotAvailabilitySchema),
  days: z.array(dayAvailabilitySchema),
  policies: z.array(policySchema),
});
export type Availability = z.infer<typeof availabilitySchema>;

export const publicVenueSchema = venueSummarySchema.pick({
  id: true,
  name: true,
  kind: true,
  regionName: true,
  address: true,
  capacityToday: true,
  normalCapacity: true,
});
export type PublicVenue = z.infer<typeof publicVenueSchema>;

// ---- gate ----

export const gateLookupSchema = z.object({ query: z.string().trim().min(1, 'validation.required').max(30) });
export const checkinInputSchema = z.object({
  visitorId: z.number().int().positive(),
  healthCode: healthCodeSchema,
  temperature: z.number().min(34, 'venues.invalid.temperature').max(43, 'venues.invalid.temperature'),
  proofType: proofTypeSchema.nullable().optional(),
});
export type CheckinInput = z.infer<typeof checkinInputSchema>;
export const checkinResultSchema = z.object({
  outcome: z.enum(['admitted', 'refused', 'already_admitted']),
  reason: z.enum(refusalReasons).nullable(),
  message: z.string(),
  policyApplied: z.boolean(),
  admittedAt: z.string().nullable(),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;
export const gateStatsSchema = z.object({
  day: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  admitted: z.number().int(),
  refused: z.number().int(),
  /** admitted today against today's capacity, as a percentage */
  occupancyPct: z.number(),
});
export type GateStats = z.infer<typeof gateStatsSchema>;
export const venueBookingListQuerySchema = pageQuerySchema.extend({
  day: dateSchema.optional(),
  status: z.enum(bookingStatuses).optional(),
});

// ---- farm-stay guest register ----

export const guestInputSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(50),
    idType: idTypeSchema,
    idNumber: z.string().trim().min(1, 'validation.required').max(30),
    phone: mobileSchema,
    arrivalDay: dateSchema,
    departureDay: dateSchema,
    room: z.string().trim().max(30).default(''),
  })
  .superRefine((g, ctx) => {
    if (g.idType === 'id_card' && !isValidIdCard(g.idNumber))
      ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'validation.id_card' });
    if (g.departureDay < g.arrivalDay)
      ctx.addIssue({ code: 'custom', path: ['departureDay'], message: 'venues.invalid.date_order' });
  });
export type GuestInput = z.infer<typeof guestInputSchema>;
export const temperatureInputSchema = z.object({
  day: dateSchema,
  temperature: z.number().min(34, 'venues.invalid.temperature').max(43, 'venues.invalid.temperature'),
});
export const guestSchema = z.object({
  id: z.number().int(),
  nameMasked: z.string(),
  idType: idTypeSchema,
  idMasked: z.string(),
  phoneMasked: z.string(),
  arrivalDay: z.string(),
  departureDay: z.string(),
  room: z.string(),
  temperatures: z.array(z.object({ day: z.string(), temperature: z.number(), fever: z.boolean() })),
});
export type Guest = z.infer<typeof guestSchema>;
export const guestListQuerySchema = pageQuerySchema.extend({ day: dateSchema.optional() });

// partners (OTA): their keys and rate limits
export * from './venue-partners';

/** A venue's child record (slot, vehicle, policy, guest) in the URL. */
export const venueChildParamSchema = z.object({
  id: z.coerce.number().int().positive(),
  childId: z.coerce.number().int().positive(),
});

/** Who may do what in this module: each permission and the roles that hold it (composed in permissions.ts). */
export const venuesPermissions = {
  'venues.read': ['admin', 'commander', 'department', 'town', 'venue', 'venueManager'],
  'venues.manage': ['admin', 'venueManager'],
  'venues.gate': ['admin', 'venue', 'venueManager'],
  'venues.guests': ['admin', 'venue', 'venueManager'],
  'venues.partners': ['admin'],
} as const satisfies PermissionRoles;
