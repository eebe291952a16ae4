/**
 * The regulator dossier (issue 12 §4, docs/dossier.md):
 *   proportio dossier --out FILE.zip [--from YYYY-MM-DD --to YYYY-MM-DD] [--lang nl|en]
 *       (API command; dossier:export — the privacy officer, the auditor) writes the ZIP with the
 *       PDF in Dutch and English and dossier.json; the period defaults to the last twelve months.
 *       An existing file is never overwritten.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { isErrorCode } from '../../core/errors.js';
import { clientConfig, withConn, type Conn } from '../connection.js';
import { CliError, EXIT, emit, type CliIo } from '../io.js';

const DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const invalid = (message: string): never => {
  throw new CliError(`REQUEST.INVALID: ${message}`, EXIT.DATA_ERR, 'REQUEST.INVALID');
};

export const registerDossierCommand = (program: Command, io: CliIo): void => {
  withConn(
    program
      .command('dossier')
      .description('the dossier for the regulator (Autoriteit Persoonsgegevens) as a ZIP: PDF nl/en + JSON')
      .requiredOption('--out <file>', 'the ZIP to write (must not exist yet)')
      .option('--from <day>', 'first day of the period, YYYY-MM-DD (default: twelve months before --to)')
      .option('--to <day>', 'last day of the period, YYYY-MM-DD (default: today)')
      .option('--lang <lang>', 'only the PDF in this language: nl or en (default both)'),
  ).action(async (o: Conn & { out: string; from?: string; to?: string; lang?: string }) => {
    if (o.from !== undefined && !DAY.test(o.from))
      invalid(`--from must be a day YYYY-MM-DD, not "${o.from}"`);
    if (o.to !== undefined && !DAY.test(o.to)) invalid(`--to must be a day YYYY-MM-DD, not "${o.to}"`);
    if (o.lang !== undefined && o.lang !== 'nl' && o.lang !== 'en')
      invalid(`--lang must be nl or en, not "${o.lang}"`);
    if (!o.out.toLowerCase().endsWith('.zip')) invalid(`--out must name a .zip file, not "${o.out}"`);
    const cfg = clientConfig(o);
    if (!cfg.token) throw new CliError('no API token: set PROPORTIO_TOKEN or pass --token', EXIT.NO_PERM);
    const url = new URL('/api/dossier', cfg.url);
    for (const [k, v] of [
      ['from', o.from],
      ['to', o.to],
      ['lang', o.lang],
    ] as const)
      if (v !== undefined) url.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(url, { headers: { authorization: `Bearer ${cfg.token}` } });
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
    const out = path.resolve(o.out);
    await writeFile(out, bytes, { flag: 'wx', mode: 0o600 }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EEXIST')
        throw new CliError(`${out} already exists; nothing was written`, EXIT.CANT_CREATE);
      throw new CliError(`cannot write ${out} (${e.code ?? e.message})`, EXIT.CANT_CREATE);
    });
    emit(
      io,
      Boolean(o.json),
      { written: out, bytes: bytes.length },
      () => `Dossier: ${out} (${bytes.length} bytes)`,
    );
  });
};
