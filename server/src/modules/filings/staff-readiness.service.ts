import crypto from 'node:crypto';
import QRCode from 'qrcode';
import type { Page, PublicQuiz, QuizResult, StaffMember } from '@fugong/contract';
import {
  isValidIdCard,
  isValidMobile,
  normaliseIdCard,
  normalisePhone,
  quizAnswerBodySchema,
  staffInputSchema,
} from '@fugong/contract';
import type { ModuleDb } from '../../platform/module';
import type { FilingsTables } from './filings.tables';
import type { Clock } from '../../platform/clock';
import { localDate } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { Pii } from '../../platform/pii';
import { maskIdNumber, maskName, maskPhone } from '../../platform/pii';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound, type FieldError } from '../../platform/errors';
import { parseInput } from '../../platform/http';
import { requirePermission } from '../../platform/permissions';
import type { RegistryService } from '../registry/registry.service';
import type { FilingsRepo } from './filings.repo';
import type { FilingConfigService } from './filing-config.service';
import { canAccess, filingAccess } from './filing-access';
import { ownEntityId } from './attachments.service';
import { scoreQuiz } from './quiz-scoring';

interface Deps {
  db: ModuleDb<FilingsTables>;
  clock: Clock;
  audit: Audit;
  pii: Pii;
  repo: FilingsRepo;
  registry: Pick<RegistryService, 'getForService'>;
  config: FilingConfigService;
}

type StaffRow = NonNullable<Awaited<ReturnType<FilingsRepo['staffById']>>>;

export const quizPath = (token: string) => `/p/filings/quiz/${token}`;

/**
 * Staff readiness (岗前培训考试): the enterprise lists its staff; each takes the prevention quiz on
 * a public phone page reached through an unguessable per-person link.
 */
