import type { CheckpointKind, PassClass, PassScopeLevel, PassStatus, VerifyReason } from '@fugong/contract';

const LEVEL_DEPTH: Record<PassScopeLevel, number> = { district: 1, town: 2, community: 3 };

/**
 * The subtree a pass reaches: the holder's residence cut at the rule's level
 * ('/d/t/c/g/' at town level is '/d/t/'). A residence above that level keeps its own path.
 */
export function scopePathOf(residencePath: string, level: PassScopeLevel): string {
  const parts = residencePath.split('/').filter(Boolean);
  return '/' + parts.slice(0, Math.min(parts.length, LEVEL_DEPTH[level])).join('/') + '/';
}

export interface PassFacts {
  status: PassStatus;
  passClass: PassClass;
  validFrom: string;
  validUntil: string;
  scopePath: string;
}
export interface CheckpointFacts {
  kind: CheckpointKind;
  regionPath: string;
}

/**
 * Why a pass does not open this checkpoint today, or null when it does. The order is the order a
 * checkpoint officer would explain it: no pass, withdrawn, dates, then place.
 */
export function refusalOf(
  pass: PassFacts | null,
  cp: CheckpointFacts,
  allowedKinds: readonly CheckpointKind[],
  today: string,
): VerifyReason | null {
  if (!pass) return 'not_found';
  if (pass.status === 'revoked') return 'revoked';
  if (today < pass.validFrom) return 'not_yet_valid';
  if (today > pass.validUntil) return 'expired';
  if (!cp.regionPath.startsWith(pass.scopePath)) return 'out_of_scope';
  if (!allowedKinds.includes(cp.kind)) return 'checkpoint_kind';
  return null;
}

/** QR payloads carry a prefix so a scanner can tell our passes from any other code. */
export const QR_PREFIX = 'fugong:pass:';
export function tokenFromQr(text: string): string {
  const t = text.trim();
  return t.startsWith(QR_PREFIX) ? t.slice(QR_PREFIX.length) : t;
}
