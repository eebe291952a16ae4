import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT, type CliIo } from '../io.js';
import { registerAssessCommand } from './assess.command.js';
import { toolsAvailable } from '../../../test/support/tools.js';

/** pdfinfo and pdftotext (Debian's poppler-utils) read the PDFs as a reader would. */
const hasPoppler = toolsAvailable('PDF', 'pdfinfo', 'pdftotext');

const examples = fileURLToPath(new URL('../../../examples/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'proportio-assess-'));

interface Run {
  code: number;
  out: string;
  err: string;
  message: string;
}

const run = async (...args: string[]): Promise<Run> => {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => errs.push(t) };
  const program = new Command('proportio')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errs.push(s) });
  registerAssessCommand(program, io);
  program.commands.forEach((c) =>
    c.exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errs.push(s) }),
  );
  try {
    await program.parseAsync(['assess', ...args], { from: 'user' });
    return { code: EXIT.OK, out: out.join(''), err: errs.join(''), message: '' };
  } catch (e) {
    if (e instanceof CliError)
      return { code: e.exitCode, out: out.join(''), err: errs.join(''), message: e.message };
    return { code: EXIT.USAGE, out: out.join(''), err: errs.join(''), message: (e as Error).message };
  }
};

const file = (name: string, content: string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe('proportio assess', () => {
  it('--json prints the report model with the verdict of the defining case', async () => {
    const r = await run(join(examples, 'defining-case.json'), '--json');
    expect(r.code).toBe(EXIT.OK);
    const model = JSON.parse(r.out) as {
      verdict: { value: string };
      findings: { ruleId: string; effectiveOutcome: string }[];
      alternatives: { rows: unknown[] };
    };
    expect(model.verdict.value).toBe('not-permitted');
    expect(model.alternatives.rows).toHaveLength(10);
    expect(model.findings.filter((f) => f.effectiveOutcome === 'fail').map((f) => f.ruleId)).toContain(
      'AUD-1',
    );
  });

  it('prints a Dutch markdown report by default, with the alternatives table and sources', async () => {
    const r = await run(join(examples, 'mobile-alarm-buttons.json'));
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('**Oordeel: TOEGESTAAN**');
    expect(r.out).toContain('## Alternatieven naast elkaar');
    expect(r.out).toContain('Bron: AVG art. 6 lid 1, laatste alinea');
    expect(r.out).not.toContain('(verify)');
  });

  it('marks a human judgement as such, next to the engine outcome (--lang en)', async () => {
    const r = await run(
      join(examples, 'incident-triggered-recording.json'),
      '--format',
      'md',
      '--lang',
      'en',
    );
    expect(r.out).toContain('**Verdict: PERMITTED WITH CONDITIONS**');
    // The same outcome names as the DPIA document (core/assessment/labels.ts).
    expect(r.out).toMatch(
      /\*\*Human judgement\*\* \(engine outcome: review \(needs a human judgement\)\): pass by J\. Jansen/,
    );
  });

  it('names a blocking finding as the DPIA document does (--lang nl and en)', async () => {
    const defining = join(examples, 'defining-case.json');
    const en = await run(defining, '--format', 'md', '--lang', 'en');
    expect(en.out).toMatch(/^### [A-Z0-9-]+ — .*: fail \(blocking\)$/m);
    const nl = await run(defining, '--format', 'md', '--lang', 'nl');
    expect(nl.out).toMatch(/^### [A-Z0-9-]+ — .*: blokkeert$/m);
  });

  /** The defining case's English report in this format, written to --out: the file's text. */
  const writtenReport = async (format: 'md' | 'html'): Promise<string> => {
    const target = join(dir, `report.${format}`);
    const r = await run(
      join(examples, 'defining-case.json'),
      '--format',
      format,
      '--out',
      target,
      '--lang',
      'en',
    );
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('not permitted');
    return readFileSync(target, 'utf8');
  };

  it('writes the report to --out and says the verdict', async () => {
    expect(await writtenReport('md')).toContain('## Findings');
  });

  it('--fail-on not-permitted exits 1 for the defining case and 0 for alarm buttons', async () => {
    expect(
      (await run(join(examples, 'defining-case.json'), '--json', '--fail-on', 'not-permitted')).code,
    ).toBe(EXIT.CHECK_FAILED);
    expect(
      (await run(join(examples, 'mobile-alarm-buttons.json'), '--json', '--fail-on', 'not-permitted')).code,
    ).toBe(EXIT.OK);
  });

  it('--format html writes an accessible HTML report to --out', async () => {
    const html = await writtenReport('html');
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('14.1 Subsidiarity: which measures, and the pros and cons of each');
    expect(html).toContain('<th scope="col">Measure</th>');
  });

  it('--format html without --out prints the document', async () => {
    const r = await run(join(examples, 'mobile-alarm-buttons.json'), '--format', 'html');
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('<html lang="nl">');
  });

  it.skipIf(!hasPoppler)('--format pdf writes a tagged A4 PDF to --out', async () => {
    const target = join(dir, 'report.pdf');
    const r = await run(join(examples, 'defining-case.json'), '--format', 'pdf', '--out', target);
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toBe(`${target}: niet toegestaan`);
    expect(readFileSync(target).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [target], { encoding: 'utf8' });
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/\(A4\)/);
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', target, '-'], { encoding: 'utf8' })).toContain(
      'Oordeel: NIET TOEGESTAAN',
    );
  });

  it('--format pdf without --out is a usage error and writes nothing', async () => {
    const r = await run(join(examples, 'defining-case.json'), '--format', 'pdf');
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.message).toContain('--format pdf needs --out FILE');
    expect(r.out).toBe('');
  });

  it('an unknown --format is a usage error naming the allowed choices, and writes nothing', async () => {
    const target = join(dir, 'report.docx');
    const r = await run(join(examples, 'defining-case.json'), '--format', 'docx', '--out', target);
    expect(r.code).toBe(EXIT.USAGE);
    expect(r.err).toMatch(/argument 'docx' is invalid\. Allowed choices are md, html, pdf/);
    expect(existsSync(target)).toBe(false);
  });

  it('an unwritable --out exits 73', async () => {
    const r = await run(
      join(examples, 'defining-case.json'),
      '--format',
      'pdf',
      '--out',
      join(dir, 'no-such-dir', 'x.pdf'),
    );
    expect(r.code).toBe(EXIT.CANT_CREATE);
  });

  describe('bad input: a clear error, and nothing written', () => {
    it.each([
      [
        'a field of the wrong type',
        JSON.stringify({
          ...(JSON.parse(readFileSync(join(examples, 'mobile-alarm-buttons.json'), 'utf8')) as object),
          conditionsAccessToService: 'no',
        }),
        'conditionsAccessToService: must be a boolean',
      ],
      [
        'an unknown measure',
        JSON.stringify({
          ...(JSON.parse(readFileSync(join(examples, 'mobile-alarm-buttons.json'), 'utf8')) as object),
          measure: { id: 'drone' },
        }),
        'ASSESSMENT.UNKNOWN_MEASURE: measure.id',
      ],
      ['not JSON', '{ "title": ', 'not valid JSON'],
      ['an array', '[]', '(root): must be an object'],
      [
        'hostile text',
        JSON.stringify({ title: '<script>alert(1)</script>', __proto__: { x: 1 } }),
        'assessedOn: is required',
      ],
    ])('%s → exit 65', async (_name, content, message) => {
      const target = join(dir, 'never.md');
      const r = await run(file('bad.json', content), '--out', target);
      expect(r.code).toBe(EXIT.DATA_ERR);
      expect(r.message).toContain(message);
      expect(existsSync(target)).toBe(false);
    });

    it.each(['html', 'pdf'])('a bad scenario with --format %s → exit 65 and no file', async (format) => {
      const target = join(dir, `never.${format}`);
      const r = await run(
        file('bad-format.json', JSON.stringify({ title: 'x' })),
        '--format',
        format,
        '--out',
        target,
      );
      expect(r.code).toBe(EXIT.DATA_ERR);
      expect(r.message).toContain('ASSESSMENT.INVALID_SCENARIO');
      expect(existsSync(target)).toBe(false);
    });

    it('a missing file → exit 66', async () => {
      const r = await run(join(dir, 'does-not-exist.json'));
      expect(r.code).toBe(EXIT.NO_INPUT);
    });

    it('an oversized file → exit 65 without parsing it', async () => {
      const r = await run(file('huge.json', ' '.repeat(5 * 1024 * 1024 + 1)));
      expect(r.code).toBe(EXIT.DATA_ERR);
      expect(r.message).toContain('larger than');
    });

    it('an unknown --lang is a usage error', async () => {
      const r = await run(join(examples, 'defining-case.json'), '--lang', 'de');
      expect(r.code).toBe(EXIT.USAGE);
      expect(r.out).toBe('');
    });

    it('--json with --format is a usage error', async () => {
      const r = await run(join(examples, 'defining-case.json'), '--json', '--format', 'md');
      expect(r.code).toBe(EXIT.USAGE);
    });
  });
});
