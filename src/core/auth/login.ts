/**
 * Pure login rules: lock-out after repeated failures, session lifetime. The service applies
 * them; keeping them here makes the thresholds testable without a database or a clock.
 */
export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockMinutes: number;
}

export const isLocked = (lockedUntil: string | null, now: Date): boolean =>
  lockedUntil !== null && new Date(lockedUntil).getTime() > now.getTime();

/** After a failed attempt: the new counter and, when it reaches the limit, the lock's end. */
export const afterFailure = (
  failedLogins: number,
  now: Date,
  policy: LockoutPolicy,
): { failedLogins: number; lockedUntil: string | null } => {
  const n = failedLogins + 1;
  if (n >= policy.maxFailures) {
    return {
      failedLogins: 0,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString(),
    };
  }
  return { failedLogins: n, lockedUntil: null };
};

export const sessionExpiry = (now: Date, hours: number): string =>
  new Date(now.getTime() + hours * 3_600_000).toISOString();

/** Roles from an identity provider's claim, through the configured map; unknown values are ignored. */
export const mapClaimRoles = (claim: unknown, roleMap: Readonly<Record<string, string>>): string[] => {
  const values = Array.isArray(claim) ? claim : typeof claim === 'string' ? claim.split(/[\s,]+/) : [];
  return [
    ...new Set(
      values
        .filter((v): v is string => typeof v === 'string')
        .map((v) => roleMap[v] ?? '')
        .filter((r) => r !== ''),
    ),
  ];
};
