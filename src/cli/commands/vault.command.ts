/**
 * Operator commands for the clip vault and its key custody, run on the server itself (they read
 * the local store; ADR 0003, docs/custody.md):
 *   proportio vault init --custodian USER[=age1…]… [--custodians N] [--threshold K]
 *       a new vault key, split k of n among custodians at once: the identity is never written
 *   proportio vault custody --identity FILE --custodian …   put an old single-identity vault under custody
 *   proportio vault reshare --custodian … --share FILE|--share-of USER … --reason TEXT
 *   proportio vault share export --custodian USER --out FILE   a sealed share for break-glass
 *   proportio vault status                                  the key, the share set and its custodians
 *   proportio clip list                                     clips in the vault with their database state
 *   proportio clip decrypt CLIP --share FILE … | --identity FILE (old vaults) --out x.mp4 --reason TEXT
 * The server only ever holds the recipient (public key) and sealed shares.
 */
import { existsSync } from 'node:fs';
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Option, type Command } from 'commander';
import type { Config } from '../../config.js';
import { createRecordingStore } from '../../adapters/db/repositories/recording-store.js';
import {
  listClips,
  openClipStore,
  readClip,
  readClipHeaders,
  type ClipKey,
  type ClipStore,
} from '../../adapters/vault/clip-store.js';
import {
  fileKeysFromShares,
  splitAndSeal,
  wipeFileKeys,
  wipeShares,
  withVaultIdentity,
} from '../../adapters/vault/custody.js';
import {
  generateIdentity,
  parseRecipient,
  readIdentityFile,
  type AgeIdentity,
} from '../../adapters/vault/keys.js';
import { vaultPaths } from '../../compose/recording.compose.js';
import { createRuntime, type Runtime } from '../../main.js';
import { nextShareSet, selectShares, type CurrentShareSet } from '../../core/custody/custody.js';
import type { ShareDocument } from '../../core/custody/share-document.js';
import { ok, type DomainError } from '../../core/result.js';
import { recordAudit } from '../../services/audit.service.js';
import type { CustodyService, CustodyStatus } from '../../services/custody.service.js';
import type { Actor } from '../../services/ports.js';
import { CliError, EXIT, emit, table, type CliIo } from '../io.js';
import { ttySecretPrompt, type OpenSecretPrompt } from '../secret-prompt.js';
import { cliConfig } from './local.command.js';
import {
  askNewPassphrases,
  collect,
  custodyOf,
  gatherShares,
  hasShares,
  must,
  readEnrolment,
  storeRecipient,
  vaultInUse,
  type Enrolled,
  type ShareSources,
} from './vault-custody.js';

const CLI_ACTOR: Actor = { kind: 'system', name: 'cli' };

const withRuntime = async <T>(config: Config, fn: (rt: Runtime) => Promise<T>): Promise<T> => {
  const rt = await createRuntime(config, { logger: false });
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
};

const checkReason = (text: string): string => {
  const reason = text.trim();
  if (reason.length < 5 || reason.length > 500)
    throw new CliError(
      'REQUEST.INVALID: --reason must say why, in 5 to 500 characters',
      EXIT.DATA_ERR,
      'REQUEST.INVALID',
    );
  return reason;
};

/** Checked before any passphrase is asked, so a mistake costs nobody their typing. */
const mustNotExist = (file: string): void => {
  if (existsSync(file)) throw new CliError(`refusing to overwrite ${file}`, EXIT.CANT_CREATE);
};

/** Creates a new file, mode 0600, never over an existing one. */
const createNewFile = async (file: string): Promise<FileHandle> => {
  try {
    return await open(file, 'wx', 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'EEXIST' ? `refusing to overwrite ${file}` : `cannot create ${file}: ${code ?? 'error'}`,
      EXIT.CANT_CREATE,
    );
  }
};

const writeNewFile = async (file: string, bytes: Uint8Array): Promise<void> => {
  const fh = await createNewFile(file);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
};

const custodianRows = (status: CustodyStatus) =>
  status.shares.map((s) => ({
    share: s.index,
    custodian: s.username,
    name: s.displayName,
    sealed: s.sealing === 'passphrase' ? 'passphrase' : `age key ${s.sealedTo ?? ''}`,
    ...(s.disabled ? { note: 'account disabled: re-share' } : {}),
  }));

