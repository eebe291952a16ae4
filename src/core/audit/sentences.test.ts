/**
 * Every action code the code writes to the audit log has a sentence in Dutch and English. The
 * codes are read from the source: the literals in each audit write (recordAudit, the services'
 * own audit helpers, `action:`/`action =` in a write's neighbourhood) under src/services and src/cli.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_SENTENCES, auditSentence } from './sentences.js';

const root = path.resolve(import.meta.dirname, '../..');
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });

const writtenCodes = (): Map<string, string> => {
  const codes = new Map<string, string>();
  for (const file of [...sources(path.join(root, 'services')), ...sources(path.join(root, 'cli'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:recordAudit|audit|recordFailure|record)\s*\(|\baction\s*[:=]/g)) {
      const window = text.slice(m.index, m.index + 400);
      const end = window.search(/\)\s*;|\n\s*\}\s*\)|\n\n/);
      for (const lit of (end > 0 ? window.slice(0, end) : window).matchAll(/'([a-z][a-z-]*(?:\.[a-z-]+)+)'/g))
        codes.set(lit[1]!, path.relative(root, file));
    }
  }
  return codes;
};

describe('audit sentences', () => {
  it('finds the codes the code writes (the scan itself works)', () => {
    const codes = writtenCodes();
    for (const known of [
      'auth.login',
      'assessment.approve',
      'policy.compiled',
      'viewing.played',
      'api-token.create',
    ])
      expect(codes.has(known), known).toBe(true);
  });

  it('has a sentence in Dutch and English for every code the code writes', () => {
    const missing = [...writtenCodes()]
      .filter(([code]) => !AUDIT_SENTENCES[code]?.nl.trim() || !AUDIT_SENTENCES[code]?.en.trim())
      .map(([code, file]) => `${code} (${file})`);
    expect(missing, 'add these to src/core/audit/sentences.ts').toEqual([]);
  });

  it("has a sentence for every step of a resident's request (codes built as rights.request.<step>)", () => {
    const service = fs.readFileSync(path.join(root, 'services/rights.service.ts'), 'utf8');
    const ports = fs.readFileSync(path.join(root, 'services/rights-ports.ts'), 'utf8');
    const steps = [
      ...[...service.matchAll(/\baction: '([a-z-]+)'/g)].map((m) => m[1]!),
      ...[...service.matchAll(/\brecord\(repos,[^;']*'([a-z-]+)'/g)].map((m) => m[1]!),
      ...[...(/type ClipOutcome = ([^;]+);/.exec(ports)?.[1] ?? '').matchAll(/'([a-z-]+)'/g)].map(
        (m) => `clip-${m[1]!}`,
      ),
    ];
    expect(steps).toEqual(expect.arrayContaining(['received', 'decided', 'clips-linked', 'clip-erased']));
    const missing = steps.map((x) => `rights.request.${x}`).filter((code) => !AUDIT_SENTENCES[code]);
    expect(missing, 'add these to src/core/audit/sentences.ts').toEqual([]);
  });

  it('puts names where the codes were', () => {
    expect(
      auditSentence('assessment.approve', {
        actor: { nl: 'Fleur de Graaf (FG)', en: 'Fleur de Graaf (FG)' },
        subject: { nl: 'Camera spreekkamer A', en: 'Camera spreekkamer A' },
      }),
    ).toEqual({
      nl: "Fleur de Graaf (FG) heeft afweging 'Camera spreekkamer A' goedgekeurd",
      en: "Fleur de Graaf (FG) approved assessment 'Camera spreekkamer A'",
    });
    for (const [code, t] of Object.entries(AUDIT_SENTENCES)) {
      expect(`${t.nl} ${t.en}`, code).not.toMatch(/\b[a-z]+\.[a-z-]+\b|\{(?!actor\}|subject\})/);
    }
  });
});
