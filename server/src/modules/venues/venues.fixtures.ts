import { idCardCheckChar } from '@fugong/contract';

/** A valid 身份证 number for the n-th test person (distinct birth dates, correct check character). */
export function testIdCard(n: number): string {
  const birth = new Date(Date.UTC(1960, 0, 1) + n * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `120119${birth}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
}