const custodyText = (status: CustodyStatus): string =>
  [
    `Custody: ${status.set.threshold} of ${status.set.shares} custodians must each give their share to open a clip (share set generation ${status.set.generation}).`,
    table(custodianRows(status), ['share', 'custodian', 'name', 'sealed', 'note']),
  ].join('\n');

const custodyJson = (status: CustodyStatus) => ({
  recipient: status.set.vault,
  generation: status.set.generation,
  threshold: status.set.threshold,
  shares: status.set.shares,
  custodians: status.shares.map((s) => ({
    index: s.index,
    username: s.username,
    sealing: s.sealing,
    sealedTo: s.sealedTo,
    createdAt: s.createdAt,
  })),
});

/**
 * Enrols the custodians with a first share set of `identity`: accounts checked, passphrases
 * asked, the identity split and sealed, the shares stored and audited. The caller wipes the
 * identity; it is never written anywhere.
 */
const establishCustody = async (
  rt: Runtime,
  ctx: { openPrompt: OpenSecretPrompt; say: (t: string) => void },
  identity: AgeIdentity,
  enrolled: Enrolled,
  action: 'vault.init' | 'vault.custody',
): Promise<CustodyStatus> => {
  const custody = custodyOf(rt);
  const vault = identity.recipient.text;
  if ((await custody.status(vault)) !== undefined)
    throw new CliError(
      `CUSTODY.ALREADY_SET_UP: this vault key already has custodians; to change them use \`proportio vault reshare\``,
      EXIT.CANT_CREATE,
      'CUSTODY.ALREADY_SET_UP',
    );
  const users = must(await custody.custodians(enrolled.enrolments.map((e) => e.username)));
  const holders = await askNewPassphrases(ctx.openPrompt, ctx.say, users, enrolled);
  const set = nextShareSet(vault, enrolled.plan, undefined);
  const shares = await splitAndSeal(identity, set, holders);
  return must(
    await custody.establish(CLI_ACTOR, {
      action,
      set,
      shares,
      details: { operator: os.userInfo().username },
    }),
  );
};

/** The custody options shared by init, custody and reshare. */
const enrolmentOptions = (cmd: Command): Command =>
  cmd
    .option(
      '--custodian <user[=age1…]>',
      'a custodian (repeat once per custodian): USER sets a passphrase at this terminal; USER=age1… seals the share to their own age key',
      collect,
      [],
    )
    .option('--custodians <n>', 'how many custodians hold a share (default 3, at most 10)')
    .option('--threshold <k>', 'how many of them must come together to open a clip (default 2, at least 2)');

/** The share options shared by reshare and clip decrypt. */
const shareOptions = (cmd: Command): Command =>
  cmd
    .option('--share <file>', 'a custodian’s exported sealed share (repeat)', collect, [])
    .option('--share-of <user>', 'the sealed share the server keeps for this custodian (repeat)', collect, [])
    .option(
      '--share-identity <file>',
      'an age identity file that opens shares sealed to a custodian’s key (repeat)',
      collect,
      [],
    );

interface ShareOpts {
  share: string[];
  shareOf: string[];
  shareIdentity: string[];
}
const sourcesOf = (o: ShareOpts): ShareSources => ({
  files: o.share,
  of: o.shareOf,
  identities: o.shareIdentity,
});

/**
 * The database for `clip decrypt`, or null when it cannot be reached (break-glass): a SQLite file
 * that does not exist is not created, and any failure to connect or migrate means offline.
 */
const reachableRuntime = async (
  config: Config,
  offline: boolean,
): Promise<{ rt: Runtime | null; why: string }> => {
  if (offline) return { rt: null, why: '--offline was given' };
  if (config.databaseUrl === undefined && !existsSync(path.join(config.dataDir, 'proportio.sqlite')))
    return { rt: null, why: `there is no database in ${config.dataDir}` };
  try {
    return { rt: await createRuntime(config, { logger: false }), why: '' };
  } catch (e) {
    return { rt: null, why: (e as Error).message };
  }
};

