import type { Guest, GuestInput, IdType, Page } from '@fugong/contract';
import { userIdsWith } from '../../platform/grants';
import { normaliseIdCard } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { maskIdNumber, maskName, maskPhone } from '../../platform/pii';
import { t } from '../../platform/i18n/index';
import type { VenuesRepo } from './venues.repo';
import type { VenueAccess, VenuesDeps } from './venue-access';
import { isFever } from './venue-rules';

/** Farm-stay guest register: stays booked by phone and entered by staff, with each guest's daily temperature. */
export function createGuestsService(deps: VenuesDeps, repo: VenuesRepo, access: VenueAccess) {
  const { db, clock, audit, events, pii, notifier } = deps;

  async function farmstay(ctx: RequestContext, venueId: number) {
    const v = await access.require(ctx, 'venues.guests', venueId);
    if (v.kind !== 'farmstay' && v.kind !== 'hotel') throw new AppError('venues.not_farmstay', 409);
    return v;
  }

  return {
    async list(ctx: RequestContext, venueId: number, f: { day?: string; page: number; pageSize: number }): Promise<Page<Guest>> {
      const v = await farmstay(ctx, venueId);
      const { items, total } = await repo.listGuests(db, { venueId: v.id, ...f });
      const temps = await repo.temperaturesOf(
        db,
        items.map((g) => g.id),
      );
      if (temps.length > 0) {
        // temperatures are health facts: showing them in clear is recorded
        await audit.record(db, ctx, {
          action: 'venues.guest_health_view',
          targetType: 'venue',
          targetId: v.id,
          regionPath: v.regionPath,
          detail: { guests: items.map((g) => g.id) },
        });
      }
      return {
        items: items.map((g) => ({
          id: g.id,
          nameMasked: g.nameMasked,
          idType: g.idType as IdType,
          idMasked: g.idMasked,
          phoneMasked: g.phoneMasked,
          arrivalDay: g.arrivalDay,
          departureDay: g.departureDay,
          room: g.room,
          temperatures: temps
            .filter((x) => x.guestId === g.id)
            .map((x) => ({ day: x.day, temperature: Number(pii.decrypt(x.temperatureEnc)), fever: !!x.fever })),
        })),
        total,
        page: f.page,
        pageSize: f.pageSize,
      };
    },

    async register(ctx: RequestContext, venueId: number, input: GuestInput): Promise<number> {
      const v = await farmstay(ctx, venueId);
      const idNumber = input.idType === 'id_card' ? normaliseIdCard(input.idNumber) : input.idNumber.toUpperCase();
      return db.transaction().execute(async (trx) => {
        const id = await repo.insertGuest(trx, {
          venueId: v.id,
          nameEnc: pii.encrypt(input.name),
          nameMasked: maskName(input.name),
          idType: input.idType,
          idEnc: pii.encrypt(idNumber),
          idHash: pii.hash(idNumber),
          idMasked: maskIdNumber(idNumber),
          phoneEnc: pii.encrypt(input.phone),
          phoneHash: pii.hash(input.phone),
          phoneMasked: maskPhone(input.phone),
          arrivalDay: input.arrivalDay,
          departureDay: input.departureDay,
          room: input.room,
          regionPath: v.regionPath,
          createdAt: clock.now().toISOString(),
          createdBy: ctx.actor?.id ?? null,
        });
        await audit.record(trx, ctx, {
          action: 'venues.guest_register',
          targetType: 'venue_guest',
          targetId: id,
          regionPath: v.regionPath,
          detail: { arrivalDay: input.arrivalDay, departureDay: input.departureDay },
        });
        return id;
      });
    },

    /** One reading a day; a fever alerts the venue's managers. */
    async recordTemperature(
      ctx: RequestContext,
      venueId: number,
      guestId: number,
      input: { day: string; temperature: number },
    ): Promise<{ fever: boolean }> {
      const v = await farmstay(ctx, venueId);
      const g = await repo.guestById(db, guestId);
      if (!g || g.venueId !== v.id) throw notFound('guest');
      if (input.day < g.arrivalDay || input.day > g.departureDay)
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'day', message: 'venues.invalid.stay_day' }]);
      const fever = isFever(input.temperature);
      const at = clock.now().toISOString();
      await db.transaction().execute(async (trx) => {
        await repo.upsertTemperature(trx, {
          guestId: g.id,
          day: input.day,
          temperatureEnc: pii.encrypt(String(input.temperature)),
          fever: fever ? 1 : 0,
          recordedBy: ctx.actor?.id ?? null,
          recordedAt: at,
        });
        await audit.record(trx, ctx, {
          action: 'venues.guest_temperature',
          targetType: 'venue_guest',
          targetId: g.id,
          regionPath: v.regionPath,
          detail: { day: input.day, fever },
        });
        if (fever) {
          const managers = await userIdsWith(trx, { role: 'venueManager', venueId: v.id });
          const title = t('zh-CN', 'venues.alert.guest_fever', { venue: v.name, temperature: input.temperature });
          await notifier.send(trx, managers, {
            kind: 'venues.guest_fever',
            title,
            body: `${g.nameMasked} ${g.room}`,
            link: `/venues/${v.id}/guests`,
          });
        }
      });
      if (fever) events.publish({ type: 'venues.guest_fever', regionPath: v.regionPath, data: { venueId: v.id, guestId: g.id } });
      return { fever };
    },
  };
}
