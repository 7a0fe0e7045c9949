import type { Locale } from '@fugong/contract';
import { localDate } from '../../platform/clock';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { t } from '../../platform/i18n/index';
import { toXlsx, type Column } from '../../platform/excel';
import type { VenuesRepo } from './venues.repo';
import type { VenueAccess, VenuesDeps } from './venue-access';

type Health = { healthCode: string; temperature: number };

/**
 * The venue's lists as .xlsx: a day's bookings (one row per visitor), the farm-stay guest register with its
 * temperature log, and the gate's check-ins. People stay masked as on screen; health facts are in clear, so
 * every export is audited with its row count.
 */
export function createVenuesExport(deps: VenuesDeps, repo: VenuesRepo, access: VenueAccess) {
  const { db, clock, audit, pii } = deps;
  const yes = (L: Locale, b: boolean) => (b ? t(L, 'venues.yes') : '');
  const health = (enc: string): Health => JSON.parse(pii.decrypt(enc)) as Health;

  async function audited(
    ctx: RequestContext,
    v: { id: number; regionPath: string },
    what: string,
    day: string | null,
    rows: number,
  ) {
    await audit.record(db, ctx, {
      action: `venues.export_${what}`,
      targetType: 'venue',
      targetId: v.id,
      regionPath: v.regionPath,
      detail: { day, rows },
    });
  }

  return {
    /** A day's visitors: booking, slot, masked person, booking status, gate result, and the last health check that day. */
    async bookings(ctx: RequestContext, venueId: number, dayAsked?: string): Promise<{ name: string; file: Buffer }> {
      const v = await access.require(ctx, 'venues.gate', venueId);
      const day = dayAsked ?? localDate(clock.now());
      const [visitors, checkins, slots] = await Promise.all([
        repo.visitorsOfDay(db, v.id, day),
        repo.checkinsOfDay(db, v.id, day),
        repo.slotsOf(db, v.id),
      ]);
      const last = new Map<number, Health>();
      for (const c of checkins) last.set(c.visitorId, health(c.healthEnc));
      const slotOf = new Map(slots.map((s) => [s.id, s.label]));
      const L = ctx.locale;
      type Row = (typeof visitors)[number];
      const columns: Column<Row>[] = [
        { header: t(L, 'venues.col.code'), width: 14, value: (r) => r.code },
        { header: t(L, 'venues.col.slot'), width: 10, value: (r) => (r.slotId ? slotOf.get(r.slotId) : '') },
        { header: t(L, 'venues.col.name'), width: 10, value: (r) => r.nameMasked },
        { header: t(L, 'venues.col.idType'), width: 14, value: (r) => t(L, `venues.idType.${r.idType}`) },
        { header: t(L, 'venues.col.idNumber'), width: 22, value: (r) => r.idMasked },
        { header: t(L, 'venues.col.phone'), width: 14, value: (r) => r.phoneMasked },
        { header: t(L, 'venues.col.channel'), width: 10, value: (r) => t(L, `venues.channel.${r.channel}`) },
        { header: t(L, 'venues.col.status'), width: 10, value: (r) => t(L, `venues.status.${r.status}`) },
        { header: t(L, 'venues.col.checkin'), width: 10, value: (r) => t(L, `venues.checkin.${r.checkinStatus}`) },
        {
          header: t(L, 'venues.col.healthCode'),
          width: 10,
          value: (r) => (last.has(r.id) ? t(L, `venues.health.${last.get(r.id)!.healthCode}`) : ''),
        },
        { header: t(L, 'venues.col.temperature'), width: 10, value: (r) => last.get(r.id)?.temperature },
      ];
      await audited(ctx, v, 'bookings', day, visitors.length);
      return { name: `bookings-${v.id}-${day}.xlsx`, file: await toXlsx(t(L, 'venues.sheet.bookings'), columns, visitors) };
    },

    /** Every check-in of a day, refusals with their reason, in the order they happened. */
    async checkins(ctx: RequestContext, venueId: number, dayAsked?: string): Promise<{ name: string; file: Buffer }> {
      const v = await access.require(ctx, 'venues.gate', venueId);
      const day = dayAsked ?? localDate(clock.now());
      const [rows, slots] = await Promise.all([repo.checkinsOfDay(db, v.id, day), repo.slotsOf(db, v.id)]);
      const slotOf = new Map(slots.map((s) => [s.id, s.label]));
      const L = ctx.locale;
      const items = rows.map((r) => ({ ...r, health: health(r.healthEnc) }));
      // times as read on the gate's clock (China, UTC+8)
      const local = (iso: string) =>
        new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
      const columns: Column<(typeof items)[number]>[] = [
        { header: t(L, 'venues.col.time'), width: 20, value: (r) => local(r.at) },
        { header: t(L, 'venues.col.code'), width: 14, value: (r) => r.code },
        { header: t(L, 'venues.col.slot'), width: 10, value: (r) => (r.slotId ? slotOf.get(r.slotId) : '') },
        { header: t(L, 'venues.col.name'), width: 10, value: (r) => r.nameMasked },
        { header: t(L, 'venues.col.idType'), width: 14, value: (r) => t(L, `venues.idType.${r.idType}`) },
        { header: t(L, 'venues.col.idNumber'), width: 22, value: (r) => r.idMasked },
        { header: t(L, 'venues.col.healthCode'), width: 10, value: (r) => t(L, `venues.health.${r.health.healthCode}`) },
        { header: t(L, 'venues.col.temperature'), width: 10, value: (r) => r.health.temperature },
        { header: t(L, 'venues.col.checkin'), width: 10, value: (r) => t(L, `venues.checkin.${r.outcome}`) },
        {
          header: t(L, 'venues.col.reason'),
          width: 36,
          value: (r) => (r.reason ? t(L, `venues.gate.${r.reason}`, { temperature: r.health.temperature, day }) : ''),
        },
        { header: t(L, 'venues.col.proof'), width: 14, value: (r) => (r.proofType ? t(L, `venues.proof.${r.proofType}`) : '') },
        { header: t(L, 'venues.col.policyApplied'), width: 8, value: (r) => yes(L, !!r.policyApplied) },
      ];
      await audited(ctx, v, 'checkins', day, items.length);
      return { name: `checkins-${v.id}-${day}.xlsx`, file: await toXlsx(t(L, 'venues.sheet.checkins'), columns, items) };
    },

    /** The guest register (staying on `day` when given), one row per temperature reading; a guest without one has a single row. */
    async guests(ctx: RequestContext, venueId: number, day?: string): Promise<{ name: string; file: Buffer }> {
      const v = await access.require(ctx, 'venues.guests', venueId);
      if (v.kind !== 'farmstay' && v.kind !== 'hotel') throw new AppError('venues.not_farmstay', 409);
      const { items } = await repo.listGuests(db, { venueId: v.id, day, page: 1, pageSize: 50_000 });
      const temps = await repo.temperaturesOf(
        db,
        items.map((g) => g.id),
      );
      type Reading = { day: string; temperature: number; fever: boolean };
      const rows = items.flatMap((g): { g: (typeof items)[number]; x: Reading | null }[] => {
        const mine = temps
          .filter((x) => x.guestId === g.id)
          .map((x) => ({ day: x.day, temperature: Number(pii.decrypt(x.temperatureEnc)), fever: !!x.fever }));
        return mine.length ? mine.map((x) => ({ g, x })) : [{ g, x: null }];
      });
      const L = ctx.locale;
      const columns: Column<(typeof rows)[number]>[] = [
        { header: t(L, 'venues.col.name'), width: 10, value: (r) => r.g.nameMasked },
        { header: t(L, 'venues.col.idType'), width: 14, value: (r) => t(L, `venues.idType.${r.g.idType}`) },
        { header: t(L, 'venues.col.idNumber'), width: 22, value: (r) => r.g.idMasked },
        { header: t(L, 'venues.col.phone'), width: 14, value: (r) => r.g.phoneMasked },
        { header: t(L, 'venues.col.room'), width: 10, value: (r) => r.g.room },
        { header: t(L, 'venues.col.arrival'), width: 12, value: (r) => r.g.arrivalDay },
        { header: t(L, 'venues.col.departure'), width: 12, value: (r) => r.g.departureDay },
        { header: t(L, 'venues.col.day'), width: 12, value: (r) => r.x?.day },
        { header: t(L, 'venues.col.temperature'), width: 10, value: (r) => r.x?.temperature },
        { header: t(L, 'venues.col.fever'), width: 8, value: (r) => yes(L, !!r.x?.fever) },
      ];
      await audited(ctx, v, 'guests', day ?? null, rows.length);
      return {
        name: `guests-${v.id}${day ? '-' + day : ''}.xlsx`,
        file: await toXlsx(t(L, 'venues.sheet.guests'), columns, rows),
      };
    },
  };
}
