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

/** A module's permission table: `<module>.<action>` → the roles that hold it. */
export type PermissionRoles = Readonly<Record<`${string}.${string}`, readonly Role[]>>;
