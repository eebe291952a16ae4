/**
 * Evidence export for the police (issue 10 §4, ADR 0005). Under a live viewing grant whose
 * request named export (the EvidenceSource decides), the clip's original plaintext is packed with
 * a signed manifest, the public export key, a cover sheet and LEESMIJ.txt into one ZIP, optionally
 * encrypted to the recipient. The whole package is built in memory first; then `clip.exported` is
 * audited (with the manifest's SHA-256) and committed; only then does the caller get the bytes to
 * write or send. A refusal or a read failure writes nothing and audits nothing.
 */
import { createHash } from 'node:crypto';
import {
  buildManifest,
  CLIP_FILE,
  COVER_FILE,
  MANIFEST_FILE,
  manifestBytes,
  PUBLIC_KEY_FILE,
  README_FILE,
  SIGNATURE_FILE,
  signatureBytes,
  MANIFEST_FORMAT,
  type ManifestFile,
  type ManifestInput,
} from '../core/evidence/manifest.js';
import { readmeText } from '../core/evidence/readme.js';
import { err, ok, type Result } from '../core/result.js';
import { recordAudit } from './audit.service.js';
import type { EvidenceSource, GrantedFootage } from './evidence-ports.js';
import type { EvidencePackaging, ExportKey, ExportRecipient, PackageFile } from './evidence-export-ports.js';
import { actorId, type Actor, type Clock, type IdGenerator, type Store } from './ports.js';
import { inTransaction } from './transaction.js';

export interface EvidenceServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly source: EvidenceSource;
  readonly key: ExportKey;
  readonly packaging: EvidencePackaging;
}

export interface ExportedPackage {
  readonly exportId: string;
  readonly clipId: string;
  readonly manifestSha256: string;
  /** e.g. bewijsexport-<exportId>.zip, or .zip.age when encrypted. */
  readonly fileName: string;
  readonly encrypted: boolean;
  readonly body: Buffer;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const fileOf = (path: string, bytes: Buffer, mediaType: string): PackageFile => ({ path, bytes, mediaType });
const entryOf = (f: PackageFile): ManifestFile => ({
  path: f.path,
  sha256: sha256(f.bytes),
  bytes: f.bytes.length,
  mediaType: f.mediaType,
});

/** The whole plaintext, or undefined when the vault could not give it in full (damaged part, wrong key). */
const readAll = async (footage: GrantedFootage): Promise<Buffer | undefined> => {
  const chunks: Buffer[] = [];
  try {
    for await (const b of footage.plaintext()) chunks.push(b);
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
};

export const evidenceService = (deps: EvidenceServiceDeps) => {
  const { store, clock } = deps;

  const names = async (footage: GrantedFootage) => {
    const c = footage.clip;
    const [camera, room, site, org] = await Promise.all([
      store.read.cameras.get(c.cameraId),
      store.read.rooms.get(c.roomId),
      store.read.sites.get(c.siteId),
      store.read.organisation.get(),
    ]);
    return {
      camera: { id: c.cameraId, name: camera?.name ?? c.cameraId },
      room: { id: c.roomId, name: room?.name ?? c.roomId },
      site: { id: c.siteId, name: site?.name ?? c.siteId },
      organisation: org?.name ?? '',
    };
  };

  return {
    /** The organisation's export key (created on first use): what the transparency page publishes. */
    publicKey: () => deps.key.publicKey(),

    async export(
      grantId: string,
      actor: Actor,
      options: { readonly recipient: ExportRecipient },
    ): Promise<Result<ExportedPackage>> {
      // The recipient first: a typo costs nobody a decryption.
      const sealer = deps.packaging.sealer(options.recipient);
      if (!sealer.ok) return sealer;
      const granted = await deps.source.forExport(grantId, actor);
      if (!granted.ok) return granted;
      const footage = granted.value;
      const clip = footage.clip;
      const plaintext = await readAll(footage);
      if (plaintext === undefined)
        return err(
          'EVIDENCE.CLIP_UNREADABLE',
          'The footage could not be read in full; nothing was exported',
          {
            clipId: clip.id,
          },
        );

      // The custody names people as the steps before it do (display name), falling back to the login.
      const by =
        actor.kind === 'user'
          ? ((await store.read.users.get(actor.userId))?.displayName ?? actor.username)
          : actor.name;
      const exportId = deps.ids.newId();
      const now = clock.now();
      const exportedAt = now.toISOString();
      const key = deps.key.publicKey();
      const named = await names(footage);
      const base: Omit<ManifestInput, 'files'> = {
        exportId,
        exportedAt,
        ...named,
        clip: { ...clip, manifestDigest: clip.manifestDigest },
        case: {
          requestId: footage.requestId,
          grantId: footage.grantId,
          reason: footage.reason,
          legalGround: footage.legalGround,
          policeReport: footage.policeReport,
        },
        custody: [
          ...footage.custody.map((s) => ({ ...s })),
          { step: 'exported', byId: actorId(actor), by, at: exportedAt },
        ],
        publicKeyFingerprint: key.fingerprint,
      };
      const clipFile = fileOf(CLIP_FILE, plaintext, 'video/mp4');
      const keyFile = fileOf(PUBLIC_KEY_FILE, Buffer.from(key.pem, 'utf8'), 'application/x-pem-file');
      // The cover and LEESMIJ describe the clip and the key; the manifest then lists them too.
      const draft = buildManifest({ ...base, files: [clipFile, keyFile].map(entryOf) });
      const cover = fileOf(COVER_FILE, await deps.packaging.coverPdf(draft), 'application/pdf');
      const readme = fileOf(README_FILE, Buffer.from(readmeText(draft), 'utf8'), 'text/plain; charset=utf-8');
      const listed = [clipFile, keyFile, cover, readme];
      const manifest = manifestBytes(buildManifest({ ...base, files: listed.map(entryOf) }));
      const manifestSha256 = sha256(manifest);
      const signature = signatureBytes({
        format: MANIFEST_FORMAT,
        algorithm: 'Ed25519',
        signedFile: MANIFEST_FILE,
        signedFileSha256: manifestSha256,
        publicKeyFingerprint: key.fingerprint,
        signature: deps.key.sign(manifest).toString('base64'),
      });
      const files = [
        ...listed,
        fileOf(MANIFEST_FILE, manifest, 'application/json'),
        fileOf(SIGNATURE_FILE, signature, 'application/json'),
      ];
      const zip = deps.packaging.zip(files, now);
      const body = sealer.value === null ? zip : await sealer.value(zip);

      // Committed before the caller writes or sends a single byte of the package.
      const audited = await inTransaction(store, async (repos) => {
        await recordAudit(repos, clock, actor, 'clip.exported', `clip:${clip.id}`, {
          exportId,
          grantId: footage.grantId,
          requestId: footage.requestId,
          manifestSha256,
          clipSha256: sha256(plaintext),
          bytes: plaintext.length,
          recipient: options.recipient.kind,
          keyFingerprint: key.fingerprint,
        });
      });
      if (!audited.ok) return audited;
      return ok({
        exportId,
        clipId: clip.id,
        manifestSha256,
        fileName: `bewijsexport-${exportId}.zip${sealer.value === null ? '' : '.age'}`,
        encrypted: sealer.value !== null,
        body,
      });
    },
  };
};

export type EvidenceService = ReturnType<typeof evidenceService>;
