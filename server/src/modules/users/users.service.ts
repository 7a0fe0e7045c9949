import type { Grant, GrantInput, Locale, Me, Role, User, Department } from '@fugong/contract';
import { isValidMobile, normalisePhone } from '@fugong/contract';
import type { Dialect } from '../../db/database';
import type { Clock } from '../../platform/clock';
import type { Audit } from '../../platform/audit';
import type { Pii } from '../../platform/pii';
import { maskPhone } from '../../platform/pii';
import type { Sessions } from '../../platform/auth/sessions';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { inRegionScope, requirePermission, scopeOf } from '../../platform/permissions';
import { hashPassword, verifyPassword, burnPasswordCheck } from '../../platform/auth/passwords';
import type { RegionsService } from '../regions/regions.service';
import type { ModuleDb } from '../../platform/module';
import { usersRepo, type GrantRow } from './users.repo';
import type { UsersTables } from './users.tables';

interface Deps {
  db: ModuleDb<UsersTables>;
  dialect: Dialect;
  clock: Clock;
  audit: Audit;
  pii: Pii;
  sessions: Sessions;
  regions: RegionsService;
  lockout: { maxFailures: number; lockMinutes: number };
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  phone?: string | null;
  grants: GrantInput[];
  mustChangePassword?: boolean;
}

