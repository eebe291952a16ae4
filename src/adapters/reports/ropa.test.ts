import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleReport } from './report-test-kit.js';
import { buildRopaEntry, renderRopaPdf, type Organisation } from './ropa.js';
import { toolsAvailable } from '../../../test/support/tools.js';

/** pdfinfo and pdftotext (Debian's poppler-utils) read the PDFs as a reader would. */
const hasPoppler = toolsAvailable('PDF', 'pdfinfo', 'pdftotext');

const load = exampleReport;
const organisation: Organisation = {
  name: 'Gemeente Voorbeeld',
  address: 'Raadhuisplein 1\n1234 AB IJsselstein',
  dpo: { name: 'J. Jansen', email: 'fg@voorbeeld.nl' },
};
const approval = { assessmentId: 'a-7', version: 2, approvedBy: 'P. de Vries', approvedOn: '2024-02-10' };

describe('register-of-processing entry (Art. 30(1))', () => {
  it('has every Art. 30(1) item for an approved incident-recording measure', () => {
    const { scenario, model } = load('incident-triggered-recording');
    const r = buildRopaEntry({ organisation, model, scenario, approval });
    if (!r.ok) throw new Error(r.error.message);
    const e = r.value;
    expect(e.controller).toEqual({
      name: 'Gemeente Voorbeeld',
      address: 'Raadhuisplein 1\n1234 AB IJsselstein',
    });
    expect(e.dpo.email).toBe('fg@voorbeeld.nl');
    expect(e.purposes[0]?.nl).toContain('terugvorderingsgesprek');
    expect(e.dataSubjectCategories.map((x) => x.en)).toEqual([
      'staff in the interview rooms',
      'residents (clients) and their companions in the interview rooms',
    ]);
    expect(e.personalDataCategories.map((x) => x.en)).toContain('camera images of the interview room');
    expect(e.personalDataCategories.map((x) => x.en).join()).not.toContain('sound');
    expect(e.recipients.map((x) => x.nl)).toContain('beveiligingscoördinator');
    expect(e.transfers.thirdCountries).toEqual([]);
    expect(e.retention).toMatchObject({ hours: 72, automaticDeletion: true });
    expect(e.securityMeasures.map((x) => x.en)).toContain('Recordings encrypted at rest');
    expect(e.assessment).toMatchObject({
      id: 'a-7',
      version: 2,
      verdict: 'permitted-with-conditions',
      reviewDate: '2025-02-01',
    });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ kind: 'proportio.ropa-entry', schemaVersion: 1 });
  });

  it('refuses a measure that is not approved or not permitted', () => {
    const a = load('incident-triggered-recording');
    const noApproval = buildRopaEntry({ organisation, model: a.model });
    expect(noApproval.ok ? '' : noApproval.error.code).toBe('ASSESSMENT.NOT_APPROVED');
    const d = load('defining-case');
    const notPermitted = buildRopaEntry({ organisation, model: d.model, scenario: d.scenario, approval });
    expect(notPermitted.ok ? '' : notPermitted.error.message).toContain('verdict not permitted');
  });

  it.skipIf(!hasPoppler)('renders as a tagged A4 PDF that keeps Dutch characters', async () => {
    const { scenario, model } = load('mobile-alarm-buttons');
    const r = buildRopaEntry({ organisation, model, scenario, approval });
    if (!r.ok) throw new Error(r.error.message);
    const file = join(mkdtempSync(join(tmpdir(), 'proportio-ropa-')), 'ropa.pdf');
    writeFileSync(file, await renderRopaPdf(r.value, 'nl'));
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes[\s\S]*A4/);
    const t = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      ' ',
    );
    for (const s of [
      'Verwerkingsregister — vermelding',
      'Artikel 30 lid 1 AVG',
      'Doorgifte buiten de EER (e)',
      'Geen doorgifte buiten de EER.',
      'IJsselstein',
      'Beveiligingsmaatregelen (g)',
    ])
      expect(t).toContain(s);
    // Alarm buttons log staff only: no resident data, no images.
    expect(r.value.personalDataCategories.map((x) => x.nl).join()).not.toContain('camerabeelden');
  });
});
