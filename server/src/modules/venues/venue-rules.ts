import { randomBytes } from '../../platform/random';
import { FEVER_THRESHOLD, type HealthCode, type RefusalReason } from '@fugong/contract';

export interface CapacityRule {
  version: number;
  mode: string;
  ratioPct: number | null;
  capacity: number | null;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The newest rule version covering the day decides; without one the venue runs at normal capacity. */
export function capacityOn(normalCapacity: number, rules: readonly CapacityRule[], day: string): number {
  let rule: CapacityRule | null = null;
  for (const r of rules) {
    if (r.effectiveFrom > day || (r.effectiveTo !== null && r.effectiveTo < day)) continue;
    if (!rule || r.version > rule.version) rule = r;
  }
  if (!rule) return normalCapacity;
  if (rule.mode === 'ratio') return Math.floor((normalCapacity * (rule.ratioPct ?? 100)) / 100);
  return rule.capacity ?? normalCapacity;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' date. */
export function isoWeekday(day: string): number {
  const d = new Date(day + 'T00:00:00Z').getUTCDay();
  return d === 0 ? 7 : d;
}

export function isOpenOn(openingDays: string, day: string): boolean {
  return openingDays.includes(String(isoWeekday(day)));
}

export function addDays(day: string, n: number): string {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

// No I, L, O, 0, 1: codes are read aloud at the gate and typed on phones.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 10 characters from 31: ~49 bits, unguessable at the public endpoints' rate limits; never derived from an id. */
export function newBookingCode(): string {
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; out.length < 10 && i < bytes.length; i++) {
    // reject the top of the byte range so every character is equally likely
    if (bytes[i]! >= 248) continue;
    out += CODE_ALPHABET[bytes[i]! % 31];
  }
  return out.length === 10 ? out : newBookingCode();
}

export interface GateFacts {
  healthCode: HealthCode;
  temperature: number;
}

/** The gate's rule: a red or yellow code, or a temperature at or above 37.3 °C, refuses; the code is checked first. */
export function gateRefusal(f: GateFacts): RefusalReason | null {
  if (f.healthCode === 'red') return 'health_code_red';
  if (f.healthCode === 'yellow') return 'health_code_yellow';
  if (f.temperature >= FEVER_THRESHOLD) return 'fever';
  return null;
}

export function isFever(temperature: number): boolean {
  return temperature >= FEVER_THRESHOLD;
}
