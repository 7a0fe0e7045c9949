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
 * A lost listening connection (database restart, network) is replaced every second until
 * it works again; events published meanwhile are not replayed (subscribers are live views).
 */
export async function createPgBus(pool: pg.Pool, opts: { onError?(err: unknown): void } = {}): Promise<EventBus> {
  const em = new EventEmitter();
  em.setMaxListeners(0);
  let current: { client: pg.PoolClient; drop(err?: Error): void } | null = null;
  let closed = false;

  async function listen(): Promise<void> {
    const c = await pool.connect();
    let released = false;
    const drop = (err?: Error) => {
      if (released) return;
      released = true;
      if (current?.client === c) current = null;
      c.release(err);
    };
    c.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      try {
        em.emit('event', JSON.parse(msg.payload));
      } catch {
        /* a malformed payload is not ours */
      }
    });
    // without a listener, an error on a checked-out client would crash the process
    c.on('error', (err) => {
      opts.onError?.(err);
      drop(err);
      retry();
    });
    try {
      await c.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      drop(err as Error);
      throw err;
    }
    if (closed) drop();
    else current = { client: c, drop };
  }
  let retrying = false;
  function retry() {
    if (closed || retrying) return;
    retrying = true;
    setTimeout(() => {
      listen().then(
        () => {
          retrying = false;
        },
        (err) => {
          opts.onError?.(err);
          retrying = false;
          retry();
        },
      );
    }, 1000).unref();
  }

  await listen();
  return {
    publish(e) {
      const payload = JSON.stringify({ ...e, at: e.at ?? new Date().toISOString() });
      // NOTIFY payloads are capped at 8000 bytes; events carry ids, not documents
      pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch((err) => opts.onError?.(err));
    },
    subscribe(fn) {
      em.on('event', fn);
      return () => em.off('event', fn);
    },
    async close() {
      closed = true;
      em.removeAllListeners();
      const cur = current;
      if (!cur) return;
      await cur.client.query(`UNLISTEN ${CHANNEL}`).catch(() => undefined);
      cur.drop();
    },
  };
}
