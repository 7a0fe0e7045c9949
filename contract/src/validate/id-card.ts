// 居民身份证号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence,
// ISO 7064 MOD 11-2 check character (0-9 or X).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCardCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function idCardBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** `today` (YYYY-MM-DD) bounds the birth date, so a number born tomorrow is refused. */
export function isValidIdCard(raw: string, today?: string): boolean {
  const id = raw.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (/^0/.test(id)) return false;
  const birth = idCardBirthDate(id);
  if (!birth) return false;
  if (today && birth > today) return false;
  return idCardCheckChar(id.slice(0, 17)) === id[17];
}

export function normaliseIdCard(raw: string): string {
  return raw.trim().toUpperCase();
}
