import type { Generated } from 'kysely';

export interface JobFairTable {
  id: Generated<number>;
  name: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  /** the organising department (labour 人社局 unless an admin names another) */
  organiser: string;
  regionCode: string;
  regionPath: string;
  description: string | null;
  /** random, for the public page and its QR code */
  token: string;
  createdBy: number | null;
  createdAt: string;
}

/** Visits to a fair's public page: one counter row per fair and day, raised by an upsert. */
export interface JobFairVisitDayTable {
  fairId: number;
  day: string;
  visits: number;
}

export interface JobPostingTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  fairId: number | null;
  title: string;
  places: number;
  /** raised only by a conditional update `where hired < places` */
  hired: number;
  payMinFen: number;
  payMaxFen: number;
  regionCode: string;
  regionPath: string;
  requirements: string | null;
  validUntil: string;
  status: string;
  reviewNote: string | null;
  reviewedBy: number | null;
  reviewedAt: string | null;
  /** local business day of posting, for the figures by period */
  postedOn: string;
  createdBy: number | null;
  createdAt: string;
}

export interface JobApplicationTable {
  id: Generated<number>;
  postingId: number;
  name: string;
  phoneEnc: string;
  /** unique with the posting: one application per person and posting */
  phoneHash: string;
  phoneMasked: string;
  note: string | null;
  channel: string;
  status: string;
  appliedAt: string;
  hiredOn: string | null;
  updatedAt: string;
}

export interface SharedStaffTable {
  id: Generated<number>;
  kind: string;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  headcount: number;
  /** raised only by a conditional update `where matched + n <= headcount` */
  matched: number;
  fromDate: string;
  toDate: string;
  note: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface SharedStaffPlacementTable {
  id: Generated<number>;
  offerId: number;
  requestId: number;
  lenderId: number;
  borrowerId: number;
  regionPath: string;
  headcount: number;
  fromDate: string;
  toDate: string;
  lenderConfirmedAt: string | null;
  borrowerConfirmedAt: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface TransportBatchTable {
  id: Generated<number>;
  originProvince: string;
  originCity: string;
  regionCode: string;
  regionPath: string;
  employerId: number | null;
  employerName: string | null;
  departOn: string;
  vehicle: string;
  seats: number;
  /** raised only by a conditional update `where booked < seats` */
  booked: number;
  status: string;
  arrivedOn: string | null;
  createdBy: number | null;
  createdAt: string;
}

export interface TransportPassengerTable {
  id: Generated<number>;
  batchId: number;
  name: string;
  idEnc: string;
  idHash: string;
  idMasked: string;
  phoneEnc: string;
  phoneMasked: string;
  /** the person record of the same ID number, when the people module has one */
  personId: number | null;
  createdAt: string;
}

export interface LabourIntentionTable {
  id: Generated<number>;
  regionCode: string;
  regionPath: string;
  household: string;
  personName: string;
  intention: string;
  trade: string | null;
  destination: string | null;
  surveyedOn: string;
  recordedBy: number | null;
  updatedAt: string;
}

export interface LabourTables {
  jobFair: JobFairTable;
  jobFairVisitDay: JobFairVisitDayTable;
  jobPosting: JobPostingTable;
  jobApplication: JobApplicationTable;
  sharedStaff: SharedStaffTable;
  sharedStaffPlacement: SharedStaffPlacementTable;
  transportBatch: TransportBatchTable;
  transportPassenger: TransportPassengerTable;
  labourIntention: LabourIntentionTable;
}
