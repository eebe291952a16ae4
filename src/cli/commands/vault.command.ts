/**
 * Operator commands for the clip vault, run on the server itself (they read the local store):
 *   proportio vault init [--identity-out FILE]   new age identity, kept OUTSIDE the data folder
 *   proportio clip list [--json]                 clips in the vault with their database state
 *   proportio clip decrypt CLIP --identity FILE --out x.mp4   audited (actor system:cli)
 * The server only ever holds the recipient (public key); the identity opens clips (ADR 0003).
 */
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../../config.js';
import { createRecordingStore } from '../../adapters/db/repositories/recording-store.js';
import { listClips, openClipStore, readClip } from '../../adapters/vault/clip-store.js';
import {
  checkIdentityPath,
  generateIdentity,
  parseRecipient,
  readIdentityFile,
  writeIdentityFile,
} from '../../adapters/vault/keys.js';
import { vaultPaths } from '../../compose/recording.compose.js';
import { createRuntime, type Runtime } from '../../main.js';
import { recordAudit } from '../../services/audit.service.js';
import type { Actor } from '../../services/ports.js';
import type { VaultErrorCode } from '../../core/recording/vault-errors.js';
import type { DomainError } from '../../core/result.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { cliConfig } from './local.command.js';

const CLI_ACTOR: Actor = { kind: 'system', name: 'cli' };

const fail = (e: DomainError<VaultErrorCode>): CliError => CliError.fromDomain(e);

const withRuntime = async <T>(config: Config, fn: (rt: Runtime) => Promise<T>): Promise<T> => {
  const rt = await createRuntime(config, { logger: false });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
};

