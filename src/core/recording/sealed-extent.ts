/**
 * What the sealed parts of a clip hold, from the vault manifest alone (no key needed): used when
 * a clip was interrupted (crash) or failed (disk full), so its row still says when the footage
 * starts and ends, how long it is and how large, instead of nothing.
 */

export interface SealedPartInfo {
  readonly plaintextBytes: number;
  /** Cumulative footage at the end of the part; absent in manifests written before it was kept. */
  readonly media?: {
    readonly startedAt: string;
    readonly endedAt: string;
    readonly durationSeconds: number;
  };
}

export interface SealedExtentSummary {
  /** ISO; null when no part says (old manifest) or nothing was sealed. */
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly durationSeconds: number | null;
  /** Plaintext (MP4) bytes in the sealed parts. */
  readonly bytes: number;
}

export const sealedExtent = (parts: readonly SealedPartInfo[]): SealedExtentSummary => {
  const last = parts.findLast((p) => p.media !== undefined)?.media;
  return {
    startedAt: last?.startedAt ?? null,
    endedAt: last?.endedAt ?? null,
    durationSeconds: last?.durationSeconds ?? null,
    bytes: parts.reduce((a, p) => a + p.plaintextBytes, 0),
  };
};