export const registerVaultCommands = (
  program: Command,
  io: CliIo,
  openPrompt: OpenSecretPrompt = ttySecretPrompt,
): void => {
  const say = (t: string) => io.err(t);
  const vault = program.command('vault').description('the encrypted clip vault and the custody of its key');

  enrolmentOptions(
    vault
      .command('init')
      .description(
        'create the vault key and split it at once among k-of-n custodians: the key itself is never written anywhere, the server keeps only the public recipient and the sealed shares',
      ),
  )
    // Vaults made before custody had an identity file; asking for one now gets an explanation.
    .addOption(new Option('--identity-out <file>').hideHelp())
    .option('--json', 'print the result as JSON')
    .action(async (opts: EnrolmentOpts & { identityOut?: string; json?: boolean }) => {
      if (opts.identityOut !== undefined)
        throw new CliError(
          'CUSTODY.INVALID_PLAN: vault init no longer writes the vault key to a file; it splits it among custodians (--custodian USER …, see docs/custody.md)',
          EXIT.USAGE,
          'CUSTODY.INVALID_PLAN',
        );
      const enrolled = readEnrolment(opts);
      const config = cliConfig();
      const paths = vaultPaths(config);
      const existing = await readFile(paths.recipientFile, 'utf8').catch(() => undefined);
      if (existing !== undefined && parseRecipient(existing).ok)
        throw new CliError(
          `VAULT.KEY_EXISTS: a vault recipient already exists at ${paths.recipientFile}; refusing to replace it (clips sealed to it would become unreadable)`,
          EXIT.CANT_CREATE,
          'VAULT.KEY_EXISTS',
        );
      await withRuntime(config, async (rt) => {
        const identity = generateIdentity();
        let status: CustodyStatus;
        try {
          status = await establishCustody(rt, { openPrompt, say }, identity, enrolled, 'vault.init');
        } finally {
          identity.destroy();
        }
        await storeRecipient(config, status.set.vault, existing !== undefined);
        emit(io, opts.json === true, { ...custodyJson(status), recipientFile: paths.recipientFile }, () =>
          [
            `Vault recipient (public key): ${status.set.vault}`,
            `Stored for the server in ${paths.recipientFile}.`,
            custodyText(status),
            'The vault key was never written anywhere: it exists only as these shares. Custodians, read docs/custody.md;',
            'for break-glass without the server, export a share: proportio vault share export --custodian USER --out FILE',
          ].join('\n'),
        );
      });
    });

  enrolmentOptions(
    vault
      .command('custody')
      .description(
        'put a vault made the old way (one identity file) under k-of-n custody; old clips stay readable with the shares',
      )
      .requiredOption(
        '--identity <file>',
        'the vault identity file from the old `vault init --identity-out`',
      ),
  )
    .option('--json', 'print the result as JSON')
    .action(async (opts: EnrolmentOpts & { identity: string; json?: boolean }) => {
      const enrolled = readEnrolment(opts);
      const config = cliConfig();
      const recipient = await vaultInUse(config);
      const identities = must(await readIdentityFile(opts.identity));
      const identity = identities.find((i) => i.recipient.text === recipient.text);
      if (identity === undefined)
        throw new CliError(
          `VAULT.WRONG_KEY: ${opts.identity} does not hold the key of this vault (recipient ${recipient.text})`,
          EXIT.NO_PERM,
          'VAULT.WRONG_KEY',
        );
      try {
        await withRuntime(config, async (rt) => {
          const status = await establishCustody(rt, { openPrompt, say }, identity, enrolled, 'vault.custody');
          emit(
            io,
            opts.json === true,
            { ...custodyJson(status), identityFile: path.resolve(opts.identity) },
            () =>
              [
                custodyText(status),
                `Now DESTROY ${path.resolve(opts.identity)} and every copy of it (USB sticks, paper, backups).`,
                'As long as it exists, whoever holds it can open every clip alone; Proportio did not delete it — that is yours to do.',
              ].join('\n'),
          );
        });
      } finally {
        for (const i of identities) i.destroy();
      }
    });

  shareOptions(
    enrolmentOptions(
      vault
        .command('reshare')
        .description(
          'give the vault key to a new set of custodians (one leaves or joins, or k changes): k current shares rebuild it in memory, it is split anew, the old shares stop working; clips are not re-encrypted',
        ),
    ),
  )
    .requiredOption('--reason <text>', 'why (e.g. "A. Jansen leaves the municipality"); audited')
    .option('--json', 'print the result as JSON')
    .action(async (opts: EnrolmentOpts & ShareOpts & { reason: string; json?: boolean }) => {
      const enrolled = readEnrolment(opts);
      const reason = checkReason(opts.reason);
      if (!hasShares(sourcesOf(opts)))
        throw new CliError(
          'give the current shares that rebuild the key: --share FILE or --share-of USER, as many as the threshold',
          EXIT.USAGE,
        );
      const config = cliConfig();
      const recipient = await vaultInUse(config);
      await withRuntime(config, async (rt) => {
        const custody = custodyOf(rt);
        const current = await custody.status(recipient.text);
        if (current === undefined)
          throw new CliError(
            'CUSTODY.NOT_SET_UP: this vault has no custodians; put it under custody first (vault init, or vault custody for an old vault)',
            EXIT.DATA_ERR,
            'CUSTODY.NOT_SET_UP',
          );
        const users = must(await custody.custodians(enrolled.enrolments.map((e) => e.username)));
        const docs = await gatherShares(sourcesOf(opts), {
          openPrompt,
          say,
          vault: recipient.text,
          custody,
        });
        const expect = { vault: recipient.text, current: current.set };
        const unlockedBy = docs.map((d) => d.info.custodian);
        const set: CurrentShareSet = nextShareSet(recipient.text, enrolled.plan, current.set);
        let shares;
        try {
          // Before anyone types a new passphrase: do these shares combine at all?
          must(selectShares(docs, expect));
          const holders = await askNewPassphrases(openPrompt, say, users, enrolled);
          shares = must(
            await withVaultIdentity(docs, expect, async (identity) =>
              ok(await splitAndSeal(identity, set, holders)),
            ),
          );
        } finally {
          wipeShares(docs);
        }
        const status = must(
          await custody.reshare(CLI_ACTOR, {
            from: current.set.generation,
            set,
            shares,
            reason,
            unlockedBy,
            details: { operator: os.userInfo().username },
          }),
        );
        emit(io, opts.json === true, { ...custodyJson(status), fromGeneration: current.set.generation }, () =>
          [
            custodyText(status),
            `The shares of generation ${current.set.generation} no longer work in Proportio. Ask everyone to destroy old exported share files:`,
            `outside Proportio, ${current.set.threshold} old shares together would still rebuild the same key (docs/custody.md).`,
          ].join('\n'),
        );
      });
    });

  const share = vault.command('share').description('a custodian’s sealed share');
  share
    .command('export')
    .description(
      'write a custodian’s sealed share to a file for break-glass without the server (audited); it opens only with their passphrase or key, and alone it opens nothing',
    )
    .requiredOption('--custodian <user>', 'whose share')
    .requiredOption('--out <file>', 'where to write it (must not exist; mode 0600)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { custodian: string; out: string; json?: boolean }) => {
      mustNotExist(opts.out);
      const config = cliConfig();
      const recipient = await vaultInUse(config);
      const out = path.resolve(opts.out);
      await withRuntime(config, async (rt) => {
        let written = false;
        try {
          const r = must(
            await custodyOf(rt).exportShare(CLI_ACTOR, {
              vault: recipient.text,
              username: opts.custodian,
              details: { operator: os.userInfo().username },
              write: async (sealed) => {
                await writeNewFile(out, sealed);
                written = true;
                return out;
              },
            }),
          );
          emit(
            io,
            opts.json === true,
            { custodian: r.share.username, index: r.share.index, generation: r.share.generation, file: out },
            () =>
              [
                `Share ${r.share.index} of ${r.share.username} (generation ${r.share.generation}) written to ${out}.`,
                r.share.sealing === 'passphrase'
                  ? `It opens only with ${r.share.username}'s passphrase (also with \`age -d\`); alone it opens nothing. Keep it offline.`
                  : `It opens only with ${r.share.username}'s age key; alone it opens nothing. Keep it offline.`,
              ].join('\n'),
          );
        } catch (e) {
          // Not audited, so not exported: the file goes.
          if (written) await unlink(out).catch(() => undefined);
          throw e;
        }
      });
    });

  vault
    .command('status')
    .description('the vault key in use, its share set and who holds the shares')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = cliConfig();
      const recipient = await vaultInUse(config);
      await withRuntime(config, async (rt) => {
        const status = await custodyOf(rt).status(recipient.text);
        emit(
          io,
          opts.json === true,
          status === undefined ? { recipient: recipient.text, custody: null } : custodyJson(status),
          () =>
            [
              `Vault recipient (public key): ${recipient.text}`,
              status === undefined
                ? 'No custody: this vault was made the old way, with one identity file. Put it under custody: proportio vault custody --identity FILE --custodian …'
                : custodyText(status),
            ].join('\n'),
        );
      });
    });

  const clip = program
    .command('clip')
    .description('recorded clips (metadata, and decryption by the custodians’ shares)');
  clip
    .command('list')
    .description('clips in the local vault with their state in the database')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { json?: boolean }) => {
      const config = cliConfig();
      const paths = vaultPaths(config);
      const s = await openClipStore(paths.clips());
      if (!s.ok) throw CliError.fromDomain(s.error);
      const listed = await listClips(s.value);
      if (!listed.ok) throw CliError.fromDomain(listed.error);
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

  shareOptions(
    clip
      .command('decrypt')
      .description(
        'decrypt a clip into an MP4 with k custodians’ shares (each types their passphrase), audited before any plaintext exists; works from the share files alone when the database is unreachable',
      )
      .argument('<clip>', 'clip id (see `proportio clip list`)'),
  )
    .option('--identity <file>', 'only for a vault made the old way, not under custody: its identity file')
    .option('--offline', 'do not use the database (break-glass when it is unreachable; not audited)')
    .requiredOption('--out <file>', 'where to write the MP4 (must not exist)')
    .requiredOption(
      '--reason <text>',
      'why the footage is needed (e.g. "aangifte PL0999-2026…"); recorded in the audit log',
    )
    .action(
      async (
        clipId: string,
        opts: ShareOpts & { identity?: string; offline?: boolean; out: string; reason: string },
      ) => {
        const sources = sourcesOf(opts);
        if ((opts.identity === undefined) === !hasShares(sources))
          throw new CliError(
            'give the custodians’ shares (--share FILE / --share-of USER, as many as the threshold), or for a vault made the old way --identity FILE; not both',
            EXIT.USAGE,
          );
        const reason = checkReason(opts.reason);
        mustNotExist(opts.out);
        const config = cliConfig();
        const s = await openClipStore(vaultPaths(config).clips());
        if (!s.ok) throw CliError.fromDomain(s.error);
        const { rt, why } = await reachableRuntime(config, opts.offline === true);
        if (rt === null && opts.identity !== undefined)
          throw new CliError(
            `--identity needs the database, which cannot be reached (${why})`,
            EXIT.UNAVAILABLE,
          );
        if (rt === null)
          say(
            `WARNING: the database cannot be reached (${why}). Break-glass: this decryption is NOT audited and the clip cannot be checked against the digest recorded at sealing. Record who, when and why in the audit log afterwards (docs/custody.md).`,
          );
        try {
          await decryptClip({
            io,
            say,
            openPrompt,
            rt,
            store: s.value,
            clipId,
            reason,
            out: opts.out,
            sources,
            identity: opts.identity,
          });
        } finally {
          await rt?.close();
        }
      },
    );
};

