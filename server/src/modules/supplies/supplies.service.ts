import type { SupplyDeps } from './supply-deps';
import { createStockPart } from './stock.service';
import { createDemandPart } from './demand.service';
import { createAllocationPart } from './allocation.service';
import { createSupplyReportPart } from './supply-report.service';
import './supplies.messages';

export type { SupplyDeps } from './supply-deps';

/**
 * 防疫物资 (SPEC M6): the catalogue, stock points and the ledger (`stock.service.ts`), declarations and
 * the demand list (`demand.service.ts`), allocation and delivery (`allocation.service.ts`), the ledger
 * list, exports and dashboard figures (`supply-report.service.ts`).
 */
export function createSuppliesService(deps: SupplyDeps) {
  const stock = createStockPart(deps);
  const demand = createDemandPart(deps, stock);
  const allocation = createAllocationPart(deps, stock);
  const report = createSupplyReportPart(deps, stock, demand);
  return { ...stock, ...demand, ...allocation, ...report };
}
export type SuppliesService = ReturnType<typeof createSuppliesService>;
