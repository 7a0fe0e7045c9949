import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type {
  EntityInputParsed,
  ImportConfirmResult,
  ImportPreview,
  ImportRowAction,
  ImportSummary,
  Locale,
} from '@fugong/contract';
import { entityInputSchema } from '@fugong/contract';
import type { Dialect } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { Pii } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { hasMessage, t, zodIssueMessage } from '../../platform/i18n/index';
import { inRegionScope, requirePermission, scopeOf, type Actor } from '../../platform/permissions';
import type { ModuleDb } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import type { RegistryTables } from './registry.tables';
import type { EntityRow, RegistryRepo } from './registry.repo';
import { changedFields, fieldsOf, identityKeysOf } from './entity-record';
import { entityCountsRepo } from './entity-counts.repo';
import {
  boolValue,
  enumFields,
  enumValue,
  fieldOfHeader,
  header,
  importColumns,
  label,
  type EnumField,
  type ImportColumnKey,
} from './entity-columns';
import { readSheet } from './import-file';

interface Deps {
  db: ModuleDb<RegistryTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  pii: Pii;
  regions: RegionsService;
  repo: RegistryRepo;
  canManage(actor: Actor | null, regionPath: string): boolean;
}

/** A row problem kept as a message key, so it is shown in whichever language the reader uses. */
interface RowError {
  field: string;
  key?: string;
  params?: Record<string, string | number>;
  text?: string;
}
interface PlannedRow {
  row: number;
  action: ImportRowAction;
  name: string | null;
  uscc: string | null;
  regionCode: string | null;
  entityId: number | null;
  errors: RowError[];
  changes: string[];
  input?: EntityInputParsed;
  regionPath?: string;
}

export const MAX_IMPORT_ROWS = 20_000;
const PREVIEW_TTL_MS = 2 * 3600_000;

const ENUMS = Object.keys(enumFields) as EnumField[];
const BOOLS = ['aboveScale', 'aboveQuota', 'fourAbove'] as const;

function localise(locale: Locale, e: RowError) {
  return { field: e.field, message: e.key ? t(locale, e.key, e.params) : (e.text ?? '') };
}

/** One spreadsheet row → a candidate entity input plus the problems found while converting it. */
function convertRow(cells: string[], columns: (ImportColumnKey | undefined)[], locale: Locale) {
  const raw: Partial<Record<ImportColumnKey, string>> = {};
  columns.forEach((key, i) => {
    if (key && cells[i]) raw[key] = cells[i];
  });
  const errors: RowError[] = [];
  const candidate: Record<string, unknown> = { ...raw };
  for (const f of ENUMS) {
    const v = raw[f];
    if (!v) {
      candidate[f] = undefined;
      continue;
    }
    const value = enumValue(f, v);
    if (!value) errors.push({ field: f, key: 'registry.import_bad_value', params: { value: v } });
    candidate[f] = value;
  }
  for (const f of BOOLS) {
    const b = boolValue(raw[f] ?? '');
    if (b === undefined) errors.push({ field: f, key: 'registry.import_bad_value', params: { value: raw[f]! } });
    candidate[f] = b ?? false;
  }
  if (raw.registeredStaff) {
    const n = Number(raw.registeredStaff.replace(/,/g, ''));
    if (!Number.isInteger(n) || n < 0) errors.push({ field: 'registeredStaff', key: 'registry.import_bad_number' });
    candidate.registeredStaff = Number.isInteger(n) && n >= 0 ? n : undefined;
  } else candidate.registeredStaff = 0;
  const parsed = entityInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '_');
      if (errors.some((e) => e.field === field)) continue;
      if (issue.code === 'too_big' && 'maximum' in issue)
        errors.push({ field, key: 'registry.import_too_long', params: { max: Number(issue.maximum) } });
      else if (hasMessage(issue.message)) errors.push({ field, key: issue.message });
      else if (issue.code === 'invalid_type' || issue.code === 'invalid_value')
        errors.push({ field, key: 'validation.required' });
      else errors.push({ field, text: zodIssueMessage(locale, issue) });
    }
  }
  return { raw, input: errors.length === 0 && parsed.success ? parsed.data : undefined, errors };
}

