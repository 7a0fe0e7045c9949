import type { MenuEntry, WebModule } from '../modules/types';

export const MENU_GROUPS = ['resumption', 'prevention', 'services', 'system'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** True when the user holds the permission (any of, for an array); no permission means everyone signed in. */
export function allowed(permission: MenuEntry['permission'], held: ReadonlySet<string>): boolean {
  if (permission === undefined) return true;
  const needed = Array.isArray(permission) ? permission : [permission];
  return needed.length === 0 || needed.some((p) => held.has(p));
}

/** The menu a user sees: modules' entries they may open, grouped in a fixed group order; empty groups are left out. */
export function visibleMenu(
  modules: readonly WebModule[],
  permissions: Iterable<string>,
): { group: MenuGroup; entries: MenuEntry[] }[] {
  const held = new Set(permissions);
  const byGroup = new Map<MenuGroup, MenuEntry[]>();
  for (const m of modules)
    for (const e of m.menu ?? []) if (allowed(e.permission, held)) byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), e]);
  return MENU_GROUPS.filter((g) => byGroup.has(g)).map((group) => ({ group, entries: byGroup.get(group)! }));
}

/** The menu entry whose path is the longest prefix of the current location, for highlighting. */
export function activeEntry(pathname: string, entries: readonly MenuEntry[]): MenuEntry | undefined {
  const here = pathname.replace(/^\/+|\/+$/g, '');
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const p = e.path.replace(/^\/+|\/+$/g, '');
    const matches = p === '' ? here === '' : here === p || here.startsWith(`${p}/`);
    if (matches && (!best || p.length > best.path.replace(/^\/+|\/+$/g, '').length)) best = e;
  }
  return best;
}
