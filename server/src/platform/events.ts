import { EventEmitter } from 'node:events';
import type pg from 'pg';

export interface DomainEvent {
  type: string;
  /** Region path of what happened, so each subscriber only receives its own subtree. */
  regionPath: string | null;
  at: string;
  data: Record<string, unknown>;
}

export interface EventBus {
  publish(e: Omit<DomainEvent, 'at'> & { at?: string }): void;
  subscribe(fn: (e: DomainEvent) => void): () => void;
  close(): Promise<void>;
}

const CHANNEL = 'fugong_events';

/** In-process bus: enough for one SQLite node. */
export function createLocalBus(): EventBus {
  const em = new EventEmitter();
  em.setMaxListeners(0);
  return {
    publish(e) {
      em.emit('event', { ...e, at: e.at ?? new Date().toISOString() });
    },
    subscribe(fn) {
      em.on('event', fn);
      return () => em.off('event', fn);
    },
    async close() {
      em.removeAllListeners();
    },
  };
}

/**
 * PostgreSQL bus: every node LISTENs, publishing is a NOTIFY, and a node delivers
 * only what comes back from the database — so all nodes see each event exactly once.
 */
export async function createPgBus(pool: pg.Pool): Promise<EventBus> {
  const em = new EventEmitter();
  em.setMaxListeners(0);
  const client = await pool.connect();
  await client.query(`LISTEN ${CHANNEL}`);
  client.on('notification', (msg) => {
    if (msg.channel !== CHANNEL || !msg.payload) return;
    try {
      em.emit('event', JSON.parse(msg.payload));
    } catch {
      /* a malformed payload is not ours */
    }
  });
  return {
    publish(e) {
      const payload = JSON.stringify({ ...e, at: e.at ?? new Date().toISOString() });
      // NOTIFY payloads are capped at 8000 bytes; events carry ids, not documents
      pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => undefined);
    },
    subscribe(fn) {
      em.on('event', fn);
      return () => em.off('event', fn);
    },
    async close() {
      em.removeAllListeners();
      await client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      client.release();
    },
  };
}
