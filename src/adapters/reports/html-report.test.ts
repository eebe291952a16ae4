import { describe, expect, it } from 'vitest';
import { exampleReport } from './report-test-kit.js';
import { renderHtmlReport } from './html-report.js';

const load = exampleReport;
const unescape = (s: string): string =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('renderHtmlReport', () => {
  const { scenario, model } = load('defining-case');
  const nl = renderHtmlReport(model, 'nl', { scenario });

  it('is one self-contained document with a language, a title and no scripts or external resources', () => {
    expect(nl.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(nl).toContain('<meta charset="utf-8">');
    expect(nl).toMatch(/<title>DPIA: Camera en geluid/);
    expect(nl).not.toMatch(/<script|<link |src=|href="http/i);
    expect(renderHtmlReport(model, 'en').startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
  });

  it('has exactly one h1 and the parts and paragraphs of the Model DPIA Rijksdienst as headings', () => {
    expect(nl.match(/<h1[ >]/g)).toHaveLength(1);
    for (const h of [
      '<h2 id="s1">Deel A — Beschrijving kenmerken gegevensverwerkingen</h2>',
      'Deel B — Beoordeling rechtmatigheid gegevensverwerkingen</h2>',
      'Deel C — Beschrijving en beoordeling van risico’s voor de betrokkenen</h2>',
      'Deel D — Beschrijving van de beoogde maatregelen</h2>',
      '<h3>11. Rechtsgrond</h3>',
      '<h4>14.1 Subsidiariteit: welke middelen, per middel de voor- en nadelen</h4>',
      '<h3>17. Maatregelen</h3>',
    ])
      expect(nl).toContain(h);
    expect(nl).toMatch(/<section aria-labelledby="s1">/);
  });

  it('has the alternatives table with a caption and column headers, one row per catalogue measure', () => {
    const table = /<table[^>]*><caption>Alternatieven naast elkaar[\s\S]*?<\/table>/.exec(nl)?.[0] ?? '';
    expect(table).not.toBe('');
    for (const th of ['Middel', 'Directe hulp', 'Bewijs', 'Bereikt doel', 'Voordelen', 'Nadelen'])
      expect(table.replace(/\u00AD/g, '')).toContain(`<th scope="col">${th}</th>`);
    expect(table.match(/<th scope="row">/g)).toHaveLength(10);
    expect(table).toContain('<strong>9. Opname van beeld en geluid (beoordeeld)</strong>');
  });

  it('shows every finding with its id, outcome and source', () => {
    for (const f of model.findings) {
      expect(nl, f.ruleId).toContain(`${f.ruleId} — ${f.title.nl}`);
      expect(unescape(nl), f.ruleId).toContain(f.citation.nl);
    }
    expect(nl).toContain('<strong>Uitkomst: </strong>blokkeert');
    expect(nl).toContain('<strong>Oordeel: NIET TOEGESTAAN</strong>');
  });

  it('names the DPIA list items and WP248 criteria, and the EDPB analogy note', () => {
    for (const i of model.dpia.apListItems) expect(nl).toContain(i.name.nl);
    for (const c of model.dpia.wp248Criteria) expect(nl).toContain(c.name.nl);
    expect(nl).toContain('EDPB-richtsnoeren 3/2019, punt 18–40');
  });

  it('shows a human judgement with name and reasons, the DPO advice and the decision from the workflow', () => {
    const judged = load('incident-triggered-recording');
    const html = renderHtmlReport(judged.model, 'en', {
      scenario: judged.scenario,
      workflow: {
        version: 2,
        status: 'approved',
        dpoAdvice: {
          by: 'J. Jansen (DPO)',
          date: '2024-01-15',
          advice: 'Only on an alarm, never sound.',
          followed: true,
        },
        dataSubjectViews: {
          sought: true,
          from: 'Client council',
          date: '2024-01-10',
          summary: 'Never sound.',
        },
        decision: {
          by: 'P. de Vries',
          date: '2024-02-10',
          outcome: 'approved',
          reasons: 'Evidence tied to this room.',
        },
      },
    });
    expect(html).toContain(
      'Human judgement (engine outcome: review (needs a human judgement)): </strong>pass — J. Jansen (functionaris gegevensbescherming), 2024-01-25',
    );
    expect(html).toContain('<th scope="row">PROP-1 — ');
    expect(html).toContain('Only on an alarm, never sound.');
    expect(html).toContain('sought — Client council, 2024-01-10');
    expect(html).toContain('<strong>Decision: approved</strong>');
    expect(html).toContain('<th scope="row">Version</th><td>2</td>');
  });

  it('says when advice and decision are missing, and escapes hostile text', () => {
    const hostile = load('mobile-alarm-buttons', (s) => ({
      ...s,
      title: '<script>alert(1)</script> & "x"',
      purpose: { ...s.purpose, text: '<img src=x onerror=alert(1)>' },
    }));
    const html = renderHtmlReport(hostile.model, 'nl');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).toContain('Er is geen besluit vastgelegd.');
    expect(html).toContain('Geen advies van de functionaris gegevensbescherming vastgelegd.');
  });
});