export function createStaffReadinessService({ db, clock, audit, pii, repo, registry, config }: Deps) {
  function toMember(r: StaffRow, withLink: boolean): StaffMember {
    return {
      id: r.id,
      entityId: r.entityId,
      name: r.name,
      idMasked: r.idMasked,
      phoneMasked: r.phoneMasked,
      passed: !!r.passed,
      bestScore: r.bestScore,
      attempts: r.attempts,
      passedAt: r.passedAt,
      quizPath: withLink ? quizPath(r.quizToken) : null,
    };
  }

  /** The enterprise's own staff, or (for a reviewer) the staff of an entity in its region. */
  async function viewable(ctx: RequestContext, entityId?: number): Promise<{ entityId: number; own: boolean }> {
    const actor = ctx.actor;
    if (!actor) throw new AppError('auth.required', 401);
    const own = filingAccess(actor, 'filings.submit').entityIds;
    if (entityId == null || own.includes(entityId)) return { entityId: ownEntityId(ctx, entityId), own: true };
    requirePermission(actor, 'filings.read');
    const entity = await registry.getForService(entityId);
    const access = filingAccess(actor, 'filings.read');
    const byRegion = { ...access, clauses: access.clauses.map((c) => ({ ...c, department: null })) };
    if (!entity || !canAccess(byRegion, { regionPath: entity.regionPath, department: null, entityId })) throw notFound();
    return { entityId, own: false };
  }

  async function ownRow(ctx: RequestContext, id: number): Promise<StaffRow> {
    const actor = requirePermission(ctx.actor, 'filings.submit');
    const row = await repo.staffById(db, id);
    if (!row || !filingAccess(actor, 'filings.submit').entityIds.includes(row.entityId)) throw notFound();
    return row;
  }

  return {
    async list(ctx: RequestContext, q: { entityId?: number; page: number; pageSize: number }): Promise<Page<StaffMember>> {
      const v = await viewable(ctx, q.entityId);
      const l = repo.staff(db, v.entityId, (q.page - 1) * q.pageSize, q.pageSize);
      const [{ n }, rows] = await Promise.all([l.count(), l.rows()]);
      return { items: rows.map((r) => toMember(r, v.own)), total: Number(n), page: q.page, pageSize: q.pageSize };
    },

    async add(ctx: RequestContext, input: unknown): Promise<StaffMember> {
      const body = parseInput(staffInputSchema, input, ctx);
      const entityId = ownEntityId(ctx);
      const fields: FieldError[] = [];
      const idNumber = normaliseIdCard(body.idNumber);
      if (!isValidIdCard(idNumber, localDate(clock.now()))) fields.push({ field: 'idNumber', message: 'validation.id_card' });
      if (!isValidMobile(body.phone)) fields.push({ field: 'phone', message: 'validation.mobile' });
      if (fields.length) throw new AppError('common.validation_failed', 400, {}, fields);
      const phone = normalisePhone(body.phone);
      const entity = await registry.getForService(entityId);
      if (!entity) throw notFound();
      const row = {
        entityId,
        regionPath: entity.regionPath,
        name: body.name,
        idEnc: pii.encrypt(idNumber),
        idHash: pii.hash(idNumber),
        idMasked: maskIdNumber(idNumber),
        phoneEnc: pii.encrypt(phone),
        phoneMasked: maskPhone(phone),
        quizToken: crypto.randomBytes(24).toString('base64url'),
        passed: 0,
        bestScore: null,
        attempts: 0,
        passedAt: null,
        createdAt: clock.now().toISOString(),
      };
      try {
        const id = await db.transaction().execute(async (trx) => {
          const { id } = await repo.insertStaff(trx, row);
          await audit.record(trx, ctx, {
            action: 'filings.staff_add',
            targetType: 'filing_staff',
            targetId: Number(id),
            regionPath: entity.regionPath,
          });
          return Number(id);
        });
        return toMember({ ...row, id }, true);
      } catch (err) {
        // the (entity, id hash) unique key decides a duplicate, even between two concurrent adds
        if (/unique|duplicate/i.test(String((err as Error).message)))
          throw new AppError('filings.staff_duplicate', 409, {}, [{ field: 'idNumber', message: 'filings.staff_duplicate' }]);
        throw err;
      }
    },

    async remove(ctx: RequestContext, id: number): Promise<void> {
      const row = await ownRow(ctx, id);
      await db.transaction().execute(async (trx) => {
        await repo.deleteStaff(trx, id);
        await audit.record(trx, ctx, {
          action: 'filings.staff_remove',
          targetType: 'filing_staff',
          targetId: id,
          regionPath: row.regionPath,
        });
      });
    },

    /** The quiz link as a QR image, for printing or showing on the enterprise's phone. */
    async qr(ctx: RequestContext, id: number, origin: string): Promise<{ url: string; dataUrl: string }> {
      const row = await ownRow(ctx, id);
      const url = origin.replace(/\/$/, '') + quizPath(row.quizToken);
      return { url, dataUrl: await QRCode.toDataURL(url, { margin: 1, width: 240, errorCorrectionLevel: 'M' }) };
    },

    async publicQuiz(token: string): Promise<PublicQuiz> {
      const row = await repo.staffByToken(db, token);
      if (!row) throw notFound();
      const [cfg, entity] = await Promise.all([config.current(), registry.getForService(row.entityId)]);
      return {
        entityName: entity?.name ?? '',
        staffName: maskName(row.name),
        passMark: cfg.config.quiz.passMark,
        passed: !!row.passed,
        questions: cfg.config.quiz.questions.map((q) => ({ text: q.text, options: q.options })),
      };
    },

    async answer(ctx: RequestContext, token: string, input: unknown): Promise<QuizResult> {
      const { answers } = parseInput(quizAnswerBodySchema, input, ctx);
      const row = await repo.staffByToken(db, token);
      if (!row) throw notFound();
      const cfg = await config.current();
      const n = cfg.config.quiz.questions.length;
      if (answers.length !== n)
        throw new AppError('filings.quiz_answers', 400, { n }, [{ field: 'answers', message: 'filings.quiz_answers' }]);
      const r = scoreQuiz(cfg.config.quiz, answers);
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.recordAttempt(trx, row.id, { configVersion: cfg.version, score: r.score, passed: r.passed, answers, at });
        await audit.record(trx, ctx, {
          action: 'filings.quiz_attempt',
          targetType: 'filing_staff',
          targetId: row.id,
          regionPath: row.regionPath,
          detail: { score: r.score, passed: r.passed },
        });
      });
      return { score: r.score, passMark: cfg.config.quiz.passMark, passed: r.passed, correct: r.correct, total: r.total };
    },
  };
}
export type StaffReadinessService = ReturnType<typeof createStaffReadinessService>;
