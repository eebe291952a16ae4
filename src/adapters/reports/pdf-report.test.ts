import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleReport } from './report-test-kit.js';
import { renderPdfReport } from './pdf-report.js';
import { toolsAvailable } from '../../../test/support/tools.js';

/** pdfinfo and pdftotext (Debian's poppler-utils) read the PDFs as a reader would. */
const hasPoppler = toolsAvailable('PDF', 'pdfinfo', 'pdftotext');

const dir = mkdtempSync(join(tmpdir(), 'proportio-pdf-'));

const load = exampleReport;

const write = (name: string, pdf: Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
};
/** pdftotext joins what a reader would read; we compare on collapsed whitespace. */
const text = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const info = (file: string): string => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

describe('renderPdfReport', () => {
  const dutch = load('defining-case', (s) => ({
    ...s,
    title: 'Camera in spreekkamer IJsselmonde: bĳstandsgesprekken, kosten € 12.500, één café',
  }));

  it.skipIf(!hasPoppler)('is a tagged A4 PDF with title metadata, in Dutch', async () => {
    const file = write('nl.pdf', await renderPdfReport(dutch.model, 'nl', { scenario: dutch.scenario }));
    const i = info(file);
    expect(i).toMatch(/Tagged:\s+yes/);
    expect(i).toMatch(/Page size:\s+595\.2\d? x 841\.8\d? pts \(A4\)/);
    expect(i).toMatch(/Title:\s+DPIA: Camera in spreekkamer IJsselmonde/);
    expect(Number(/Pages:\s+(\d+)/.exec(i)?.[1])).toBeGreaterThan(3);
    const t = text(file);
    expect(t).toContain('Oordeel: NIET TOEGESTAAN');
    expect(t).toContain('14.1 Subsidiariteit: welke middelen, per middel de voor- en nadelen');
    expect(t).toContain('Deel D — Beschrijving van de beoogde maatregelen');
    // Dutch characters and the euro sign survive the round trip through the embedded font.
    expect(t).toContain('bĳstandsgesprekken');
    expect(t).toContain('€ 12.500');
    expect(t).toContain('één café');
    expect(t).toMatch(/Pagina 1 van \d+/);
  });

  it.skipIf(!hasPoppler)(
    'carries every finding with its rule id and every blocking rule of the defining case',
    async () => {
      const file = write('ids.pdf', await renderPdfReport(dutch.model, 'nl', { scenario: dutch.scenario }));
      const t = text(file);
      for (const f of dutch.model.findings) expect(t, f.ruleId).toContain(`${f.ruleId} — ${f.title.nl}`);
      for (const id of ['NEC-3', 'AUD-1', 'SC-1', 'PROP-3', 'DPIA-1'])
        expect(dutch.model.findings.find((f) => f.ruleId === id)?.effectiveOutcome).toBe('fail');
      expect(t).toContain('EDPB-richtsnoeren 3/2019, punt 18–40');
      // Sources in Dutch and in words: AVG, no internal notes, no file names.
      expect(t).toContain('Bron: AVG art. 6 lid 1, laatste alinea');
      expect(t).toContain('bron nog niet bevestigd');
      for (const leak of ['(verify)', 'DOMAIN.md', 'GDPR Art.']) expect(t).not.toContain(leak);
    },
  );

  it.skipIf(!hasPoppler)(
    'has a structure tree with headings, table header cells with a scope, and lists',
    async () => {
      const file = write('struct.pdf', await renderPdfReport(dutch.model, 'en'));
      const tree = execFileSync('pdfinfo', ['-struct', file], { encoding: 'utf8' });
      for (const tag of [
        'Document',
        'H1',
        'H2',
        'H3',
        'H4',
        'P',
        'Table',
        'Caption',
        'TR',
        'TH',
        'TD',
        'L',
        'LI',
        'LBody',
      ])
        expect(tree, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'));
      expect(tree).toContain('/Scope /Column');
      expect(tree).toContain('/Scope /Row');
    },
  );

  it.skipIf(!hasPoppler)('shows a human judgement as such, with the name, in English', async () => {
    const { model, scenario } = load('incident-triggered-recording');
    const file = write(
      'en.pdf',
      await renderPdfReport(model, 'en', {
        scenario,
        workflow: {
          version: 3,
          decision: {
            by: 'P. de Vries',
            role: 'municipal secretary',
            date: '2024-02-10',
            outcome: 'approved',
            reasons: 'Evidence tied to this room.',
          },
        },
      }),
    );
    const t = text(file);
    expect(t).toContain('Verdict: PERMITTED WITH CONDITIONS');
    expect(t).toMatch(
      /Human judgement \(engine outcome: review \(needs a human judgement\)\): pass — J\. Jansen/,
    );
    expect(t).toContain('Decision: approved');
    expect(t).toContain('P. de Vries (municipal secretary), 2024-02-10');
    expect(info(file)).toMatch(/Tagged:\s+yes/);
  });

  it.skipIf(!hasPoppler)(
    'breaks a table row that is longer than a page over pages instead of cutting it',
    async () => {
      const long = Array.from({ length: 400 }, (_, i) => `reden${i}`).join(' ');
      const { model, scenario } = load('mobile-alarm-buttons', (s) => ({
        ...s,
        alternatives: [...s.alternatives.slice(0, 1).map((a) => ({ ...a, reasons: `${long} EINDE` }))],
      }));
      const file = write('long.pdf', await renderPdfReport(model, 'nl', { scenario }));
      const t = text(file);
      expect(t).toContain('reden399 EINDE');
      expect(t).toContain('reden0 ');
    },
  );
});
