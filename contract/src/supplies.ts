import { z } from 'zod';
import { dateSchema, pageQuerySchema } from './common';
import type { PermissionRoles } from './roles';

/**
 * 防疫物资: catalogue, stock points (district/town reserves, producers with production lines),
 * enterprise declarations, the demand list 需求清单, allocations 调配 with delivery, the ledger 台账.
 * Every unit is a counted one (masks, guns, bottles, suits, pairs), so quantities are whole numbers.
 */
export const supplyUnits = ['piece', 'box', 'bottle', 'barrel', 'set', 'pair'] as const;
export const supplyUnitSchema = z.enum(supplyUnits);
export type SupplyUnit = z.infer<typeof supplyUnitSchema>;

/** daily: consumed per person per day (masks); holding: kept per person once (thermometer guns). */
export const normKinds = ['daily', 'holding'] as const;
export const normKindSchema = z.enum(normKinds);

export const stockPointKinds = ['district_reserve', 'town_reserve', 'producer'] as const;
export const stockPointKindSchema = z.enum(stockPointKinds);
export type StockPointKind = z.infer<typeof stockPointKindSchema>;

export const lineStatuses = ['running', 'idle', 'building'] as const;
export const lineStatusSchema = z.enum(lineStatuses);

/** open: still needs allocating; allocated: fully allocated, not all received; met; cancelled. */
export const demandStatuses = ['open', 'allocated', 'met', 'cancelled'] as const;
export const demandStatusSchema = z.enum(demandStatuses);
export type DemandStatus = z.infer<typeof demandStatusSchema>;
export const openDemandStatuses = ['open', 'allocated'] as const;

export const demandSources = ['declaration', 'daily_report', 'ticket', 'visit', 'staff'] as const;
export const demandSourceSchema = z.enum(demandSources);

export const allocationStatuses = ['allocated', 'dispatched', 'received'] as const;
export const allocationStatusSchema = z.enum(allocationStatuses);
export type AllocationStatus = z.infer<typeof allocationStatusSchema>;

/** Ledger movement kinds; allocation rows are written by allocations only, the rest by officers. */
export const movementKinds = ['purchase', 'donation', 'production', 'allocation', 'return', 'write_off'] as const;
export const movementKindSchema = z.enum(movementKinds);
export type MovementKind = z.infer<typeof movementKindSchema>;
export const recordedMovementKinds = ['purchase', 'donation', 'production', 'return', 'write_off'] as const;

export const SUPPLY_QTY_MAX = 100_000_000;
/** A whole, non-negative count in the item's unit. */
export const quantitySchema = z
  .number({ message: 'supplies.quantity_number' })
  .int('supplies.quantity_whole')
  .min(0, 'supplies.quantity_negative')
  .max(SUPPLY_QTY_MAX, 'supplies.quantity_too_large');
export const positiveQuantitySchema = quantitySchema.refine((n) => n > 0, 'supplies.quantity_positive');

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) =>
  text(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const supplyItemSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  unit: supplyUnitSchema,
  packSize: z.number().int(),
  /** per 100 people: 200 masks a day = 2 per person per day */
  normPer100: z.number().int(),
  normKind: normKindSchema,
  active: z.boolean(),
});
export type SupplyItem = z.infer<typeof supplyItemSchema>;
export const supplyItemBodySchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,32}$/, 'supplies.item_code'),
  name: text(50).min(1, 'validation.required'),
  unit: supplyUnitSchema,
  packSize: z.number().int('supplies.quantity_whole').min(1, 'supplies.quantity_positive').max(100_000),
  normPer100: z.number().int('supplies.quantity_whole').min(0, 'supplies.quantity_negative').max(100_000),
  normKind: normKindSchema,
  active: z.boolean().default(true),
});
export type SupplyItemBody = z.input<typeof supplyItemBodySchema>;

export const supplySettingsSchema = z.object({
  /** stock (declared or reported) covering fewer days than this puts the entity on the demand list */
  shortageDays: z.number().int('supplies.quantity_whole').min(1, 'supplies.quantity_positive').max(60),
});
export type SupplySettings = z.infer<typeof supplySettingsSchema>;

export const itemBalanceSchema = z.object({ itemId: z.number().int(), onHand: z.number().int() });
export const productionLineSchema = z.object({
  id: z.number().int(),
  stockPointId: z.number().int(),
  itemId: z.number().int(),
  itemName: z.string(),
  name: z.string(),
  dailyCapacity: z.number().int(),
  status: lineStatusSchema,
});
export type ProductionLine = z.infer<typeof productionLineSchema>;
export const stockPointSchema = z.object({
  id: z.number().int(),
  kind: stockPointKindSchema,
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  entityId: z.number().int().nullable(),
  balances: z.array(itemBalanceSchema),
  lines: z.array(productionLineSchema),
});
export type StockPoint = z.infer<typeof stockPointSchema>;
export const stockPointBodySchema = z
  .object({
    kind: stockPointKindSchema,
    name: text(100).min(1, 'validation.required'),
    regionCode: text(20).min(1, 'validation.required'),
    entityId: id.nullish(),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'producer' && !b.entityId)
      ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'supplies.producer_entity' });
  });
