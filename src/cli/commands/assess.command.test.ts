import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT, type CliIo } from '../io.js';
import { registerAssessCommand } from './assess.command.js';

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
  const program = new Command('proportio').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errs.push(s) });
  registerAssessCommand(program, io);
  program.commands.forEach((c) => c.exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => errs.push(s) }));
  try {
    await program.parseAsync(['assess', ...args], { from: 'user' });
    return { code: EXIT.OK, out: out.join(''), err: errs.join(''), message: '' };
  } catch (e) {
    if (e instanceof CliError) return { code: e.exitCode, out: out.join(''), err: errs.join(''), message: e.message };
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
    const model = JSON.parse(r.out) as { verdict: { value: string }; findings: { ruleId: string; effectiveOutcome: string }[]; alternatives: { rows: unknown[] } };
    expect(model.verdict.value).toBe('not-permitted');
    expect(model.alternatives.rows).toHaveLength(10);
    expect(model.findings.filter((f) => f.effectiveOutcome === 'fail').map((f) => f.ruleId)).toContain('AUD-1');
  });

  it('prints a Dutch markdown report by default, with the alternatives table and sources', async () => {
    const r = await run(join(examples, 'mobile-alarm-buttons.json'));
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('**Oordeel: TOEGESTAAN**');
    expect(r.out).toContain('## Alternatieven naast elkaar');
    expect(r.out).toContain('Bron: GDPR Art. 6(1), last subparagraph');
  });

  it('marks a human judgement as such, next to the engine outcome (--lang en)', async () => {
    const r = await run(join(examples, 'incident-triggered-recording.json'), '--format', 'md', '--lang', 'en');
    expect(r.out).toContain('**Verdict: PERMITTED WITH CONDITIONS**');
    expect(r.out).toMatch(/\*\*Human judgement\*\* \(engine outcome: review\): pass by J\. Jansen/);
  });

  it('writes the report to --out and says the verdict', async () => {
    const target = join(dir, 'report.md');
    const r = await run(join(examples, 'defining-case.json'), '--format', 'md', '--out', target, '--lang', 'en');
    expect(r.code).toBe(EXIT.OK);
    expect(r.out).toContain('not permitted');
    expect(readFileSync(target, 'utf8')).toContain('## Findings');
  });

  it('--fail-on not-permitted exits 1 for the defining case and 0 for alarm buttons', async () => {
    expect((await run(join(examples, 'defining-case.json'), '--json', '--fail-on', 'not-permitted')).code).toBe(EXIT.CHECK_FAILED);
    expect((await run(join(examples, 'mobile-alarm-buttons.json'), '--json', '--fail-on', 'not-permitted')).code).toBe(EXIT.OK);
  });

  it.each(['html', 'pdf'])('--format %s is not yet available (exit 69)', async (format) => {
    const target = join(dir, `report.${format}`);
    const r = await run(join(examples, 'defining-case.json'), '--format', format, '--out', target);
    expect(r.code).toBe(EXIT.UNAVAILABLE);
    expect(r.message).toContain('not yet available');
    expect(existsSync(target)).toBe(false);
  });

  describe('bad input: a clear error, and nothing written', () => {
    it.each([
      ['a field of the wrong type', JSON.stringify({ ...JSON.parse(readFileSync(join(examples, 'mobile-alarm-buttons.json'), 'utf8')) as object, conditionsAccessToService: 'no' }), 'conditionsAccessToService: must be a boolean'],
      ['an unknown measure', JSON.stringify({ ...(JSON.parse(readFileSync(join(examples, 'mobile-alarm-buttons.json'), 'utf8')) as object), measure: { id: 'drone' } }), 'ASSESSMENT.UNKNOWN_MEASURE: measure.id'],
      ['not JSON', '{ "title": ', 'not valid JSON'],
      ['an array', '[]', '(root): must be an object'],
      ['hostile text', JSON.stringify({ title: '<script>alert(1)</script>', __proto__: { x: 1 } }), 'assessedOn: is required'],
    ])('%s → exit 65', async (_name, content, message) => {
      const target = join(dir, 'never.md');
      const r = await run(file('bad.json', content), '--out', target);
      expect(r.code).toBe(EXIT.DATA_ERR);
      expect(r.message).toContain(message);
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
