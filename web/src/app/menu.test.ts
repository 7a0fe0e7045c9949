import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@fugong/contract';
import type { WebModule } from '../modules/types';
import { activeEntry, allowed, visibleMenu } from './menu';

const mod = (name: string, menu: WebModule['menu']): WebModule => ({ name, routes: [], menu });
const modules = [
  mod('platform', [
    { path: 'system/users', labelKey: 'platform:menu.users', permission: ['users.read', 'users.manage'], group: 'system' },
    { path: 'system/audit', labelKey: 'platform:menu.audit', permission: 'audit.read', group: 'system' },
  ]),
  mod('registry', [
    { path: 'registry/entities', labelKey: 'registry:menu.entities', permission: 'registry.read', group: 'resumption' },
  ]),
  mod('passes', [{ path: 'passes/check', labelKey: 'passes:menu.check', permission: 'reports.submit', group: 'prevention' }]),
  mod('help', [{ path: 'help', labelKey: 'help:menu.help', group: 'services' }]),
];

describe('menu by permission', () => {
  it('shows an entry when any one of its permissions is held', () => {
    expect(allowed(['users.read', 'users.manage'], new Set(['users.manage']))).toBe(true);
    expect(allowed(['users.read', 'users.manage'], new Set(['audit.read']))).toBe(false);
    expect(allowed('audit.read', new Set())).toBe(false);
    expect(allowed(undefined, new Set())).toBe(true);
  });

  it('groups entries in the fixed group order and leaves out groups with nothing to show', () => {
    const menu = visibleMenu(modules, ['registry.read', 'audit.read']);
    expect(menu.map((g) => g.group)).toEqual(['resumption', 'services', 'system']);
    expect(menu.find((g) => g.group === 'system')!.entries.map((e) => e.path)).toEqual(['system/audit']);
  });

  it('gives a town officer no system administration and an admin no module they lack a permission for', () => {
    const town = visibleMenu(modules, permissionsOf(['town'])).flatMap((g) => g.entries.map((e) => e.path));
    expect(town).toContain('registry/entities');
    expect(town).not.toContain('system/users');
    expect(town).not.toContain('system/audit');
    const admin = visibleMenu(modules, permissionsOf(['admin'])).flatMap((g) => g.entries.map((e) => e.path));
    expect(admin).toEqual(expect.arrayContaining(['system/users', 'system/audit']));
    expect(admin).not.toContain('passes/check');
  });

  it('highlights the entry with the longest matching path prefix', () => {
    const entries = modules.flatMap((m) => m.menu ?? []);
    expect(activeEntry('/system/users', entries)?.path).toBe('system/users');
    expect(activeEntry('/registry/entities/42/edit', entries)?.path).toBe('registry/entities');
    expect(activeEntry('/registry/entitiesX', entries)).toBeUndefined();
    expect(activeEntry('/', entries)).toBeUndefined();
  });
});