export const stockPointQuerySchema = pageQuerySchema.extend({
  kind: stockPointKindSchema.optional(),
  regionCode: z.string().max(20).optional(),
  q: z.string().trim().max(50).optional(),
  /** balances as of the end of this day, from the ledger */
  asOf: dateSchema.optional(),
});
export const productionLineBodySchema = z.object({
  itemId: id,
  name: text(100).min(1, 'validation.required'),
  dailyCapacity: quantitySchema,
  status: lineStatusSchema,
});

/** What Fugong proposes for a declaration: staff on duty (latest daily report) × norm × days. */
export const declarationProposalSchema = z.object({
  entityId: z.number().int(),
  entityName: z.string(),
  staffOnDuty: z.number().int().nullable(),
  reportDate: z.string().nullable(),
  supplyDaysLeft: z.number().int().nullable(),
  days: z.number().int(),
  items: z.array(z.object({ itemId: z.number().int(), proposed: z.number().int().nullable() })),
});
export type DeclarationProposal = z.infer<typeof declarationProposalSchema>;
export const proposalQuerySchema = z.object({
  entityId: z.coerce.number().int().positive().optional(),
  days: z.coerce.number().int().min(1).max(60).default(7),
});

export const DECLARATION_DAYS_MAX = 60;
export const declarationBodySchema = z.object({
  /** the enterprise's own entity when omitted */
  entityId: id.optional(),
  days: z
    .number({ message: 'supplies.quantity_number' })
    .int('supplies.quantity_whole')
    .min(1, 'supplies.quantity_positive')
    .max(DECLARATION_DAYS_MAX, 'supplies.days_too_many'),
  lines: z
    .array(z.object({ itemId: id, stock: quantitySchema, need: quantitySchema }))
    .min(1, 'supplies.lines_required')
    .max(50),
});
export type DeclarationBody = z.infer<typeof declarationBodySchema>;
export const declarationLineSchema = z.object({
  itemId: z.number().int(),
  itemName: z.string(),
  stock: z.number().int(),
  need: z.number().int(),
  proposed: z.number().int().nullable(),
  /** days the declared stock lasts at the item's norm (null: no norm or no staff known) */
  daysLeft: z.number().int().nullable(),
  demandId: z.number().int().nullable(),
});
export const declarationSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  days: z.number().int(),
  staffOnDuty: z.number().int().nullable(),
  createdAt: z.string(),
  lines: z.array(declarationLineSchema),
});
export type Declaration = z.infer<typeof declarationSchema>;
export const declarationQuerySchema = pageQuerySchema.extend({
  entityId: z.coerce.number().int().positive().optional(),
  regionCode: z.string().max(20).optional(),
});

export const demandSchema = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  itemId: z.number().int(),
  itemName: z.string(),
  unit: supplyUnitSchema,
  need: z.number().int(),
  allocated: z.number().int(),
  received: z.number().int(),
  /** still to allocate */
  remaining: z.number().int(),
  daysLeft: z.number().int().nullable(),
  status: demandStatusSchema,
  source: demandSourceSchema,
  sourceRef: z.string().nullable(),
  openedAt: z.string(),
  waitingDays: z.number().int(),
});
export type Demand = z.infer<typeof demandSchema>;
export const demandQuerySchema = pageQuerySchema.extend({
  regionCode: z.string().max(20).optional(),
  itemId: z.coerce.number().int().positive().optional(),
  status: z.enum([...demandStatuses, 'pending']).optional(),
  /** only demands whose stock lasts at most this many days */
  maxDaysLeft: z.coerce.number().int().min(0).max(365).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
});
export type DemandQuery = z.infer<typeof demandQuerySchema>;
/** One step from a ticket or a liaison visit (or by an officer): a need for one item. */
export const demandBodySchema = z.object({
  entityId: id,
  itemId: id,
  quantity: positiveQuantitySchema,
  source: z.enum(['ticket', 'visit', 'staff']).default('staff'),
  sourceRef: optText(40),
});

