import type { Permission } from '@fugong/contract';

/**
 * Which permission may read each event type on the live stream: declared by each module's manifest
 * (`'reports.alert': 'reports.read'`, or `'tickets.*'` for all of a module's events). An event whose
 * type no module declared reaches nobody, so a new event cannot leak by default.
 */
const exact = new Map<string, readonly Permission[]>();

export type EventReaders = Permission | readonly Permission[];

export function declareEventPermissions(map: Readonly<Record<string, EventReaders>>): void {
  for (const [type, readers] of Object.entries(map)) {
    const perms = typeof readers === 'string' ? [readers] : readers;
    const known = exact.get(type);
    if (known && known.join() !== perms.join()) throw new Error(`event ${type} is declared twice, differently`);
    exact.set(type, perms);
  }
}

/** The permissions whose holders (each in that permission's scope) may receive the event; empty if undeclared. */
export function eventPermissions(type: string): readonly Permission[] {
  const hit = exact.get(type);
  if (hit) return hit;
  const dot = type.indexOf('.');
  return (dot > 0 ? exact.get(type.slice(0, dot) + '.*') : undefined) ?? [];
}
