import type { StatusStyle } from './StatusTag';

/**
 * A module's value → tag style map from the colour of each value, its labels all under one i18n key
 * prefix: statusStyles<TicketStatus>('tickets:status', { collected: 'default', … }) labels
 * `collected` with 'tickets:status.collected'. Naming the value type keeps the map exhaustive.
 */
export function statusStyles<T extends string>(labelPrefix: string, colors: Record<T, string>): Record<T, StatusStyle> {
  const entries = Object.entries<string>(colors).map(([value, color]) => [value, { color, labelKey: `${labelPrefix}.${value}` }]);
  return Object.fromEntries(entries) as Record<T, StatusStyle>;
}
