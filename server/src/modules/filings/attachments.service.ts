import fs from 'node:fs';
import type { Attachment, AttachmentKind } from '@fugong/contract';
import { attachmentKindSchema, attachmentLimits } from '@fugong/contract';
import type { ModuleDb } from '../../platform/module';
import type { FilingsTables } from './filings.tables';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { requirePermission } from '../../platform/permissions';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsRepo } from './filings.repo';
import { canAccess, filingAccess } from './filing-access';
import { checkUpload, openStored, storeContent } from '../../platform/files';

interface Deps {
  db: ModuleDb<FilingsTables>;
  clock: Clock;
  audit: Audit;
  repo: FilingsRepo;
  registry: Pick<RegistryService, 'getForService'>;
  dataDir: string;
}

type Row = NonNullable<Awaited<ReturnType<FilingsRepo['attachment']>>>;

export function toAttachment(r: Row): Attachment {
  return {
    id: r.id,
    kind: r.kind as AttachmentKind,
    fileName: r.fileName,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    uploadedAt: r.uploadedAt,
  };
}

/** Entity the enterprise user acts for: the one asked for if it is theirs, else their only one. */
export function ownEntityId(ctx: RequestContext, asked?: number | null): number {
  const actor = requirePermission(ctx.actor, 'filings.submit');
  const own = filingAccess(actor, 'filings.submit').entityIds;
  if (asked != null) {
    if (!own.includes(asked)) throw notFound();
    return asked;
  }
  if (own.length === 0) throw new AppError('filings.no_entity', 403);
  return own[0]!;
}

/** Plan attachments: type decided by the bytes (and agreeing with the name), size capped, stored by content hash. */
export function createAttachmentsService({ db, clock, audit, repo, registry, dataDir }: Deps) {
  return {
    async upload(
      ctx: RequestContext,
      input: { entityId?: number | null; kind: string; fileName: string; content: Buffer | null; truncated: boolean },
    ): Promise<Attachment> {
      const entityId = ownEntityId(ctx, input.entityId);
      const kind = attachmentKindSchema.safeParse(input.kind);
      if (!kind.success)
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'kind', message: 'validation.required' }]);
      const file = checkUpload(input, {
        maxBytes: attachmentLimits.maxBytes,
        types: attachmentLimits.types,
        codes: {
          tooLarge: 'filings.attachment_too_large',
          type: 'filings.attachment_type',
          missing: 'filings.attachment_missing',
        },
      });
      const entity = await registry.getForService(entityId);
      if (!entity) throw notFound();
      const sha256 = storeContent(dataDir, file.content);
      const fileName = file.fileName;
      const row = {
        entityId,
        regionPath: entity.regionPath,
        kind: kind.data,
        fileName,
        mime: file.mime,
        size: file.size,
        sha256,
        uploadedAt: clock.now().toISOString(),
        uploadedBy: ctx.actor?.id ?? null,
      };
      const id = await db.transaction().execute(async (trx) => {
        const { id } = await repo.insertAttachment(trx, row);
        await audit.record(trx, ctx, {
          action: 'filings.attachment_upload',
          targetType: 'filing_attachment',
          targetId: Number(id),
          regionPath: entity.regionPath,
          detail: { fileName, size: row.size, sha256 },
        });
        return Number(id);
      });
      return toAttachment({ ...row, id });
    },

    /** The stored file, for whoever may read filings of that entity. */
    async open(ctx: RequestContext, id: number): Promise<{ attachment: Attachment; stream: fs.ReadStream }> {
      const actor = requirePermission(ctx.actor, ctx.actor?.permissions.has('filings.read') ? 'filings.read' : 'filings.submit');
      const row = await repo.attachment(db, id);
      if (!row) throw notFound();
      const readers = [
        filingAccess(actor, 'filings.read'),
        filingAccess(actor, 'filings.submit'),
        filingAccess(actor, 'filings.onsite'),
      ];
      // attachments carry no department; a department officer reads them through its region
      if (
        !readers.some((a) =>
          canAccess(
            { ...a, clauses: a.clauses.map((c) => ({ ...c, department: null })) },
            { regionPath: row.regionPath, department: null, entityId: row.entityId },
          ),
        )
      )
        throw notFound();
      return { attachment: toAttachment(row), stream: openStored(dataDir, row.sha256) };
    },
  };
}
export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
