// Mainland mobile numbers: 11 digits starting 13-19; a +86 / 0086 prefix and separators are tolerated.
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
}

export function isValidMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalisePhone(raw));
}
