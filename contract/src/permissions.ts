import { roles, type Role } from './roles';
import { regionsPermissions } from './regions';
import { usersPermissions } from './users';
import { auditPermissions } from './audit';
import { registryPermissions } from './registry';
import { filingsPermissions } from './filings';
import { reportsPermissions } from './reports';
import { dashboardPermissions } from './dashboard';
import { ticketsPermissions } from './tickets';
import { complaintsPermissions } from './complaints';
import { liaisonPermissions } from './liaison';
import { enforcementPermissions } from './enforcement';
import { peoplePermissions } from './people';
import { passesPermissions } from './passes';
import { isolationPermissions } from './isolation';
import { venuesPermissions } from './venues';
import { suppliesPermissions } from './supplies';
import { policiesPermissions } from './policies';
import { labourPermissions } from './labour';
import { financePermissions } from './finance';
import { projectsPermissions } from './projects';

/**
 * Every permission of every module with the roles holding it. Each module declares its own table
 * in its contract file; adding a module is one line here. Read by the server to authorise and by
 * the web to build the menu.
 */
export const permissionRoles = {
  ...regionsPermissions,
  ...usersPermissions,
  ...auditPermissions,
  ...registryPermissions,
  ...filingsPermissions,
  ...reportsPermissions,
  ...dashboardPermissions,
  ...ticketsPermissions,
  ...complaintsPermissions,
  ...liaisonPermissions,
  ...enforcementPermissions,
  ...peoplePermissions,
  ...passesPermissions,
  ...isolationPermissions,
  ...venuesPermissions,
  ...suppliesPermissions,
  ...policiesPermissions,
  ...labourPermissions,
  ...financePermissions,
  ...projectsPermissions,
} as const;

/** A permission string that exists: a typo in `requirePermission(actor, 'filings.aprove')` does not compile. */
export type Permission = keyof typeof permissionRoles;
export const permissions = Object.keys(permissionRoles) as Permission[];

/** Role → its permissions, derived from the modules' tables. */
export const rolePermissions: Record<Role, readonly Permission[]> = Object.fromEntries(
  roles.map((r) => [r, permissions.filter((p) => (permissionRoles[p] as readonly Role[]).includes(r))]),
) as unknown as Record<Role, readonly Permission[]>;

export function permissionsOf(rs: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of rs) for (const p of rolePermissions[r]) out.add(p);
  return out;
}

export function isPermission(s: string): s is Permission {
  return Object.prototype.hasOwnProperty.call(permissionRoles, s);
}
