/**
 * Answers that do not match the OpenAPI document (a body off its schema, a field it does not
 * declare, a status it does not list), collected while the test suite runs with `checkResponses`
 * on; the test helpers fail a test file that leaves any behind.
 */
const found: string[] = [];

export function recordMismatch(where: string, what: string): void {
  const line = `${where}: ${what}`;
  if (!found.includes(line)) found.push(line);
}

/** The mismatches seen since the last call, and forget them. */
export function takeMismatches(): string[] {
  return found.splice(0, found.length);
}
