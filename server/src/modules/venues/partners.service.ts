import type { Booking, BookingInput, Partner } from '@fugong/contract';
import type { RequestContext } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { requirePermission } from '../../platform/permissions';
import { randomToken, sha256Hex } from '../../platform/auth/tokens';
import { isUniqueViolation, type VenuesRepo } from './venues.repo';
import type { VenuesDeps } from './venue-access';
import type { BookingService } from './booking.service';

export interface PartnerIdentity {
  partnerId: number;
  name: string;
}

const KEY_PREFIX = 'fgp_';
const invalidKey = () => new AppError('venues.partner_key_invalid', 401);

/**
 * OTA partners and their API keys. A key is shown once; only its SHA-256 is stored (keys are 192 random
 * bits, so a fast hash is enough — unlike passwords there is nothing to brute-force).
 */
export function createPartnersService(deps: VenuesDeps, repo: VenuesRepo, bookings: BookingService) {
  const { db, clock, audit } = deps;
  // the rate limiter asks for every request: remember each key's limit briefly
  const limits = new Map<string, { max: number; until: number }>();

  async function identify(
    key: string | undefined,
  ): Promise<(PartnerIdentity & { keyId: number; ratePerMinute: number; lastUsedAt: string | null }) | null> {
    if (!key || !key.startsWith(KEY_PREFIX) || key.length > 100) return null;
    const row = await repo.liveKeyByHash(db, sha256Hex(key));
    return row
      ? {
          partnerId: row.partnerId,
          name: row.name,
          keyId: row.keyId,
          ratePerMinute: row.ratePerMinute,
          lastUsedAt: row.lastUsedAt,
        }
      : null;
  }

  return {
    async list(ctx: RequestContext): Promise<Partner[]> {
      requirePermission(ctx.actor, 'venues.partners');
      const partners = await repo.partners(db);
      const keys = await repo.keysOf(
        db,
        partners.map((p) => p.id),
      );
      return partners.map((p) => ({
        id: p.id,
        name: p.name,
        ratePerMinute: p.ratePerMinute,
        createdAt: p.createdAt,
        keys: keys
          .filter((k) => k.partnerId === p.id)
          .map((k) => ({ id: k.id, prefix: k.prefix, createdAt: k.createdAt, revokedAt: k.revokedAt, lastUsedAt: k.lastUsedAt })),
      }));
    },

    async create(ctx: RequestContext, input: { name: string; ratePerMinute: number }): Promise<number> {
      requirePermission(ctx.actor, 'venues.partners');
      try {
        return await db.transaction().execute(async (trx) => {
          const id = await repo.insertPartner(trx, { ...input, createdAt: clock.now().toISOString() });
          await audit.record(trx, ctx, {
            action: 'venues.partner_create',
            targetType: 'venue_partner',
            targetId: id,
            detail: input,
          });
          return id;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('venues.partner_name_taken', 409);
        throw err;
      }
    },

    /** A new key for the partner; the clear key is in this reply and nowhere else. */
    async issueKey(ctx: RequestContext, partnerId: number): Promise<{ id: number; prefix: string; key: string }> {
      requirePermission(ctx.actor, 'venues.partners');
      if (!(await repo.partnerById(db, partnerId))) throw notFound('partner');
      const key = KEY_PREFIX + randomToken(24);
      const prefix = key.slice(0, 10);
      const id = await db.transaction().execute(async (trx) => {
        const id = await repo.insertKey(trx, {
          partnerId,
          prefix,
          keyHash: sha256Hex(key),
          createdAt: clock.now().toISOString(),
          revokedAt: null,
          lastUsedAt: null,
        });
        await audit.record(trx, ctx, {
          action: 'venues.partner_key_issue',
          targetType: 'venue_partner',
          targetId: partnerId,
          detail: { keyId: id, prefix },
        });
        return id;
      });
      return { id, prefix, key };
    },

    async revokeKey(ctx: RequestContext, partnerId: number, keyId: number): Promise<void> {
      requirePermission(ctx.actor, 'venues.partners');
      await db.transaction().execute(async (trx) => {
        if (!(await repo.revokeKey(trx, partnerId, keyId, clock.now().toISOString()))) throw notFound('key');
        await audit.record(trx, ctx, {
          action: 'venues.partner_key_revoke',
          targetType: 'venue_partner',
          targetId: partnerId,
          detail: { keyId },
        });
      });
    },

    /** The partner behind an x-api-key header, or 401. Revocation takes effect on the next request. */
    async authenticate(key: string | undefined): Promise<PartnerIdentity> {
      const p = await identify(key);
      if (!p) throw invalidKey();
      const now = clock.now();
      // last use to the minute is enough, and spares a write on every call
      if (!p.lastUsedAt || now.getTime() - new Date(p.lastUsedAt).getTime() > 60_000)
        await repo.touchKey(db, p.keyId, now.toISOString());
      return { partnerId: p.partnerId, name: p.name };
    },

    /** Requests per minute allowed for the key in the header; unknown keys get a small allowance. */
    async rateFor(key: string | undefined): Promise<number> {
      const id = key ?? '';
      const hit = limits.get(id);
      if (hit && hit.until > Date.now()) return hit.max;
      const p = await identify(key);
      const max = p?.ratePerMinute ?? 30;
      if (limits.size > 10_000) limits.clear();
      limits.set(id, { max, until: Date.now() + 30_000 });
      return max;
    },

    /**
     * A partner booking. With an Idempotency-Key, the key is claimed in the booking's own transaction and the
     * reply stored with it, so a retried request gets the first reply and never a second booking.
     */
    async book(
      ctx: RequestContext,
      partner: PartnerIdentity,
      idempotencyKey: string | undefined,
      input: BookingInput,
    ): Promise<Booking> {
      if (!idempotencyKey) return bookings.place(ctx, input, { channel: 'partner', partnerId: partner.partnerId });
      const requestHash = sha256Hex(JSON.stringify(input));
      const replay = async () => {
        const stored = await repo.storedRequest(db, partner.partnerId, idempotencyKey);
        if (!stored) return null;
        if (stored.requestHash !== requestHash) throw new AppError('venues.idempotency_mismatch', 422);
        return JSON.parse(stored.response) as Booking;
      };
      const earlier = await replay();
      if (earlier) return earlier;
      try {
        return await bookings.place(ctx, input, {
          channel: 'partner',
          partnerId: partner.partnerId,
          claim: (trx) =>
            repo.insertStoredRequest(trx, {
              partnerId: partner.partnerId,
              idempotencyKey,
              requestHash,
              statusCode: 0,
              response: '',
              createdAt: clock.now().toISOString(),
            }),
          inTransaction: (trx, booking) =>
            repo.completeStoredRequest(trx, partner.partnerId, idempotencyKey, 200, JSON.stringify(booking)),
        });
      } catch (err) {
        // a concurrent retry with the same key committed first (or took the same people): answer as it did
        if (isUniqueViolation(err) || (err instanceof AppError && err.code === 'venues.duplicate_person')) {
          const first = await replay();
          if (first) return first;
        }
        throw err;
      }
    },

    find: (partner: PartnerIdentity, code: string) => bookings.find(code, { partnerId: partner.partnerId }),
    cancel: (ctx: RequestContext, partner: PartnerIdentity, code: string) =>
      bookings.cancel(ctx, code, { partnerId: partner.partnerId }),
  };
}
export type PartnersService = ReturnType<typeof createPartnersService>;
