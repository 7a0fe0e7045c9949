import type { Generated } from 'kysely';

export interface VenueTable {
  id: Generated<number>;
  name: string;
  kind: string;
  regionCode: string;
  regionPath: string;
  address: string;
  phone: string;
  normalCapacity: number;
  openingDays: string;
  bookingDaysAhead: number;
  bookable: number;
  createdAt: string;
  updatedAt: string;
}

export interface VenueCapacityRuleTable {
  id: Generated<number>;
  venueId: number;
  version: number;
  mode: string;
  ratioPct: number | null;
  capacity: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string;
  createdAt: string;
  createdBy: number | null;
}

export interface VenueSlotTable {
  id: Generated<number>;
  venueId: number;
  label: string;
  startTime: string;
  endTime: string;
  capacity: number;
  active: number;
}

export interface VenueVehicleTable {
  id: Generated<number>;
  venueId: number;
  name: string;
  count: number;
  seats: number;
  seatLimit: number;
}

export interface VenuePolicyTable {
  id: Generated<number>;
  venueId: number;
  name: string;
  eligibility: string;
  proofTypes: string;
  validFrom: string;
  validTo: string;
  active: number;
}

export interface VenueDayCounterTable {
  venueId: number;
  day: string;
  /** 0 for the whole day */
  slotId: number;
  capacity: number;
  booked: number;
}

export interface VenuePartnerTable {
  id: Generated<number>;
  name: string;
  ratePerMinute: number;
  createdAt: string;
}

export interface VenuePartnerKeyTable {
  id: Generated<number>;
  partnerId: number;
  prefix: string;
  keyHash: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface VenuePartnerRequestTable {
  id: Generated<number>;
  partnerId: number;
  idempotencyKey: string;
  requestHash: string;
  statusCode: number;
  response: string;
  createdAt: string;
}

export interface VenueBookingTable {
  id: Generated<number>;
  code: string;
  venueId: number;
  day: string;
  slotId: number | null;
  partySize: number;
  phoneEnc: string;
  phoneHash: string;
  phoneMasked: string;
  channel: string;
  partnerId: number | null;
  status: string;
  regionPath: string;
  createdAt: string;
  cancelledAt: string | null;
}

export interface VenueVisitorTable {
  id: Generated<number>;
  bookingId: number;
  venueId: number;
  day: string;
  nameEnc: string;
  nameMasked: string;
  idType: string;
  idEnc: string;
  idHash: string;
  idMasked: string;
  policyId: number | null;
  held: number | null;
  checkinStatus: string;
  admittedAt: string | null;
}

export interface VenueCheckinTable {
  id: Generated<number>;
  venueId: number;
  day: string;
  visitorId: number;
  outcome: string;
  reason: string | null;
  healthEnc: string;
  proofType: string | null;
  policyApplied: number;
  staffId: number | null;
  at: string;
}

export interface VenueGuestTable {
  id: Generated<number>;
  venueId: number;
  nameEnc: string;
  nameMasked: string;
  idType: string;
  idEnc: string;
  idHash: string;
  idMasked: string;
  phoneEnc: string;
  phoneHash: string;
  phoneMasked: string;
  arrivalDay: string;
  departureDay: string;
  room: string;
  regionPath: string;
  createdAt: string;
  createdBy: number | null;
}

export interface VenueGuestTemperatureTable {
  id: Generated<number>;
  guestId: number;
  day: string;
  temperatureEnc: string;
  fever: number;
  recordedBy: number | null;
  recordedAt: string;
}

export interface VenuesTables {
  venue: VenueTable;
  venueCapacityRule: VenueCapacityRuleTable;
  venueSlot: VenueSlotTable;
  venueVehicle: VenueVehicleTable;
  venuePolicy: VenuePolicyTable;
  venueDayCounter: VenueDayCounterTable;
  venuePartner: VenuePartnerTable;
  venuePartnerKey: VenuePartnerKeyTable;
  venuePartnerRequest: VenuePartnerRequestTable;
  venueBooking: VenueBookingTable;
  venueVisitor: VenueVisitorTable;
  venueCheckin: VenueCheckinTable;
  venueGuest: VenueGuestTable;
  venueGuestTemperature: VenueGuestTemperatureTable;
}
