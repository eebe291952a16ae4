/**
 * The regulator dossier (issue 12 §4, docs/dossier.md): gathers the facts through the sources,
 * builds the dossier in core, renders it (PDF per language + JSON, in a ZIP) and audits the export
 * before a byte leaves. Organisation-wide, so only someone who serves every site may export it.
 */
import { createHash } from 'node:crypto';
import {
  NO_COMPLAINTS_REGISTER,
  buildDossier,
  dossierPeriod,
  type DossierPeriod,
} from '../core/dossier/dossier.js';
import type { Dossier } from '../core/dossier/dossier.schema.js';
import { dayInAmsterdam } from '../core/rights/deadlines.js';
import { ok, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import type { ComplaintsSource, DossierRenderer, DossierSources } from './dossier-ports.js';
import type { Actor, Clock, Store } from './ports.js';
import { actorServesAllSites, siteLimited } from './site-scope.js';
import { inTransaction } from './transaction.js';

export interface DossierServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly sources: DossierSources;
  readonly renderer: DossierRenderer;
  /** Absent until the complaints register is wired in: the section then says it is not available. */
  readonly complaints?: ComplaintsSource;
}

export interface DossierExport {
  readonly dossier: Dossier;
  readonly zip: Buffer;
  readonly fileName: string;
}

export interface DossierRequest {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  /** One language's PDF, or both (default). The JSON is always in the ZIP. */
  readonly lang?: 'nl' | 'en' | undefined;
}

export const dossierService = ({ store, clock, sources, renderer, complaints }: DossierServiceDeps) => {
  const build = async (period: DossierPeriod): Promise<Dossier> => {
    const [stored, register, audit, complaintItems] = await Promise.all([
      sources.stored(period),
      sources.register(period),
      sources.audit(),
      complaints?.inPeriod(period),
    ]);
    const section =
      complaintItems === undefined
        ? NO_COMPLAINTS_REGISTER
        : ({ available: true, count: complaintItems.length, items: complaintItems } as const);
    return buildDossier({ ...stored, register, audit, complaints: section }, period, clock.now());
  };

  return {
    /** The dossier of a period, as data (no audit entry: nothing leaves). */
    dossier: async (actor: Actor, input: DossierRequest): Promise<Result<Dossier>> => {
      if (!actorServesAllSites(actor)) return siteLimited();
      const period = dossierPeriod(input, dayInAmsterdam(clock.now()));
      return period.ok ? ok(await build(period.value)) : period;
    },

    /** The ZIP for the regulator; its export is audited (with the ZIP's SHA-256) before it is returned. */
    export: async (actor: Actor, input: DossierRequest): Promise<Result<DossierExport>> => {
      if (!actorServesAllSites(actor)) return siteLimited();
      const period = dossierPeriod(input, dayInAmsterdam(clock.now()));
      if (!period.ok) return period;
      const dossier = await build(period.value);
      const langs = input.lang === undefined ? (['nl', 'en'] as const) : [input.lang];
      const files = await renderer.files(dossier, langs);
      const zip = renderer.zip(files, new Date(dossier.generatedAt));
      const { from, to } = period.value;
      await inTransaction(store, (repos) =>
        recordAudit(repos, clock, actor, 'dossier.exported', 'organisation', {
          from,
          to,
          files: files.map((f) => f.path),
          sha256: createHash('sha256').update(zip).digest('hex'),
          auditOk: dossier.audit.ok,
        }),
      );
      return ok({ dossier, zip, fileName: `dossier-${from}-${to}.zip` });
    },
  };
};

export type DossierService = ReturnType<typeof dossierService>;
