import type { Queryable } from '../../platform/module';
import type { ReportsOwnTables } from './reports.tables';
import type { Notifier } from '../../platform/notify';

export interface Reminder {
  userIds: number[];
  title: string;
  link: string;
}

/**
 * Where report reminders go. In-app notices today; an SMS or WeChat gateway implements the
 * same interface later and is passed to the reports service instead (or alongside).
 */
export interface ReminderChannel {
  name: string;
  deliver(db: Queryable<ReportsOwnTables>, reminders: Reminder[]): Promise<number>;
}

export function inAppReminders(notifier: Notifier): ReminderChannel {
  return {
    name: 'in_app',
    async deliver(db, reminders) {
      let n = 0;
      for (const r of reminders)
        n += await notifier.send(db, r.userIds, { kind: 'reports.reminder', title: r.title, link: r.link });
      return n;
    },
  };
}