interface EnrolmentOpts {
  custodian: string[];
  custodians?: string;
  threshold?: string;
}

/** The body of `clip decrypt`: which key, the audit before and after, the file. */
const decryptClip = async (a: {
  io: CliIo;
  say: (t: string) => void;
  openPrompt: OpenSecretPrompt;
  rt: Runtime | null;
  store: ClipStore;
  clipId: string;
  reason: string;
  out: string;
  sources: ShareSources;
  identity: string | undefined;
}): Promise<void> => {
  const { rt, clipId } = a;
  const recording = rt === null ? null : createRecordingStore(rt.database);
  let manifestDigest: string | undefined;
  if (recording !== null) {
    const row = await recording.read.clips.get(clipId);
    if (row === undefined)
      throw new CliError(`RESOURCE.NOT_FOUND: no clip ${clipId}`, EXIT.NO_INPUT, 'RESOURCE.NOT_FOUND');
    if ((row.status !== 'sealed' && row.status !== 'interrupted') || row.manifestDigest === null)
      throw new CliError(
        `RECORDING.CLIP_UNAVAILABLE: clip ${clipId} is ${row.status}`,
        EXIT.DATA_ERR,
        'RECORDING.CLIP_UNAVAILABLE',
      );
    manifestDigest = row.manifestDigest;
  }
  // The digest anchored at sealing: a swapped manifest or part is refused before any output.
  const digestCheck = manifestDigest === undefined ? {} : { expectedManifestDigest: manifestDigest };
  const headers = must(await readClipHeaders(a.store, clipId, digestCheck));
  const vault = headers.manifest.recipient;
  const custody: CustodyService | null = rt === null ? null : custodyOf(rt);
  const status = custody === null ? undefined : await custody.status(vault);

  let key: ClipKey;
  let how: Record<string, unknown>;
  let fileKeys: Map<string, Buffer> | null = null;
  if (a.identity !== undefined) {
    if (status !== undefined)
      throw new CliError(
        `CUSTODY.REQUIRED: this vault is under ${status.set.threshold}-of-${status.set.shares} custody; a single identity is no longer accepted (--share FILE …)`,
        EXIT.NO_PERM,
        'CUSTODY.REQUIRED',
      );
    key = must(await readIdentityFile(a.identity));
    how = { method: 'identity' };
  } else {
    const docs: ShareDocument[] = await gatherShares(a.sources, {
      openPrompt: a.openPrompt,
      say: a.say,
      vault,
      custody,
    });
    try {
      const used = must(selectShares(docs, { vault, current: status?.set }));
      how = {
        method: 'shares',
        generation: used[0]?.info.generation,
        custodians: used.map((d) => d.info.custodian),
      };
      fileKeys = must(await fileKeysFromShares(docs, { vault, current: status?.set }, headers.parts));
    } finally {
      wipeShares(docs);
    }
    key = { fileKeys };
  }
  try {
    const reading = must(await readClip(a.store, clipId, key, digestCheck));
    const operator = os.userInfo().username;
    const audit = async (action: string, extra: Record<string, unknown>) => {
      if (rt === null || recording === null) return;
      await recording.transaction((repos) =>
        recordAudit(repos, rt.clock, CLI_ACTOR, action, `clip:${clipId}`, {
          operator,
          reason: a.reason,
          manifestDigest,
          ...how,
          ...extra,
        }),
      );
    };
    // Audited before any plaintext exists: if the audit cannot be written, nothing is decrypted.
    await audit('clip.decrypt-started', {});
    const fh = await createNewFile(a.out);
    let bytes = 0;
    try {
      for await (const piece of reading) {
        await fh.write(piece);
        bytes += piece.length;
      }
      await fh.close();
    } catch (e) {
      await fh.close().catch(() => undefined);
      // A half-decrypted file must not look like the clip.
      await unlink(a.out).catch(() => undefined);
      const ve = (e as { error?: DomainError }).error;
      if (ve !== undefined) throw CliError.fromDomain(ve);
      throw e;
    }
    await audit('clip.decrypt', { bytes });
    a.io.out(
      rt === null
        ? `Decrypted clip ${clipId} (${bytes} bytes) to ${a.out}. NOT audited (offline): record this access in the audit log.`
        : `Decrypted clip ${clipId} (${bytes} bytes) to ${a.out}. This access is in the audit log.`,
    );
  } finally {
    if (fileKeys !== null) wipeFileKeys(fileKeys);
    if (Array.isArray(key)) for (const i of key as AgeIdentity[]) i.destroy();
  }
};
