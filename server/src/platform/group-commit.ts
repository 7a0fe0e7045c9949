import { CompiledQuery } from 'kysely';
import type { AnyDb, AnyTrx } from '../db/schema';

// compiled once: these run around every unit of every batch
const SAVEPOINT = CompiledQuery.raw('savepoint unit');
const RELEASE = CompiledQuery.raw('release savepoint unit');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint unit');

type Work<D> = (trx: AnyTrx, defer: (item: D) => void) => Promise<unknown>;
interface Job<D> {
  work: Work<D>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/**
 * Group commit for hot, small writes (bookings under a rush): work arriving while a transaction is open
 * waits and then shares the next one, each unit inside its own savepoint. A unit that throws is rolled
 * back to its savepoint alone; the others still commit. Callers are answered only after the commit, so
 * nobody is told "done" for work that could still be lost.
 *
 * Why: every commit writes each touched page (tables and indexes) to the WAL; fifty bookings touching
 * the same pages cost one write instead of fifty. On PostgreSQL it also holds a hot counter row's lock
 * once per batch instead of once per booking.
 *
 * A unit may also hand writes to `flush` through `defer` (rows that every unit appends, sums that many
 * units add to): `flush` runs once per batch, just before the commit and inside the same transaction,
 * with the deferred items of the units that succeeded, so one statement replaces one per unit and sums
 * over the same key are written once. A failing unit's items are dropped with the rest of its work; if
 * `flush` fails, the whole batch fails, as when the commit does.
 */
export function createGroupCommit<D = never>(
  db: AnyDb,
  opts: { maxBatch?: number; flush?: (trx: AnyTrx, items: D[]) => Promise<void> } = {},
) {
  const maxBatch = opts.maxBatch ?? 64;
  const flush = opts.flush;
  let queue: Job<D>[] = [];
  let draining = false;

  async function drain() {
    try {
      while (queue.length > 0) {
        const batch = queue.slice(0, maxBatch);
        queue = queue.slice(batch.length);
        const outcomes: { ok: boolean; value: unknown }[] = [];
        try {
          await db.transaction().execute(async (trx) => {
            const deferred: D[] = [];
            for (const job of batch) {
              await trx.executeQuery(SAVEPOINT);
              const mine: D[] = [];
              try {
                const value = await job.work(trx, (item) => mine.push(item));
                await trx.executeQuery(RELEASE);
                for (const item of mine) deferred.push(item);
                outcomes.push({ ok: true, value });
              } catch (err) {
                await trx.executeQuery(ROLLBACK_TO);
                await trx.executeQuery(RELEASE);
                outcomes.push({ ok: false, value: err });
              }
            }
            if (flush && deferred.length > 0) await flush(trx, deferred);
          });
        } catch (err) {
          // the commit itself failed: nothing of this batch was written
          for (const job of batch) job.reject(err);
          continue;
        }
        batch.forEach((job, i) => (outcomes[i]!.ok ? job.resolve(outcomes[i]!.value) : job.reject(outcomes[i]!.value)));
      }
    } finally {
      draining = false;
    }
  }

  return {
    run<T>(work: (trx: AnyTrx, defer: (item: D) => void) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work: work as Work<D>, resolve: resolve as (v: unknown) => void, reject });
        if (draining) return;
        draining = true;
        // wait one turn of the event loop: requests read from the sockets in the same turn join this
        // batch. On SQLite a transaction runs start to end without yielding, so without this pause
        // every batch would hold one unit.
        setImmediate(() => void drain());
      });
    },
  };
}
export type GroupCommit = ReturnType<typeof createGroupCommit>;
