import type { FilingConfig, FilingConfigVersion, WhitelistItem } from '@fugong/contract';
import { filingConfigSchema, saveFilingConfigBodySchema } from '@fugong/contract';
import type { ModuleDb } from '../../platform/module';
import type { FilingsTables } from './filings.tables';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission } from '../../platform/permissions';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsRepo } from './filings.repo';
import { defaultFilingConfig } from './filing-config';

interface Deps {
  db: ModuleDb<FilingsTables>;
  clock: Clock;
  audit: Audit;
  repo: FilingsRepo;
  registry: Pick<RegistryService, 'getForService'>;
}

/** Versioned configuration (routes, checklists, commitment text, quiz) and the white list. */
export function createFilingConfigService({ db, clock, audit, repo, registry }: Deps) {
  const cache = new Map<number, FilingConfig>();

  function parse(raw: string): FilingConfig {
    return filingConfigSchema.parse(JSON.parse(raw));
  }

  /** The current version; the first call on an empty database writes the default as version 1. */
  async function current(): Promise<FilingConfigVersion> {
    let row = await repo.latestConfig(db);
    if (!row) {
      await repo.insertConfig(db, {
        version: 1,
        config: JSON.stringify(defaultFilingConfig),
        note: null,
        createdAt: clock.now().toISOString(),
        createdBy: null,
      });
      row = (await repo.latestConfig(db))!;
    }
    return {
      version: row.version,
      createdAt: row.createdAt,
      createdBy: row.createdBy,
      note: row.note,
      config: parse(row.config),
    };
  }

  /** A filing reads the version it was made under, so later edits never change what it committed to. */
  async function version(v: number): Promise<FilingConfig> {
    const hit = cache.get(v);
    if (hit) return hit;
    const row = await repo.configVersion(db, v);
    if (!row) throw notFound();
    const cfg = parse(row.config);
    cache.set(v, cfg); // versions never change once written
    return cfg;
  }

  return {
    current,
    version,

    async currentFor(ctx: RequestContext): Promise<FilingConfigVersion> {
      requirePermission(ctx.actor, 'filings.read');
      return current();
    },

    async versions(ctx: RequestContext) {
      requirePermission(ctx.actor, 'filings.configure');
      return repo.configVersions(db);
    },

    async save(ctx: RequestContext, input: unknown): Promise<FilingConfigVersion> {
      requirePermission(ctx.actor, 'filings.configure');
      const body = parseInput(saveFilingConfigBodySchema, input, ctx);
      const latest = await current();
      const next = latest.version + 1;
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        const r = await repo.insertConfig(trx, {
          version: next,
          config: JSON.stringify(body.config),
          note: body.note ?? null,
          createdAt: at,
          createdBy: ctx.actor?.username ?? null,
        });
        if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) throw new AppError('filings.config_race', 409);
        await audit.record(trx, ctx, {
          action: 'filings.config_save',
          targetType: 'filing_config',
          targetId: next,
          detail: { note: body.note ?? null },
        });
      });
      return {
        version: next,
        createdAt: at,
        createdBy: ctx.actor?.username ?? null,
        note: body.note ?? null,
        config: body.config,
      };
    },

    async whitelist(ctx: RequestContext): Promise<WhitelistItem[]> {
      requirePermission(ctx.actor, 'filings.read');
      return repo.whitelist(db);
    },

    async onWhitelist(entityId: number): Promise<boolean> {
      return !!(await repo.onWhitelist(db, entityId));
    },

    async addToWhitelist(ctx: RequestContext, entityId: number, reason: string): Promise<void> {
      requirePermission(ctx.actor, 'filings.configure');
      const entity = await registry.getForService(entityId);
      if (!entity) throw notFound();
      await db.transaction().execute(async (trx) => {
        await repo.addWhitelist(trx, {
          entityId,
          entityName: entity.name,
          reason,
          addedAt: clock.now().toISOString(),
          addedBy: ctx.actor?.username ?? null,
        });
        await audit.record(trx, ctx, {
          action: 'filings.whitelist_add',
          targetType: 'entity',
          targetId: entityId,
          regionPath: entity.regionPath,
          detail: { reason },
        });
      });
    },

    async removeFromWhitelist(ctx: RequestContext, entityId: number): Promise<void> {
      requirePermission(ctx.actor, 'filings.configure');
      await db.transaction().execute(async (trx) => {
        const r = await repo.removeWhitelist(trx, entityId);
        if (Number(r.numDeletedRows) === 0) throw notFound();
        await audit.record(trx, ctx, { action: 'filings.whitelist_remove', targetType: 'entity', targetId: entityId });
      });
    },
  };
}
export type FilingConfigService = ReturnType<typeof createFilingConfigService>;
