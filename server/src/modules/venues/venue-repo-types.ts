import type { Insertable } from 'kysely';
import type { Queryable } from '../../platform/module';
import type { VenuesTables } from './venues.tables';

export type Db = Queryable<VenuesTables>;
export type New<T extends keyof VenuesTables> = Insertable<VenuesTables[T]>;
