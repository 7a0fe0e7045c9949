import type { FastifyInstance } from 'fastify';
import type { Services } from '../services';
import { regionsRoutes } from './regions/regions.routes';
import { authRoutes } from './users/auth.routes';
import { usersRoutes } from './users/users.routes';
import { auditRoutes } from './audit/audit.routes';
import { registryRoutes } from './registry/registry.routes';
import { filingsRoutes } from './filings/filings.routes';
import { reportsRoutes } from './reports/reports.routes';
import { dashboardRoutes } from './dashboard/dashboard.routes';
import { venuesRoutes } from './venues/venues.routes';
import { ticketsRoutes } from './tickets/tickets.routes';
import { complaintsRoutes } from './complaints/complaints.routes';
import { liaisonRoutes } from './liaison/liaison.routes';
import { enforcementRoutes } from './enforcement/enforcement.routes';
import { peopleRoutes } from './people/people.routes';
import { passesRoutes } from './passes/passes.routes';
import { isolationRoutes } from './isolation/isolation.routes';

/** Each module's routes; adding a module is one line here and one in services.ts. */
export const moduleRoutes: ((app: FastifyInstance, s: Services) => void)[] = [
  regionsRoutes,
  authRoutes,
  usersRoutes,
  auditRoutes,
  registryRoutes,
  filingsRoutes,
  reportsRoutes,
  dashboardRoutes,
  venuesRoutes,
  ticketsRoutes,
  complaintsRoutes,
  liaisonRoutes,
  enforcementRoutes,
  peopleRoutes,
  passesRoutes,
  isolationRoutes,
];