export function createEntityImport(deps: Deps) {
  const { db, clock, audit, pii, regions, repo } = deps;

  function importScopeOf(actor: Actor) {
    return scopeOf(actor, 'registry.import');
  }

  /** Decides per row what confirming would do, against the database as it is now. */
  async function plan(
    trxOrDb: Parameters<RegistryRepo['byIdentityKeys']>[0],
    rows: PlannedRow[],
    actor: Actor,
  ): Promise<Map<number, EntityRow>> {
    const scope = importScopeOf(actor);
    const valid = rows.filter((r) => r.input);
    const existing = [
      ...(await repo.byIdentityKeys(trxOrDb, [...new Set(valid.flatMap((r) => identityKeysOf(r.input!)))])),
      ...(await repo.byRegNos(trxOrDb, [...new Set(valid.flatMap((r) => (r.input!.regNo ? [r.input!.regNo] : [])))])),
    ];
    const byKey = new Map<string, EntityRow>();
    // every key an entity is known by: the file may add a credit code to one stored without it, or leave it out
    for (const e of existing) for (const k of identityKeysOf(e)) byKey.set(k, e);
    const matched = new Map<number, EntityRow>();
    for (const r of valid) {
      const hit = identityKeysOf(r.input!)
        .map((k) => byKey.get(k))
        .find(Boolean);
      if (!hit) {
        r.action = 'create';
        r.entityId = null;
        r.changes = [];
        continue;
      }
      if (!inRegionScope(scope, hit.regionPath)) {
        r.action = 'error';
        r.errors.push({ field: 'regionCode', key: 'registry.region_out_of_scope', params: { code: hit.regionCode } });
        continue;
      }
      r.entityId = Number(hit.id);
      // a file without the credit code never erases one the registry already knows
      if (!r.input!.uscc && hit.uscc) r.input = { ...r.input!, uscc: hit.uscc };
      r.changes = changedFields(hit, fieldsOf(r.input!, r.regionPath!, pii));
      r.action = r.changes.length ? 'update' : 'unchanged';
      matched.set(r.row, hit);
    }
    return matched;
  }

  function summarise(rows: PlannedRow[]): ImportSummary {
    const s: ImportSummary = { total: rows.length, create: 0, update: 0, unchanged: 0, error: 0 };
    for (const r of rows) s[r.action]++;
    return s;
  }

  async function loadJob(ctx: RequestContext, token: string) {
    const actor = requirePermission(ctx.actor, 'registry.import');
    const job = await repo.jobByToken(db, token);
    // a preview belongs to whoever uploaded it
    if (!job || job.createdBy !== actor.id) throw new AppError('common.not_found', 404);
    return { actor, job };
  }

  function page(
    ctx: RequestContext,
    job: { token: string; fileName: string; status: string; expiresAt: string },
    rows: PlannedRow[],
    summary: ImportSummary,
    q: { page: number; pageSize: number; only: string },
  ): ImportPreview {
    const expired = job.status === 'preview' && job.expiresAt < clock.now().toISOString();
    const picked = q.only === 'all' ? rows : rows.filter((r) => r.action === q.only);
    return {
      token: job.token,
      fileName: job.fileName,
      status: expired ? 'expired' : (job.status as ImportPreview['status']),
      summary,
      rows: picked.slice((q.page - 1) * q.pageSize, q.page * q.pageSize).map((r) => ({
        row: r.row,
        action: r.action,
        name: r.name,
        uscc: r.uscc,
        regionCode: r.regionCode,
        entityId: r.entityId,
        errors: r.errors.map((e) => localise(ctx.locale, e)),
        changes: r.changes,
      })),
      rowsTotal: picked.length,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return {
    /** Reads the file, checks every row and stores the plan; nothing is written to the registry. */
    async preview(ctx: RequestContext, file: { fileName: string; data: Buffer }): Promise<ImportPreview> {
      const actor = requirePermission(ctx.actor, 'registry.import');
      const scope = importScopeOf(actor);
      const sheet = await readSheet(file.data);
      if (!sheet)
        throw new AppError('registry.import_unreadable', 400, {}, [{ field: 'file', message: 'registry.import_unreadable' }]);
      const [head, ...body] = sheet;
      if (!head || body.length === 0)
        throw new AppError('registry.import_empty', 400, {}, [{ field: 'file', message: 'registry.import_empty' }]);
      if (body.length > MAX_IMPORT_ROWS)
        throw new AppError('registry.import_too_many_rows', 400, { max: MAX_IMPORT_ROWS }, [
          { field: 'file', message: 'registry.import_too_many_rows' },
        ]);
      const columns = head.cells.map(fieldOfHeader);
      const missing = importColumns.filter((c) => c.required && !columns.includes(c.key)).map((c) => header(ctx.locale, c.key));
      if (missing.length) {
        const columnsText = missing.join(ctx.locale === 'en' ? ', ' : '、');
        throw new AppError('registry.import_missing_columns', 400, { columns: columnsText }, [
          { field: 'file', message: 'registry.import_missing_columns' },
        ]);
      }

      const converted = body.map((line) => ({ line, ...convertRow(line.cells, columns, ctx.locale) }));
      const places = await regions.placesOf(converted.flatMap((c) => (c.raw.regionCode ? [c.raw.regionCode] : [])));
      const firstRowOf = new Map<string, number>();
      const rows: PlannedRow[] = [];
      for (const { line, raw, input, errors } of converted) {
        const r: PlannedRow = {
          row: line.row,
          action: 'error',
          name: raw.name ?? null,
          uscc: raw.uscc ? raw.uscc.toUpperCase() : null,
          regionCode: raw.regionCode ?? null,
          entityId: null,
          errors,
          changes: [],
        };
        if (raw.regionCode && !errors.some((e) => e.field === 'regionCode')) {
          const region = places.get(raw.regionCode);
          if (!region) r.errors.push({ field: 'regionCode', key: 'regions.unknown', params: { code: raw.regionCode } });
          else if (!inRegionScope(scope, region.path))
            r.errors.push({ field: 'regionCode', key: 'registry.region_out_of_scope', params: { code: raw.regionCode } });
          else r.regionPath = region.path;
        }
        if (input && r.errors.length === 0) {
          const dup = identityKeysOf(input)
            .map((k) => firstRowOf.get(k))
            .find((n) => n !== undefined);
          if (dup !== undefined)
            r.errors.push({ field: input.uscc ? 'uscc' : 'regNo', key: 'registry.import_duplicate_row', params: { row: dup } });
          else {
            for (const k of identityKeysOf(input)) firstRowOf.set(k, r.row);
            r.input = input;
          }
        }
        rows.push(r);
      }
      await plan(db, rows, actor);
      const summary = summarise(rows);
      const now = clock.now();
      const token = crypto.randomBytes(18).toString('base64url');
      await repo.deleteExpiredJobs(db, now.toISOString());
      await repo.insertJob(db, {
        token,
        createdBy: actor.id,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString(),
        fileName: file.fileName.slice(0, 200),
        status: 'preview',
        summary: JSON.stringify(summary),
        // the rows hold contact phones: at rest they are encrypted like any personal data
        rows: pii.encrypt(JSON.stringify(rows)),
        confirmedAt: null,
      });
      return page(
        ctx,
        { token, fileName: file.fileName, status: 'preview', expiresAt: new Date(now.getTime() + PREVIEW_TTL_MS).toISOString() },
        rows,
        summary,
        { page: 1, pageSize: 50, only: 'all' },
      );
    },

    async get(ctx: RequestContext, token: string, q: { page: number; pageSize: number; only: string }): Promise<ImportPreview> {
      const { job } = await loadJob(ctx, token);
      const rows = JSON.parse(pii.decrypt(job.rows)) as PlannedRow[];
      return page(ctx, job, rows, JSON.parse(job.summary) as ImportSummary, q);
    },

    /**
     * Writes every valid row in one transaction, re-planned against the database at this moment,
     * so a row already imported (by this or any earlier file) is left unchanged.
     */
    async confirm(ctx: RequestContext, token: string): Promise<ImportConfirmResult> {
      const { actor, job } = await loadJob(ctx, token);
      const now = clock.now().toISOString();
      if (job.status !== 'preview') throw new AppError('registry.import_confirmed', 409);
      if (job.expiresAt < now) throw new AppError('registry.import_expired', 409);
      const rows = (JSON.parse(pii.decrypt(job.rows)) as PlannedRow[]).filter((r) => r.input);
      const skipped = JSON.parse(job.summary).error as number;
      return db.transaction().execute(async (trx) => {
        if (!(await repo.confirmJobIf(trx, token, now))) throw new AppError('registry.import_confirmed', 409);
        for (const r of rows) r.errors = [];
        await plan(trx, rows, actor);
        const creates = rows.filter((r) => r.action === 'create');
        const updates = rows.filter((r) => r.action === 'update');
        const createRows = creates.map((r) => ({
          ...fieldsOf(r.input!, r.regionPath!, pii),
          status: 'not_resumed',
          statusChangedAt: now,
          createdAt: now,
          updatedAt: now,
        }));
        const inserted = await repo.insertMany(trx, createRows);
        const reason = t(ctx.locale, 'registry.reason.created');
        await repo.insertHistory(
          trx,
          inserted.map((e) => ({
            entityId: e.id,
            fromStatus: null,
            toStatus: 'not_resumed',
            reason,
            sourceType: 'import',
            sourceId: String(job.id),
            actorId: actor.id,
            actorName: actor.username,
            at: now,
          })),
        );
        await entityCountsRepo.addEntities(
          trx,
          inserted.map((e) => e.id),
        );
        await entityCountsRepo.trackCounts(
          trx,
          updates.map((r) => r.entityId!),
          async () => {
            for (const r of updates)
              await repo.update(trx, r.entityId!, { ...fieldsOf(r.input!, r.regionPath!, pii), updatedAt: now });
          },
        );
        const result = {
          created: inserted.length,
          updated: updates.length,
          unchanged: rows.filter((r) => r.action === 'unchanged').length,
          skipped: skipped + rows.filter((r) => r.action === 'error').length,
        };
        await audit.record(trx, ctx, {
          action: 'registry.import',
          targetType: 'entity_import',
          targetId: Number(job.id),
          detail: { fileName: job.fileName, ...result, updatedIds: updates.map((r) => r.entityId) },
        });
        return result;
      });
    },

    /** The import template: headers in the reader's language (required ones starred) and a sheet of allowed values. */
    async template(ctx: RequestContext): Promise<Buffer> {
      requirePermission(ctx.actor, 'registry.import');
      const locale = ctx.locale;
      const wb = new ExcelJS.Workbook();
      wb.creator = 'Fugong';
      const ws = wb.addWorksheet(t(locale, 'registry.template_sheet').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = importColumns.map((c) => ({
        header: header(locale, c.key) + (c.required ? '*' : ''),
        width: c.key === 'name' || c.key === 'address' ? 30 : 18,
      }));
      ws.getRow(1).font = { bold: true };
      // credit codes and region codes are text: Excel must not turn them into numbers
      for (const key of ['uscc', 'regNo', 'regionCode', 'contactPhone'] as const)
        ws.getColumn(importColumns.findIndex((c) => c.key === key) + 1).numFmt = '@';
      const values = wb.addWorksheet(t(locale, 'registry.values_sheet'));
      values.columns = ENUMS.map((f) => ({ header: header(locale, f), width: 20 }));
      values.getRow(1).font = { bold: true };
      const longest = Math.max(...ENUMS.map((f) => enumFields[f].length));
      for (let i = 0; i < longest; i++)
        values.addRow(ENUMS.map((f) => (enumFields[f][i] ? label(locale, f, enumFields[f][i]!) : '')));
      return Buffer.from(await wb.xlsx.writeBuffer());
    },
  };
}