export const registerVaultCommands = (program: Command, io: CliIo): void => {
  const vault = program.command('vault').description('the encrypted clip vault');
  vault
    .command('init')
    .description(
      'create the vault key pair: the identity (private) goes outside the data folder, the server keeps only the recipient',
    )
    // No default: a default in the home folder of whoever runs the server would put the private
    // key where the server can read it (ADR 0003). The operator chooses where it goes.
    .requiredOption(
      '--identity-out <file>',
      'where to write the identity (mode 0600; never inside the data folder; move it off this machine)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (opts: { identityOut: string; json?: boolean }) => {
      const config = cliConfig();
      const paths = vaultPaths(config);
      const existing = await readFile(paths.recipientFile, 'utf8').catch(() => undefined);
      if (existing !== undefined && parseRecipient(existing).ok)
        throw new CliError(
          `VAULT.KEY_EXISTS: a vault recipient already exists at ${paths.recipientFile}; refusing to replace it (clips sealed to it would become unreadable)`,
          EXIT.CANT_CREATE,
          'VAULT.KEY_EXISTS',
        );
      const target = checkIdentityPath(opts.identityOut, config.dataDir);
      if (!target.ok) throw fail(target.error);
      await mkdir(path.dirname(target.value), { recursive: true, mode: 0o700 });
      const identity = generateIdentity();
      const written = await writeIdentityFile(target.value, identity);
      if (!written.ok) throw fail(written.error);
      await mkdir(paths.vaultDir, { recursive: true, mode: 0o700 });
      const fh = await open(paths.recipientFile, existing === undefined ? 'wx' : 'w', 0o600);
      try {
        await fh.writeFile(`${identity.recipient.text}\n`, 'utf8');
        await fh.sync();
      } finally {
        await fh.close();
      }
      await withRuntime(config, (rt) =>
        rt.store.transaction((repos) =>
          recordAudit(repos, rt.clock, CLI_ACTOR, 'vault.init', 'vault', {
            recipient: identity.recipient.text,
          }),
        ),
      );
      emit(
        io,
        opts.json === true,
        {
          recipient: identity.recipient.text,
          identityFile: target.value,
          recipientFile: paths.recipientFile,
        },
        () =>
          [
            `Vault recipient (public key): ${identity.recipient.text}`,
            `Stored for the server in ${paths.recipientFile}.`,
            `Identity (private key) written to ${target.value} (mode 0600).`,
            'Move the identity off this machine (or onto removable media) — anyone holding it and a copy of the data folder can open every clip.',
          ].join('\n'),
      );
    });

  const clip = program
    .command('clip')
    .description('recorded clips (metadata, and decryption with the vault identity)');
  clip
    .command('list')
    .description('clips in the local vault with their state in the database')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = cliConfig();
      const paths = vaultPaths(config);
      const s = await openClipStore(paths.clipsDir);
      if (!s.ok) throw fail(s.error);
      const listed = await listClips(s.value);
      if (!listed.ok) throw fail(listed.error);
      const rows = await withRuntime(config, async (rt) => {
        const store = createRecordingStore(rt.database);
        const dbRows = await store.read.clips.list({ includeDeleted: false, limit: 10_000 });
        return listed.value.map((v) => {
          const r = dbRows.find((x) => x.id === v.clipId);
          return {
            clipId: v.clipId,
            vaultState: v.state,
            status: r?.status ?? null,
            parts: v.parts,
            bytes: v.bytes,
            cameraId: r?.cameraId ?? null,
            alarmId: r?.alarmId ?? null,
            incidentId: r?.incidentId ?? null,
            startedAt: r?.startedAt ?? v.createdAt,
            durationSeconds: r?.durationSeconds ?? null,
            retentionUntil: r?.retentionUntil ?? null,
            problem: v.problem,
          };
        });
      });
      emit(io, opts.json === true, rows, () =>
        table(rows, [
          'clipId',
          'status',
          'vaultState',
          'startedAt',
          'durationSeconds',
          'bytes',
          'retentionUntil',
        ]),
      );
    });

  clip
    .command('decrypt')
    .description('decrypt a clip into an MP4 with the vault identity (audited)')
    .argument('<clip>', 'clip id (see `proportio clip list`)')
    .requiredOption('--identity <file>', 'the age identity file from `proportio vault init`')
    .requiredOption('--out <file>', 'where to write the MP4 (must not exist)')
    .requiredOption(
      '--reason <text>',
      'why the footage is needed (e.g. "aangifte PL0999-2026…"); recorded in the audit log',
    )
    .action(async (clipId: string, opts: { identity: string; out: string; reason: string }) => {
      const config = cliConfig();
      const ids = await readIdentityFile(opts.identity);
      if (!ids.ok) throw fail(ids.error);
      const paths = vaultPaths(config);
      const s = await openClipStore(paths.clipsDir);
      if (!s.ok) throw fail(s.error);
      await withRuntime(config, async (rt) => {
        const store = createRecordingStore(rt.database);
        const row = await store.read.clips.get(clipId);
        if (row === undefined)
          throw new CliError(`RESOURCE.NOT_FOUND: no clip ${clipId}`, EXIT.NO_INPUT, 'RESOURCE.NOT_FOUND');
        if ((row.status !== 'sealed' && row.status !== 'interrupted') || row.manifestDigest === null)
          throw new CliError(
            `RECORDING.CLIP_UNAVAILABLE: clip ${clipId} is ${row.status}`,
            EXIT.DATA_ERR,
            'RECORDING.CLIP_UNAVAILABLE',
          );
        // The digest anchored at sealing: a swapped manifest or part is refused before any output.
        const reading = await readClip(s.value, clipId, ids.value, {
          expectedManifestDigest: row.manifestDigest,
        });
        if (!reading.ok) throw fail(reading.error);
        const reason = opts.reason.trim();
        if (reason.length < 5 || reason.length > 500) {
          throw new CliError(
            'REQUEST.INVALID: --reason must say why, in 5 to 500 characters',
            EXIT.DATA_ERR,
            'REQUEST.INVALID',
          );
        }
        // Audited before any plaintext exists: if the audit cannot be written, nothing is decrypted.
        const operator = os.userInfo().username;
        await store.transaction((repos) =>
          recordAudit(repos, rt.clock, CLI_ACTOR, 'clip.decrypt-started', `clip:${clipId}`, {
            operator,
            reason,
            manifestDigest: row.manifestDigest,
          }),
        );
        let fh;
        try {
          fh = await open(opts.out, 'wx', 0o600);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          throw new CliError(
            code === 'EEXIST'
              ? `refusing to overwrite ${opts.out}`
              : `cannot create ${opts.out}: ${code ?? 'error'}`,
            EXIT.CANT_CREATE,
          );
        }
        let bytes = 0;
        try {
          for await (const piece of reading.value) {
            await fh.write(piece);
            bytes += piece.length;
          }
          await fh.close();
        } catch (e) {
          await fh.close().catch(() => undefined);
          // A half-decrypted file must not look like the clip.
          await unlink(opts.out).catch(() => undefined);
          const ve = (e as { error?: DomainError<VaultErrorCode> }).error;
          if (ve !== undefined) throw fail(ve);
          throw e;
        }
        await store.transaction((repos) =>
          recordAudit(repos, rt.clock, CLI_ACTOR, 'clip.decrypt', `clip:${clipId}`, {
            operator,
            reason,
            bytes,
            manifestDigest: row.manifestDigest,
          }),
        );
        io.out(`Decrypted clip ${clipId} (${bytes} bytes) to ${opts.out}. This access is in the audit log.`);
      });
    });
};
