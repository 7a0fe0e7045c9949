import { idCardCheckChar } from '@fugong/contract';

/** A valid 身份证 number for a region prefix, birth date and sequence (check character computed). */
export function idCard(region: string, birth: string, seq: number): string {
  const first17 = region + birth + String(seq).padStart(3, '0');
  return first17 + idCardCheckChar(first17)!;
}

/** A mobile number that is unique per n and valid (1 3x …). */
export function mobile(n: number): string {
  return '139' + String(10000000 + n).slice(-8);
}
