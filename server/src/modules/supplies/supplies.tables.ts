import type { Generated } from 'kysely';

/** Catalogue row: edited by admins, never deleted (deactivated), so old movements keep their item. */
export interface SupplyItemTable {
  id: Generated<number>;
  code: string;
  name: string;
  unit: string;
  packSize: number;
  /** per 100 people (per day for a daily norm), so a norm of 1.5 masks a person stays an integer */
  normPer100: number;
  normKind: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface SupplySettingTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface StockPointTable {
  id: Generated<number>;
  kind: string;
  name: string;
  regionCode: string;
  regionPath: string;
  /** the registered producer (kind producer) */
  entityId: number | null;
  createdAt: string;
}

/**
 * What a stock point holds of an item now: the sum of its ledger rows, kept in the same transaction
 * as each of them, so an allocation reserves by `on_hand >= n` and never drives it negative.
 */
export interface StockTable {
  stockPointId: number;
  itemId: number;
  onHand: number;
  updatedAt: string;
}

export interface ProductionLineTable {
  id: Generated<number>;
  stockPointId: number;
  itemId: number;
  name: string;
  dailyCapacity: number;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface SupplyDeclarationTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  days: number;
  /** the proposal's basis: staff on duty of the entity's latest daily report, when there was one */
  staffOnDuty: number | null;
  reportDate: string | null;
  declaredBy: number | null;
  createdAt: string;
}

export interface SupplyDeclarationLineTable {
  id: Generated<number>;
  declarationId: number;
  itemId: number;
  stock: number;
  need: number;
  proposed: number | null;
  daysLeft: number | null;
  demandId: number | null;
}

/** An open need of one entity for one item; at most one not yet met per entity and item (partial unique index). */
export interface SupplyDemandTable {
  id: Generated<number>;
  entityId: number;
  entityName: string;
  regionCode: string;
  regionPath: string;
  itemId: number;
  need: number;
  /** allocated so far; `allocated + n <= need` is the allocation's condition */
  allocated: number;
  received: number;
  daysLeft: number | null;
  status: string;
  source: string;
  sourceRef: string | null;
  openedAt: string;
  closedAt: string | null;
  updatedAt: string;
}

export interface SupplyAllocationTable {
  id: Generated<number>;
  stockPointId: number;
  demandId: number;
  entityId: number;
  regionPath: string;
  itemId: number;
  quantity: number;
  status: string;
  receivedQuantity: number | null;
  receiveNote: string | null;
  createdBy: number | null;
  createdAt: string;
  dispatchedAt: string | null;
  receivedAt: string | null;
  receivedBy: number | null;
  receivedByName: string | null;
}

/** 台账: append-only (triggers refuse UPDATE and DELETE); quantity signed, in > 0, out < 0. */
export interface SupplyMovementTable {
  id: Generated<number>;
  stockPointId: number;
  itemId: number;
  regionPath: string;
  kind: string;
  quantity: number;
  onDate: string;
  counterparty: string | null;
  amountFen: number | null;
  allocationId: number | null;
  note: string | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

export interface SuppliesTables {
  supplyItem: SupplyItemTable;
  supplySetting: SupplySettingTable;
  stockPoint: StockPointTable;
  stock: StockTable;
  productionLine: ProductionLineTable;
  supplyDeclaration: SupplyDeclarationTable;
  supplyDeclarationLine: SupplyDeclarationLineTable;
  supplyDemand: SupplyDemandTable;
  supplyAllocation: SupplyAllocationTable;
  supplyMovement: SupplyMovementTable;
}
