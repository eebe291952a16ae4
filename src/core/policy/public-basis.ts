/**
 * What a resident may read about why a room's camera may record (AVG art. 13 lid 1, onder c; the
 * public site page, issue 12 §5): the legal basis and the purpose exactly as the approved
 * assessment that enables the room now states them — never a fixed text. A room that no
 * assessment enables has none. Pure: the records and `now` are passed in.
 */
import type { PurposeKind } from '../assessment/catalogue.js';
import { inForce, type AssessmentRecord, type RoomPolicy } from './policy.js';

export interface PublicBasis {
  /** GDPR Art. 6(1) point, 'a'…'f'. */
  readonly article: string;
  /** The provision of law relied on (Art. 6(3)), as the assessment words it. */
  readonly provision: string | null;
  /** The purpose, as the assessment words it. */
  readonly purpose: string;
  readonly purposeKinds: readonly PurposeKind[];
}

/**
 * The bases behind a room's policy entries: per enabling assessment, the version in force now (the
 * highest, should two be), its legal basis and purpose; the same basis and purpose once.
 */
export const roomBases = (
  room: RoomPolicy | undefined,
  records: readonly AssessmentRecord[],
  now: Date,
  timeZone: string,
): PublicBasis[] => {
  if (room === undefined) return [];
  const out = new Map<string, PublicBasis>();
  for (const id of new Set(room.entries.map((e) => e.assessmentId))) {
    const live = records
      .filter((r) => r.id === id && inForce(r, now, timeZone).ok)
      .sort((a, b) => (b.version ?? 0) - (a.version ?? 0))[0];
    if (live === undefined) continue;
    const s = live.scenario;
    const basis: PublicBasis = {
      article: s.legalBasis.article,
      provision: s.legalBasis.provision?.trim() || null,
      purpose: s.purpose.text.trim(),
      purposeKinds: s.purpose.kinds,
    };
    out.set(JSON.stringify(basis), basis);
  }
  return [...out.values()];
};
