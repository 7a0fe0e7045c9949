import { z } from 'zod';

export const roles = [
  'admin',
  'commander',
  'department',
  'town',
  'grid',
  'liaison',
  'inspector',
  'enterprise',
  'venue',
  'venueManager',
  'bank',
  'checkpoint',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Departments that tickets, filings and reviews are routed to. */
export const departments = [
  'industry', // 工信局
  'commerce', // 商务局
  'labour', // 人社局
  'culture_tourism', // 文旅局
  'health', // 卫健委
  'market_regulation', // 市场监管局
  'emergency', // 应急管理局
  'agriculture', // 农业农村局
  'finance', // 金融事务中心
  'approval', // 行政审批局
  'civil_affairs', // 民政局
  'transport', // 交通运输局
  'housing', // 住建局
] as const;
export const departmentSchema = z.enum(departments);
export type Department = z.infer<typeof departmentSchema>;

/**
 * Role → permission strings `<module>.<action>`. One table, read by the server to
 * authorise and by the web to build the menu.
 */
export const rolePermissions: Record<Role, readonly string[]> = {
  admin: [
    'tickets.read',
    'tickets.report',
    'tickets.assign',
    'tickets.whistle',
    'tickets.lead',
    'tickets.stats',
    'tickets.configure',
    'complaints.read',
    'complaints.intake',
    'complaints.handle',
    'liaison.read',
    'liaison.assign',
    'liaison.visit',
    'enforcement.read',
    'enforcement.inspect',
    'enforcement.configure',
    'users.manage',
    'users.read',
    'audit.read',
    'regions.read',
    'regions.manage',
    'registry.read',
    'registry.manage',
    'registry.import',
    'filings.read',
    'filings.review',
    'filings.configure',
    'filings.onsite',
    'reports.read',
    'reports.remind',
    'reports.review',
    'reports.convert',
    'dashboard.read',
    'people.read',
    'people.reveal',
    'people.manage',
    'passes.read',
    'passes.issue',
    'passes.revoke',
    'passes.verify',
    'passes.configure',
    'passes.checkpoints',
    'isolation.read',
    'isolation.manage',
    'isolation.configure',
    'isolation.seal',
    'isolation.screening',
    'venues.read',
    'venues.manage',
    'venues.gate',
    'venues.guests',
    'venues.partners',
  ],
  commander: [
    'regions.read',
    'audit.read',
    'registry.read',
    'filings.read',
    'dashboard.read',
    'reports.read',
    'reports.convert',
    'people.read',
    'people.reveal',
    'passes.read',
    'isolation.read',
    'venues.read',
    'tickets.read',
    'tickets.assign',
    'tickets.whistle',
    'tickets.lead',
    'tickets.stats',
    'complaints.read',
    'liaison.read',
    'enforcement.read',
  ],
  department: [
    'regions.read',
    'registry.read',
    'filings.read',
    'filings.review',
    'dashboard.read',
    'tickets.handle',
    'venues.read',
    'tickets.report',
    'tickets.stats',
  ],
  town: [
    'regions.read',
    'registry.read',
    'registry.manage',
    'registry.import',
    'filings.read',
    'filings.review',
    'reports.read',
    'reports.remind',
    'reports.convert',
    'dashboard.read',
    'people.read',
    'people.manage',
    'passes.read',
    'passes.issue',
    'passes.revoke',
    'passes.checkpoints',
    'passes.verify',
    'isolation.read',
    'isolation.manage',
    'isolation.seal',
    'isolation.screening',
    'venues.read',
    'tickets.read',
    'tickets.report',
    'tickets.assign',
    'tickets.whistle',
    'tickets.stats',
    'complaints.read',
    'complaints.intake',
    'complaints.handle',
    'liaison.read',
    'liaison.assign',
    'enforcement.read',
  ],
  grid: [
    'regions.read',
    'registry.read',
    'reports.review',
    'people.read',
    'people.manage',
    'passes.read',
    'passes.issue',
    'passes.verify',
    'isolation.read',
    'isolation.manage',
    'isolation.screening',
    'tickets.report',
  ],
  liaison: [
    'regions.read',
    'registry.read',
    'reports.review',
    'liaison.visit',
    'tickets.read',
    'tickets.report',
    'tickets.whistle',
  ],
  inspector: [
    'regions.read',
    'registry.read',
    'filings.read',
    'filings.onsite',
    'enforcement.inspect',
    'tickets.report',
    'enforcement.read',
  ],
  enterprise: ['registry.own', 'filings.submit', 'reports.submit', 'tickets.own', 'tickets.report'],
  venue: ['venues.read', 'venues.gate', 'venues.guests'],
  venueManager: ['venues.read', 'venues.gate', 'venues.manage', 'venues.guests'],
  bank: ['finance.answer'],
  // 卡点值守: volunteers and staff on duty scan passes in their region and see nothing else
  checkpoint: ['passes.verify'],
};

export function permissionsOf(rs: readonly Role[]): Set<string> {
  const out = new Set<string>();
  for (const r of rs) for (const p of rolePermissions[r]) out.add(p);
  return out;
}
