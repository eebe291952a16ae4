/**
 * A test double of the viewing grants (the EvidenceSource the evidence export reads through),
 * built from a REAL sealed clip: the vault identity is split 2 of 3 among custodians, two shares
 * are opened and combined only to unwrap that clip's file keys (`fileKeysFromShares`), and the
 * footage is read from the vault with those keys alone (`readClip`). The real grant store (issue
 * 10 §2) is wired by the lead; it answers the same port.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openClipStore, readClip, readClipHeaders } from '../../src/adapters/vault/clip-store.js';
import { fileKeysFromShares, openShare, splitAndSeal } from '../../src/adapters/vault/custody.js';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import type { RecordingModule } from '../../src/compose/recording.compose.js';
import { err, ok } from '../../src/core/result.js';
import type { CustodyStep, EvidenceSource, GrantedFootage } from '../../src/services/evidence-ports.js';
import { sealTestClip } from './sealed-clip.js';
import type { TestRuntime } from './test-runtime.js';

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

/** A small real fragmented MP4 (init segment, then fragments), as the recorder seals it. */
export const tinyFmp4 = (): Buffer =>
  execFileSync(
    'ffmpeg',
    [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=160x120:rate=5'],
      ...['-t', '3', '-c:v', 'libx264', '-g', '5', '-pix_fmt', 'yuv420p'],
      ...['-movflags', '+frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', 'pipe:1'],
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );

interface Grant {
  readonly ownerUserId: string;
  readonly export: boolean;
  readonly footage: GrantedFootage;
}

export interface EvidenceDouble {
  readonly source: EvidenceSource;
  /** Seals `content` as clip `clipId`, opens it with 2 of 3 custodian shares and records a grant. */
  grant(
    t: TestRuntime,
    o: {
      grantId: string;
      clipId: string;
      ownerUserId: string;
      ownerName: string;
      content: Buffer;
      export?: boolean;
      policeReport?: string | null;
    },
  ): Promise<GrantedFootage>;
  /** How often the footage was read (a refusal must read nothing). */
  readonly reads: () => number;
}

export const evidenceDouble = (): EvidenceDouble => {
  const grants = new Map<string, Grant>();
  let reads = 0;
  return {
    reads: () => reads,
    source: {
      forExport: (grantId, actor) => {
        const g = grants.get(grantId);
        if (g === undefined || actor.kind !== 'user' || actor.userId !== g.ownerUserId)
          return Promise.resolve(err('RESOURCE.NOT_FOUND', `No viewing grant ${grantId} of yours`));
        if (!g.export)
          return Promise.resolve(err('AUTH.FORBIDDEN', 'The viewing request did not name an export'));
        return Promise.resolve(ok(g.footage));
      },
    },
    async grant(t, o) {
      const vault = generateIdentity();
      const { manifestDigest } = await sealTestClip(t, o.clipId, vault.recipient.text, o.content);
      const set = { vault: vault.recipient.text, generation: 1, threshold: 2, shares: 3 };
      const holders = ['fg', 'beveiliging', 'secretaris'].map((u, i) => ({
        custodianId: `u-${u}`,
        username: u,
        sealing: { passphrase: `passphrase of custodian ${i} ok` },
      }));
      const sealed = await splitAndSeal(vault, set, holders, { workFactor: 10 });
      vault.destroy();
      const docs = [
        must(await openShare(sealed[0]!.sealed, { passphrase: 'passphrase of custodian 0 ok' })),
        must(await openShare(sealed[2]!.sealed, { passphrase: 'passphrase of custodian 2 ok' })),
      ];
      const store = must(await openClipStore(path.join(t.dataDir, 'vault', 'clips')));
      const headers = must(
        await readClipHeaders(store, o.clipId, { expectedManifestDigest: manifestDigest }),
      );
      const fileKeys = must(
        await fileKeysFromShares(docs, { vault: set.vault, current: set }, headers.parts),
      );
      const rec = t.rt.modules.find((m) => m.name === 'recording') as RecordingModule;
      const clip = (await rec.service.getClip(o.clipId))!;
      const custody: CustodyStep[] = [
        {
          step: 'requested',
          byId: o.ownerUserId,
          by: o.ownerName,
          at: '2026-03-29T00:30:00.000Z',
          note: 'aangifte',
        },
        { step: 'approved', byId: 'u-fg', by: 'fg', at: '2026-03-29T00:45:00.000Z' },
        { step: 'approved', byId: 'u-secretaris', by: 'secretaris', at: '2026-03-29T01:10:00.000Z' },
        { step: 'granted', byId: 'system', by: 'system', at: '2026-03-29T01:10:00.000Z' },
      ];
      const footage: GrantedFootage = {
        grantId: o.grantId,
        requestId: `req-${o.grantId}`,
        clip,
        reason: 'Bedreiging aan de balie; beelden voor de aangifte',
        legalGround: 'police-report',
        policeReport: o.policeReport === undefined ? 'PL0900-2026123456' : o.policeReport,
        custody,
        plaintext: () => ({
          [Symbol.asyncIterator]: async function* () {
            reads += 1;
            yield* must(
              await readClip(store, o.clipId, { fileKeys }, { expectedManifestDigest: manifestDigest }),
            );
          },
        }),
      };
      grants.set(o.grantId, { ownerUserId: o.ownerUserId, export: o.export ?? true, footage });
      return footage;
    },
  };
};