export const allocationSchema = z.object({
  id: z.number().int(),
  stockPointId: z.number().int(),
  stockPointName: z.string(),
  demandId: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  regionCode: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  quantity: z.number().int(),
  status: allocationStatusSchema,
  receivedQuantity: z.number().int().nullable(),
  /** received ≠ allocated */
  difference: z.boolean(),
  createdAt: z.string(),
  dispatchedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  receivedByName: z.string().nullable(),
});
export type Allocation = z.infer<typeof allocationSchema>;
export const allocateBodySchema = z.object({
  stockPointId: id,
  lines: z
    .array(z.object({ demandId: id, quantity: positiveQuantitySchema }))
    .min(1, 'supplies.lines_required')
    .max(200),
});
export type AllocateBody = z.infer<typeof allocateBodySchema>;
export const allocationQuerySchema = pageQuerySchema.extend({
  status: allocationStatusSchema.optional(),
  regionCode: z.string().max(20).optional(),
  entityId: z.coerce.number().int().positive().optional(),
  stockPointId: z.coerce.number().int().positive().optional(),
});
export const receiveBodySchema = z.object({ quantity: quantitySchema, note: optText(200) });

export const movementSchema = z.object({
  id: z.number().int(),
  stockPointId: z.number().int(),
  stockPointName: z.string(),
  itemId: z.number().int(),
  itemName: z.string(),
  kind: movementKindSchema,
  /** signed: in > 0, out < 0 */
  quantity: z.number().int(),
  onDate: z.string(),
  counterparty: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  allocationId: z.number().int().nullable(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type Movement = z.infer<typeof movementSchema>;
export const movementBodySchema = z
  .object({
    stockPointId: id,
    itemId: id,
    kind: z.enum(recordedMovementKinds),
    /** always positive; a write-off takes it out */
    quantity: positiveQuantitySchema,
    onDate: dateSchema,
    /** supplier of a purchase, donor of a donation */
    counterparty: optText(100),
    amountFen: z.number().int('supplies.quantity_whole').min(0, 'supplies.quantity_negative').max(1e12).nullish(),
    note: optText(200),
  })
  .superRefine((b, ctx) => {
    if ((b.kind === 'purchase' || b.kind === 'donation') && !b.counterparty)
      ctx.addIssue({ code: 'custom', path: ['counterparty'], message: `supplies.${b.kind}_counterparty` });
    if (b.kind === 'purchase' && b.amountFen == null)
      ctx.addIssue({ code: 'custom', path: ['amountFen'], message: 'supplies.purchase_amount' });
  });
export type MovementBody = z.input<typeof movementBodySchema>;
export const movementQuerySchema = pageQuerySchema.extend({
  stockPointId: z.coerce.number().int().positive().optional(),
  itemId: z.coerce.number().int().positive().optional(),
  kind: movementKindSchema.optional(),
  regionCode: z.string().max(20).optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
});
export type MovementQuery = z.infer<typeof movementQuerySchema>;

export const supplySummaryQuerySchema = z.object({ regionCode: z.string().max(20).optional() });
export const supplySummarySchema = z.object({
  shortageDays: z.number().int(),
  /** entities with a demand not yet met */
  shortageEntities: z.number().int(),
  openDemands: z.number().int(),
  byTown: z.array(z.object({ regionCode: z.string(), regionName: z.string(), entities: z.number().int() })),
  byItem: z.array(
    z.object({ itemId: z.number().int(), itemName: z.string(), entities: z.number().int(), remaining: z.number().int() }),
  ),
  /** reserves' stock per item and the days it covers the open demands' daily use */
  reserves: z.array(
    z.object({ itemId: z.number().int(), itemName: z.string(), onHand: z.number().int(), coverDays: z.number().nullable() }),
  ),
  productionLines: z.number().int(),
  runningLines: z.number().int(),
  dailyOutput: z.array(z.object({ itemId: z.number().int(), itemName: z.string(), capacity: z.number().int() })),
  purchasesFen: z.number().int(),
  purchases: z.number().int(),
  donations: z.number().int(),
});
export type SupplySummary = z.infer<typeof supplySummarySchema>;

/** Who may do what (composed in permissions.ts). Department officers must be of emergency or industry (checked by the service). */
export const suppliesPermissions = {
  'supplies.read': ['admin', 'commander', 'department', 'town'],
  'supplies.catalogue': ['admin'],
  'supplies.allocate': ['admin', 'department', 'town'],
  'supplies.ledger': ['admin', 'department', 'town'],
  'supplies.declare': ['enterprise'],
  'supplies.receive': ['enterprise', 'liaison'],
  'supplies.demand': ['admin', 'department', 'town', 'liaison'],
} as const satisfies PermissionRoles;

/** The departments whose officers run supplies. */
export const supplyDepartments = ['emergency', 'industry'] as const;
