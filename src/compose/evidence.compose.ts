/**
 * Evidence export for the police (issue 10 §4, ADR 0005): the organisation's Ed25519 export key
 * (<dataDir>/export-signing.key), the packaging (cover sheet, ZIP, age) and the route. The
 * footage comes from an EvidenceSource — the viewing grants (issue 10 §2) — given by main.ts.
 */
import { exportKey, exportKeyFile } from '../adapters/evidence/export-key.js';
import { evidencePackaging } from '../adapters/evidence/package.js';
import { evidenceRoutes } from '../http/routes/evidence/evidence.routes.js';
import type { EvidenceSource } from '../services/evidence-ports.js';
import { evidenceService, type EvidenceService } from '../services/evidence.service.js';
import type { ModuleContext, ProportioModule } from './module.js';

export interface EvidenceModule extends ProportioModule {
  readonly service: EvidenceService;
}

export const createEvidenceModule = (
  ctx: ModuleContext,
  deps: { readonly source: EvidenceSource },
): EvidenceModule => {
  const service = evidenceService({
    store: ctx.store,
    clock: ctx.clock,
    ids: ctx.ids,
    source: deps.source,
    key: exportKey(exportKeyFile(ctx.config.dataDir)),
    packaging: evidencePackaging(),
  });
  return {
    name: 'evidence',
    service,
    routes: async (app) => {
      await app.register(evidenceRoutes, { evidence: service });
    },
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    health: () => [],
  };
};
