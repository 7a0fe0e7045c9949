import { recordFileLimits, type RecordFile } from '@fugong/contract';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { openStored, requireRoomFor, storeUpload, toRecordFile, type Upload } from '../../platform/files';
import type { ModuleDb } from '../../platform/module';
import { scopeOf, type Actor } from '../../platform/permissions';
import type { LiaisonTables } from './liaison.tables';
import { visitRepo as repo } from './visit.repo';

interface Deps {
  db: ModuleDb<LiaisonTables>;
  clock: Clock;
  audit: Audit;
  dataDir: string;
}

const READ_PERMS = ['liaison.read', 'liaison.assign', 'liaison.visit'] as const;

/**
 * 走访照片: the liaison who logged a visit adds its photos (right after saving it, from the phone);
 * staff who may read visits in that area, and the liaison, download them.
 */
export function createVisitPhotosService({ db, clock, audit, dataDir }: Deps) {
  const visitOf = (id: number) => repo.visit(db, id);

  function mayRead(actor: Actor, v: { regionPath: string; liaisonUserId: number }): boolean {
    if (Number(v.liaisonUserId) === actor.id) return true;
    // a liaison sees the visits they logged; readers and assigners every visit in their area
    return READ_PERMS.filter((p) => p !== 'liaison.visit' && actor.permissions.has(p)).some((p) => {
      const s = scopeOf(actor, p);
      return s.all || s.regionPaths.some((path) => v.regionPath.startsWith(path));
    });
  }

  return {
    async attach(ctx: RequestContext, visitId: number, upload: Upload): Promise<RecordFile> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const v = await visitOf(visitId);
      if (!v || !mayRead(actor, v)) throw new AppError('common.not_found', 404);
      if (Number(v.liaisonUserId) !== actor.id) throw new AppError('common.forbidden', 403);
      requireRoomFor(await repo.photoCount(db, visitId), recordFileLimits.visitPhotos);
      const file = storeUpload(
        dataDir,
        upload,
        { maxBytes: recordFileLimits.maxBytes, types: recordFileLimits.publicTypes },
        actor,
        clock.now(),
      );
      const id = await db.transaction().execute(async (trx) => {
        const id = await repo.insertPhoto(trx, visitId, file);
        await audit.record(trx, ctx, {
          action: 'liaison.visit_photo',
          targetType: 'liaison_visit',
          targetId: visitId,
          regionPath: v.regionPath,
          detail: { fileId: id, fileName: file.fileName, size: file.size, sha256: file.sha256 },
        });
        return id;
      });
      return toRecordFile({ ...file, id });
    },

    async open(ctx: RequestContext, visitId: number, fileId: number) {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const v = await visitOf(visitId);
      if (!v || !mayRead(actor, v)) throw new AppError('common.not_found', 404);
      const f = await repo.photo(db, visitId, fileId);
      if (!f) throw new AppError('common.not_found', 404);
      return { file: toRecordFile(f), stream: openStored(dataDir, f.sha256) };
    },

    /** The photos of a visit, for those who may read it. */
    async list(ctx: RequestContext, visitId: number): Promise<RecordFile[]> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const v = await visitOf(visitId);
      if (!v || !mayRead(actor, v)) throw new AppError('common.not_found', 404);
      return (await repo.photos(db, visitId)).map(toRecordFile);
    },
  };
}
export type VisitPhotosService = ReturnType<typeof createVisitPhotosService>;
