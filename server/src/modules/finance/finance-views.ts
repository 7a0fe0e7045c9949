import type { AnswerStatus, FinancingAnswer, FinancingDetail, FinancingRequest } from '@fugong/contract';
import type { Pii } from '../../platform/pii';
import type { ModuleDb, Queryable } from '../../platform/module';
import type { RegionsService } from '../regions/regions.service';
import { answerActionsFrom } from './finance-states';
import { financeRepo as repo, type AnswerRow, type DisbursementRow, type RequestRow } from './finance.repo';
import type { FinanceTables } from './finance.tables';
import { isCentre, isRequester, type FinanceViewer } from './finance-access';

/** Requests as the API shows them: a bank sees its own answer, the enterprise and the centre every answer. */
export function createFinanceViews(deps: { db: ModuleDb<FinanceTables>; pii: Pii; regions: Pick<RegionsService, 'namesOf'> }) {
  const { db, pii, regions } = deps;

  function toAnswer(a: AnswerRow, names: Map<number, string>, tranches: DisbursementRow[], mine: boolean): FinancingAnswer {
    const status = a.status as AnswerStatus;
    return {
      id: Number(a.id),
      requestId: Number(a.requestId),
      institutionId: Number(a.institutionId),
      institutionName: names.get(Number(a.institutionId)) ?? '',
      status,
      approvedFen: a.approvedFen == null ? null : Number(a.approvedFen),
      disbursedFen: Number(a.disbursedFen),
      declineReason: a.declineReason,
      note: a.note,
      productId: a.productId == null ? null : Number(a.productId),
      accountOpenedAt: a.accountOpenedAt,
      version: Number(a.version),
      updatedAt: a.updatedAt,
      nextActions: mine ? answerActionsFrom(status) : [],
      disbursements: tranches
        .filter((d) => Number(d.answerId) === Number(a.id))
        .map((d) => ({
          id: Number(d.id),
          answerId: Number(d.answerId),
          institutionId: Number(d.institutionId),
          amountFen: Number(d.amountFen),
          disbursedOn: d.disbursedOn,
          recordedAt: d.recordedAt,
          hoursFromAccount: d.minutesFromAccount == null ? null : Math.round(Number(d.minutesFromAccount) / 6) / 10,
          confirmedAt: d.confirmedAt,
        })),
    };
  }

  async function summaries(v: FinanceViewer, rows: RequestRow[]): Promise<FinancingRequest[]> {
    const ids = rows.map((r) => Number(r.id));
    const [answers, tranches, regionNames] = await Promise.all([
      repo.answersOf(db, ids),
      repo.disbursementsOf(db, ids),
      regions.namesOf(rows.map((r) => r.regionCode)),
    ]);
    const insts = await repo.institutionsByIds(
      db,
      answers.map((a) => Number(a.institutionId)),
    );
    const names = new Map(insts.map((i) => [Number(i.id), i.name]));
    return rows.map((r) => {
      const all = isCentre(v, r.regionPath) || isRequester(v, r);
      const mine = answers.filter(
        (a) => Number(a.requestId) === Number(r.id) && (all || Number(a.institutionId) === v.institutionId),
      );
      return {
        id: Number(r.id),
        no: r.no,
        entityId: Number(r.entityId),
        entityName: r.entityName,
        regionCode: r.regionCode,
        regionName: regionNames.get(r.regionCode) ?? null,
        amountFen: Number(r.amountFen),
        purpose: r.purpose as FinancingRequest['purpose'],
        purposeNote: r.purposeNote,
        termMonths: Number(r.termMonths),
        collateral: r.collateral as FinancingRequest['collateral'],
        collateralNote: r.collateralNote,
        urgency: r.urgency as FinancingRequest['urgency'],
        exclusive: !!r.exclusive,
        routedByCentre: !!r.routedByCentre,
        whitelisted: !!r.whitelisted,
        status: r.status as FinancingRequest['status'],
        // a bank sees the sums of its own answer only
        approvedFen: all ? Number(r.approvedFen) : mine.reduce((s, a) => s + Number(a.approvedFen ?? 0), 0),
        disbursedFen: all ? Number(r.disbursedFen) : mine.reduce((s, a) => s + Number(a.disbursedFen), 0),
        takenByInstitutionId: r.takenByInstitutionId == null ? null : Number(r.takenByInstitutionId),
        firstAnswerDue: r.firstAnswerDue,
        firstAnsweredAt: r.firstAnsweredAt,
        escalationLevel: r.escalationLevel as FinancingRequest['escalationLevel'],
        createdAt: r.createdAt,
        answers: mine.map((a) => toAnswer(a, names, tranches, Number(a.institutionId) === v.institutionId)),
      };
    });
  }

  return {
    summaries,
    async detail(v: FinanceViewer, r: RequestRow): Promise<FinancingDetail> {
      const [s] = await summaries(v, [r]);
      const answers = await repo.answersOf(db, [Number(r.id)]);
      const requester = isRequester(v, r);
      const tranches = await repo.disbursementsOf(db, [Number(r.id)]);
      return {
        ...s!,
        contactName: r.contactName,
        contactPhone: pii.decrypt(r.contactPhoneEnc),
        institutionIds:
          isCentre(v, r.regionPath) || requester
            ? answers.map((a) => Number(a.institutionId))
            : s!.answers.map((a) => a.institutionId),
        abilities: {
          route: isCentre(v, r.regionPath) && r.status === 'open',
          confirm: requester && tranches.some((d) => !d.confirmedAt),
        },
      };
    },
    isWhitelisted: (entityId: number) => repo.isWhitelisted(db, entityId),
    /** Every institution declined: nobody is working on the request any more. */
    async closeIfAllDeclined(trx: Queryable<FinanceTables>, requestId: number, at: string) {
      const answers = await repo.answersOf(trx, [requestId]);
      if (answers.every((a) => a.status === 'declined')) await repo.closeRequest(trx, requestId, at);
    },
  };
}
