/**
 * Evidence export for the police (issue 10 §4, ADR 0005):
 *   proportio export clip --grant GRANT --out DIR [--zip] [--to-recipient age1…|--to-passphrase]
 *       (API command) the signed package of your viewing grant: a folder DIR/<export id>/ (and
 *       with --zip the ZIP beside it); encrypted to a recipient it is only the .zip.age file
 *   proportio export verify PATH [--key PEM|--fingerprint HEX] [--json]
 *       (local, offline: no database, no server) signature, every hash, completeness; exit 1
 *       naming every problem
 *   proportio export key [--json]
 *       (local) the organisation's export key: created on first use; prints the public key and fingerprint
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { exportKey, exportKeyFile } from '../../adapters/evidence/export-key.js';
import { unzipFiles } from '../../adapters/evidence/package.js';
import { readPackageFiles, trustedFingerprint, verifyFiles } from '../../adapters/evidence/read-package.js';
import { describeProblem } from '../../core/evidence/verify.js';
import { isErrorCode } from '../../core/errors.js';
import { clientConfig, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, type CliIo } from '../io.js';
import { ttySecretPrompt, type OpenSecretPrompt } from '../secret-prompt.js';
import { cliConfig } from './local.command.js';

const ID = /^[A-Za-z0-9-]{1,64}$/;

const outExists = (p: string): never => {
  throw new CliError(
    `EVIDENCE.OUT_EXISTS: ${p} already exists; nothing was written`,
    EXIT.CANT_CREATE,
    'EVIDENCE.OUT_EXISTS',
  );
};

/** The package from the API: the ZIP (or .zip.age) and the export's id and manifest hash. */
const fetchPackage = async (
  o: Conn,
  grant: string,
  body: Record<string, string>,
): Promise<{ bytes: Buffer; fileName: string; exportId: string; manifestSha256: string }> => {
  const cfg = clientConfig(o);
  if (!cfg.token) throw new CliError('no API token: set PROPORTIO_TOKEN or pass --token', EXIT.NO_PERM);
  let res: Response;
  try {
    res = await fetch(new URL(`/api/footage/grants/${grant}/export`, cfg.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${cfg.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (e) {
    throw new CliError(`cannot reach Proportio at ${cfg.url} (${(e as Error).message})`, EXIT.UNAVAILABLE);
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    let p: { code?: string; detail?: string } = {};
    try {
      p = JSON.parse(bytes.toString('utf8')) as typeof p;
    } catch {
      // not a problem document
    }
    if (p.code && isErrorCode(p.code))
      throw CliError.fromDomain({ code: p.code, message: p.detail ?? res.statusText });
    throw new CliError(`HTTP ${res.status}: ${p.detail ?? res.statusText}`, EXIT.SOFTWARE);
  }
  const fileName =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'bewijsexport.zip';
  return {
    bytes,
    fileName: path.basename(fileName),
    exportId: res.headers.get('x-proportio-export-id') ?? '',
    manifestSha256: res.headers.get('x-proportio-manifest-sha256') ?? '',
  };
};

export const registerExportCommands = (
  program: Command,
  io: CliIo,
  openPrompt: OpenSecretPrompt = ttySecretPrompt,
): void => {
  const cmd = program.command('export').description('signed evidence export of footage for the police');

  withConn(
    cmd
      .command('clip')
      .description('export the footage of your viewing grant as a signed evidence package')
      .requiredOption('--grant <grant>', 'the viewing grant (its request must name export)')
      .requiredOption('--out <dir>', 'the folder to write into (created if missing)')
      .option('--zip', 'also write the package as one ZIP')
      .option(
        '--to-recipient <age1>',
        "encrypt the package to the recipient's age public key (only the .zip.age is written)",
      )
      .option(
        '--to-passphrase',
        'encrypt the package with a passphrase, asked on the terminal (only the .zip.age is written)',
      ),
  ).action(
    async (
      o: Conn & { grant: string; out: string; zip?: boolean; toRecipient?: string; toPassphrase?: boolean },
    ) => {
      if (!ID.test(o.grant))
        throw new CliError('REQUEST.INVALID: --grant must be an id', EXIT.DATA_ERR, 'REQUEST.INVALID');
      if (o.toRecipient !== undefined && o.toPassphrase)
        throw new CliError('give --to-recipient or --to-passphrase, not both', EXIT.USAGE);
      const body: Record<string, string> = {};
      if (o.toRecipient !== undefined) body.recipient = o.toRecipient;
      if (o.toPassphrase) {
        const prompt = openPrompt();
        try {
          const first = await prompt.ask('Passphrase for the package: ');
          const again = await prompt.ask('The same passphrase again: ');
          if (first !== again) throw new CliError('the passphrases differ; nothing was exported', EXIT.USAGE);
          body.passphrase = first;
        } finally {
          prompt.close();
        }
      }
      const out = path.resolve(o.out);
      const pkg = await fetchPackage(o, o.grant, body);
      await mkdir(out, { recursive: true, mode: 0o700 });
      const written: string[] = [];
      const writeNew = async (file: string, bytes: Uint8Array) => {
        await writeFile(file, bytes, { flag: 'wx', mode: 0o600 }).catch((e: NodeJS.ErrnoException) =>
          e.code === 'EEXIST' ? outExists(file) : Promise.reject(e),
        );
        written.push(file);
      };
      if (body.recipient !== undefined || body.passphrase !== undefined) {
        await writeNew(path.join(out, pkg.fileName), pkg.bytes);
      } else {
        const files = unzipFiles(pkg.bytes);
        if (files === undefined) throw new CliError('the server did not answer a ZIP', EXIT.SOFTWARE);
        const folder = path.join(out, pkg.fileName.replace(/\.zip$/, ''));
        if (existsSync(folder)) outExists(folder);
        await mkdir(folder, { mode: 0o700 });
        for (const [name, bytes] of files) await writeNew(path.join(folder, name), bytes);
        written.splice(0, written.length, folder);
        if (o.zip) await writeNew(path.join(out, pkg.fileName), pkg.bytes);
      }
      emit(io, Boolean(o.json), { exportId: pkg.exportId, manifestSha256: pkg.manifestSha256, written }, () =>
        [
          `Export ${pkg.exportId} (manifest SHA-256 ${pkg.manifestSha256}):`,
          ...written.map((w) => `  ${w}`),
          'Controleer / verify: proportio export verify PATH --fingerprint <fingerprint of the organisation>',
        ].join('\n'),
      );
    },
  );

  cmd
    .command('verify <path>')
    .description('verify an evidence package offline (folder or ZIP): signature, every hash, completeness')
    .option(
      '--key <pem>',
      "the organisation's public export key (PEM file): the package must be signed with it",
    )
    .option('--fingerprint <hex>', "the organisation's key fingerprint (as on its transparency page)")
    .option('--json', 'print the result as JSON')
    .action(async (where: string, o: { key?: string; fingerprint?: string; json?: boolean }) => {
      let pem: string | undefined;
      if (o.key !== undefined) {
        try {
          pem = await readFile(o.key, 'utf8');
        } catch {
          throw new CliError(
            `EVIDENCE.KEY_INVALID: cannot read ${o.key}`,
            EXIT.NO_INPUT,
            'EVIDENCE.KEY_INVALID',
          );
        }
      }
      const trusted = trustedFingerprint({
        ...(pem === undefined ? {} : { pem }),
        ...(o.fingerprint === undefined ? {} : { fingerprint: o.fingerprint }),
      });
      if (!trusted.ok) throw CliError.fromDomain(trusted.error);
      const files = await readPackageFiles(where);
      if (!files.ok) throw CliError.fromDomain(files.error);
      const v = verifyFiles(files.value, trusted.value);
      if (!v.ok) {
        emit(
          io,
          Boolean(o.json),
          { ok: false, problems: v.problems.map((p) => ({ ...p, text: describeProblem(p) })) },
          () =>
            [
              `NIET IN ORDE / NOT VALID: ${where}`,
              ...v.problems.map((p) => `  - ${describeProblem(p).nl}\n    ${describeProblem(p).en}`),
            ].join('\n'),
        );
        throw new CliError(
          `EVIDENCE.VERIFY_FAILED: ${v.problems.length} problem(s): ${[...new Set(v.problems.map((p) => p.file))].join(', ')}`,
          EXIT.CHECK_FAILED,
          'EVIDENCE.VERIFY_FAILED',
        );
      }
      const m = v.manifest;
      emit(
        io,
        Boolean(o.json),
        {
          ok: true,
          exportId: m.exportId,
          clipId: m.clip.id,
          files: m.files.length + 2,
          fingerprint: v.fingerprint,
          trusted: v.trusted,
        },
        () =>
          [
            `IN ORDE / VALID: ${where}`,
            `  export ${m.exportId}, clip ${m.clip.id}: ${m.camera.name}, ${m.room.name}, ${m.site.name}`,
            `  ${m.timeRange.start?.amsterdam ?? '?'} – ${m.timeRange.end?.amsterdam ?? '?'} (Europe/Amsterdam)`,
            `  ${m.files.length + 2} files, every SHA-256 matches; Ed25519 signature holds`,
            `  key fingerprint ${v.fingerprint}`,
            v.trusted
              ? "  the key is the organisation's (as given with --key/--fingerprint)"
              : "  LET OP / NOTE: compare the fingerprint with the organisation's transparency page, or pass --fingerprint",
          ].join('\n'),
      );
    });

  cmd
    .command('key')
    .description(
      "the organisation's export signing key: created on first use; prints the public key and fingerprint",
    )
    .option('--json', 'print the result as JSON')
    .action((o: { json?: boolean }) => {
      const key = exportKey(exportKeyFile(cliConfig().dataDir));
      const pub = key.publicKey();
      emit(
        io,
        Boolean(o.json),
        { algorithm: 'Ed25519', fingerprint: pub.fingerprint, pem: pub.pem, file: key.location },
        () =>
          [
            `Ed25519 export key ${key.location}`,
            `fingerprint (SHA-256): ${pub.fingerprint}`,
            pub.pem.trimEnd(),
          ].join('\n'),
      );
    });
};