export function createUsersService(deps: Deps) {
  const { db, clock, audit, pii, sessions, regions } = deps;
  const repo = usersRepo(deps.dialect);

  async function toGrants(rows: GrantRow[]): Promise<Grant[]> {
    const names = await regions.namesOf(rows.map((r) => r.regionCode).filter((c): c is string => !!c));
    return rows.map((g) => ({
      id: g.id,
      role: g.role as Role,
      regionCode: g.regionCode,
      regionName: g.regionCode ? (names.get(g.regionCode) ?? null) : null,
      department: g.department as Department | null,
      entityId: g.entityId,
      venueId: g.venueId,
    }));
  }

  async function resolveGrants(inputs: GrantInput[]) {
    return Promise.all(
      inputs.map(async (g, i) => {
        const region = g.regionCode ? await regions.resolve(g.regionCode, `grants.${i}.regionCode`) : null;
        return {
          role: g.role,
          regionCode: region?.code ?? null,
          // admins act everywhere; their grant carries no subtree
          regionPath: g.role === 'admin' ? null : (region?.path ?? null),
          department: g.department ?? null,
          entityId: g.entityId ?? null,
          venueId: g.venueId ?? null,
        };
      }),
    );
  }

  function phoneFields(phone: string | null | undefined) {
    if (!phone) return { phoneEnc: null, phoneMasked: null };
    if (!isValidMobile(phone))
      throw new AppError('common.validation_failed', 400, {}, [{ field: 'phone', message: 'validation.mobile' }]);
    const p = normalisePhone(phone);
    return { phoneEnc: pii.encrypt(p), phoneMasked: maskPhone(p) };
  }

  const usernameTaken = (username: string) =>
    new AppError('users.username_taken', 409, { username }, [{ field: 'username', message: 'users.username_taken' }]);

  type UserRow = NonNullable<Awaited<ReturnType<typeof repo.byId>>>;

  /** Users with their grants, in the order given. */
  async function toUsers(rows: UserRow[]): Promise<User[]> {
    const raw = await repo.grantsOf(
      db,
      rows.map((r) => r.id),
    );
    const grants = await toGrants(raw);
    const byUser = new Map<number, Grant[]>();
    raw.forEach((g, i) => byUser.set(g.userId, [...(byUser.get(g.userId) ?? []), grants[i]!]));
    return rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      phoneMasked: r.phoneMasked,
      disabled: !!r.disabled,
      locale: r.locale as Locale,
      createdAt: r.createdAt,
      lastLoginAt: r.lastLoginAt,
      grants: byUser.get(r.id) ?? [],
    }));
  }

  /** Creates a user with grants; used by the admin API, the CLI and the demo loader. */
  async function createUser(ctx: RequestContext, input: NewUser): Promise<number> {
    const phone = phoneFields(input.phone);
    const grants = await resolveGrants(input.grants);
    const passwordHash = await hashPassword(input.password);
    return db
      .transaction()
      .execute(async (trx) => {
        if (await repo.byUsername(trx, input.username)) throw usernameTaken(input.username);
        const { id } = await repo.insert(trx, {
          username: input.username,
          displayName: input.displayName,
          passwordHash,
          ...phone,
          locale: 'zh-CN',
          disabled: 0,
          mustChangePassword: input.mustChangePassword ? 1 : 0,
          failedLogins: 0,
          lockedUntil: null,
          createdAt: clock.now().toISOString(),
          lastLoginAt: null,
        });
        await repo.replaceGrants(trx, Number(id), grants);
        await audit.record(trx, ctx, {
          action: 'users.create',
          targetType: 'user',
          targetId: Number(id),
          detail: { username: input.username, roles: grants.map((g) => g.role) },
        });
        return Number(id);
      })
      .catch((err: unknown) => {
        // the unique index decides a race between two creators of one username
        if (err instanceof AppError) throw err;
        if (/unique|duplicate/i.test(String((err as Error).message))) throw usernameTaken(input.username);
        throw err;
      });
  }

  /**
   * Many accounts sharing one initial password (hashed once), in one transaction with one audit
   * record: for bulk enrolment of cadres (e.g. a district's liaison teams) and the demo.
   */
  async function createUsers(
    ctx: RequestContext,
    inputs: Omit<NewUser, 'password' | 'phone'>[],
    password: string,
  ): Promise<number[]> {
    const passwordHash = await hashPassword(password);
    const regionCodes = [...new Set(inputs.flatMap((u) => u.grants.map((g) => g.regionCode)).filter((c): c is string => !!c))];
    const places = await regions.placesOf(regionCodes);
    const now = clock.now().toISOString();
    return db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      const grantRows = inputs.map((u) =>
        u.grants.map((g, i) => {
          const place = g.regionCode ? places.get(g.regionCode) : null;
          if (g.regionCode && !place)
            throw new AppError('common.validation_failed', 400, { code: g.regionCode }, [
              { field: `grants.${i}.regionCode`, message: 'regions.unknown' },
            ]);
          return {
            role: g.role,
            regionCode: place?.code ?? null,
            regionPath: g.role === 'admin' ? null : (place?.path ?? null),
            department: g.department ?? null,
            entityId: g.entityId ?? null,
            venueId: g.venueId ?? null,
          };
        }),
      );
      for (let i = 0; i < inputs.length; i += 200) {
        const chunk = inputs.slice(i, i + 200);
        const rows = await trx
          .insertInto('appUser')
          .values(
            chunk.map((u) => ({
              username: u.username,
              displayName: u.displayName,
              passwordHash,
              phoneEnc: null,
              phoneMasked: null,
              locale: 'zh-CN',
              disabled: 0,
              mustChangePassword: u.mustChangePassword ? 1 : 0,
              failedLogins: 0,
              lockedUntil: null,
              createdAt: now,
              lastLoginAt: null,
            })),
          )
          .returning(['id', 'username'])
          .execute();
        const idOf = new Map(rows.map((r) => [r.username, Number(r.id)]));
        const grants = chunk.flatMap((u, k) => grantRows[i + k]!.map((g) => ({ ...g, userId: idOf.get(u.username)! })));
        if (grants.length) await trx.insertInto('userGrant').values(grants).execute();
        ids.push(...chunk.map((u) => idOf.get(u.username)!));
      }
      await audit.record(trx, ctx, {
        action: 'users.create_many',
        targetType: 'user',
        detail: { count: inputs.length, roles: [...new Set(inputs.flatMap((u) => u.grants.map((g) => g.role)))] },
      });
      return ids;
    });
  }

  return {
    createUser,
    createUsers,

    async login(ctx: RequestContext, username: string, password: string, userAgent: string | null) {
      const user = await repo.byUsername(db, username);
      const now = clock.now();
      if (!user) {
        await burnPasswordCheck(password);
        throw new AppError('auth.bad_credentials', 401);
      }
      if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
        throw new AppError('auth.locked', 429, { minutes: deps.lockout.lockMinutes });
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const failures = user.failedLogins + 1;
        const lock = failures >= deps.lockout.maxFailures;
        await db.transaction().execute(async (trx) => {
          await repo.update(trx, user.id, {
            failedLogins: lock ? 0 : failures,
            lockedUntil: lock ? new Date(now.getTime() + deps.lockout.lockMinutes * 60_000).toISOString() : user.lockedUntil,
          });
          await audit.record(
            trx,
            { ...ctx, actor: null },
            { action: lock ? 'auth.locked' : 'auth.login_failed', targetType: 'user', targetId: user.id },
          );
        });
        if (lock) throw new AppError('auth.locked', 429, { minutes: deps.lockout.lockMinutes });
        throw new AppError('auth.bad_credentials', 401);
      }
      if (user.disabled) throw new AppError('auth.disabled', 403);
      const session = await sessions.create(user.id, { ip: ctx.ip, userAgent });
      await db.transaction().execute(async (trx) => {
        await repo.update(trx, user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() });
        await audit.record(
          trx,
          { ...ctx, actor: null },
          { action: 'auth.login', targetType: 'user', targetId: user.id, detail: { username } },
        );
      });
      return session;
    },

    async me(ctx: RequestContext, csrfToken: string, mustChangePassword: boolean): Promise<Me> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const user = await repo.byId(db, actor.id);
      if (!user) throw new AppError('auth.required', 401);
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        locale: user.locale as Locale,
        grants: await toGrants(await repo.grantsOf(db, [user.id])),
        permissions: [...actor.permissions].sort(),
        mustChangePassword,
        csrfToken,
      };
    },

    async changePassword(ctx: RequestContext, currentToken: string, current: string, next: string) {
      const actor = ctx.actor;
      if (!actor) throw new AppError('auth.required', 401);
      const user = await repo.byId(db, actor.id);
      if (!user || !(await verifyPassword(user.passwordHash, current))) {
        throw new AppError('common.validation_failed', 400, {}, [{ field: 'currentPassword', message: 'auth.wrong_password' }]);
      }
      const passwordHash = await hashPassword(next);
      await db.transaction().execute(async (trx) => {
        await repo.update(trx, user.id, { passwordHash, mustChangePassword: 0 });
        await audit.record(trx, ctx, { action: 'users.password_changed', targetType: 'user', targetId: user.id });
      });
      // other devices signed in with the old password are signed out
      await sessions.destroyAllFor(user.id, currentToken);
    },

    async setLocale(ctx: RequestContext, locale: Locale) {
      if (!ctx.actor) throw new AppError('auth.required', 401);
      await repo.update(db, ctx.actor.id, { locale });
      sessions.forgetUser(ctx.actor.id);
    },

    async list(ctx: RequestContext, f: { q?: string; role?: string; disabled?: boolean; page: number; pageSize: number }) {
      const actor = requirePermission(ctx.actor, 'users.read');
      const scope = scopeOf(actor, 'users.read');
      const q = repo.list(db, {
        ...f,
        underPaths: scope.all ? null : scope.regionPaths,
        offset: (f.page - 1) * f.pageSize,
        limit: f.pageSize,
      });
      const [{ n }, rows] = await Promise.all([q.count(), q.rows()]);
      const items = await toUsers(rows);
      return { items, total: Number(n), page: f.page, pageSize: f.pageSize };
    },

    async get(ctx: RequestContext, id: number): Promise<User> {
      const actor = requirePermission(ctx.actor, 'users.read');
      const scope = scopeOf(actor, 'users.read');
      const user = await repo.byId(db, id);
      if (!user) throw new AppError('common.not_found', 404);
      // visible when one of the user's grants lies inside the reader's subtrees (as in list)
      if (!scope.all && !(await repo.grantsOf(db, [id])).some((g) => inRegionScope(scope, g.regionPath))) {
        throw new AppError('common.not_found', 404);
      }
      const [dto] = await toUsers([user]);
      return dto!;
    },

    async create(ctx: RequestContext, input: NewUser) {
      requirePermission(ctx.actor, 'users.manage');
      return createUser(ctx, { ...input, mustChangePassword: true });
    },

    async update(ctx: RequestContext, id: number, patch: { displayName?: string; disabled?: boolean; grants?: GrantInput[] }) {
      const actor = requirePermission(ctx.actor, 'users.manage');
      if (patch.disabled && id === actor.id) throw new AppError('users.cannot_disable_self', 409);
      const grants = patch.grants ? await resolveGrants(patch.grants) : null;
      await db.transaction().execute(async (trx) => {
        const user = await repo.byId(trx, id);
        if (!user) throw new AppError('common.not_found', 404);
        const set: Record<string, unknown> = {};
        if (patch.displayName !== undefined) set.displayName = patch.displayName;
        if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
        if (Object.keys(set).length) await repo.update(trx, id, set);
        if (grants) await repo.replaceGrants(trx, id, grants);
        await audit.record(trx, ctx, {
          action: 'users.update',
          targetType: 'user',
          targetId: id,
          detail: { ...set, roles: grants?.map((g) => g.role) },
        });
      });
      if (patch.disabled || patch.grants) await sessions.destroyAllFor(id);
    },

    async resetPassword(ctx: RequestContext, id: number, password: string) {
      requirePermission(ctx.actor, 'users.manage');
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        const user = await repo.byId(trx, id);
        if (!user) throw new AppError('common.not_found', 404);
        await repo.update(trx, id, { passwordHash, mustChangePassword: 1, failedLogins: 0, lockedUntil: null });
        await audit.record(trx, ctx, { action: 'users.password_reset', targetType: 'user', targetId: id });
      });
      await sessions.destroyAllFor(id);
    },

    async count(): Promise<number> {
      const r = await db
        .selectFrom('appUser')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
