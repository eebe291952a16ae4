/**
 * What the regulator dossier (issue 12 §4, docs/dossier.md) is gathered from and rendered with.
 * Each source is a read of what another capability stored; none returns a resident's identity.
 */
import type { DossierFacts, DossierPeriod } from '../core/dossier/dossier.js';
import type { Dossier, DossierComplaint, DossierRegisterEntry } from '../core/dossier/dossier.schema.js';

/** Everything but the register entries, the complaints and the audit verification, read from the database. */
export type StoredDossierFacts = Omit<DossierFacts, 'complaints' | 'register' | 'audit'>;

export interface DossierSources {
  /** Facts relevant to the period (a source may return more; the core filters by day). */
  stored(period: DossierPeriod): Promise<StoredDossierFacts>;
  /** The Art. 30 register entries of the measures approved at the end of the period. */
  register(period: DossierPeriod): Promise<DossierRegisterEntry[]>;
  /** Verifies the audit chain against its anchor now. */
  audit(): Promise<DossierFacts['audit']>;
}

/**
 * The complaints and inquiries register (issue 12 §3), its own capability: the dossier takes its
 * entries received in the period through this port. Without one wired in, the dossier says so.
 */
export interface ComplaintsSource {
  inPeriod(period: DossierPeriod): Promise<DossierComplaint[]>;
}

export interface DossierFile {
  readonly path: string;
  readonly bytes: Buffer;
}

/** Renders the dossier as files (PDF per language, the JSON) and packs them into one ZIP. */
export interface DossierRenderer {
  files(dossier: Dossier, langs: readonly ('nl' | 'en')[]): Promise<DossierFile[]>;
  zip(files: readonly DossierFile[], mtime: Date): Buffer;
}
