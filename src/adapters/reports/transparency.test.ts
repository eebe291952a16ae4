import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoomPolicy } from '../../core/policy/policy.js';
import {
  buildTransparencyTexts,
  pdfPageCount,
  renderSignPdf,
  type TransparencyInput,
} from './transparency.js';
import { toolsAvailable } from '../../../test/support/tools.js';

/** pdfinfo and pdftotext (Debian's poppler-utils) read the PDFs as a reader would. */
const hasPoppler = toolsAvailable('PDF', 'pdfinfo', 'pdftotext');

const dir = mkdtempSync(join(tmpdir(), 'proportio-sign-'));
const policy: RoomPolicy = {
  roomId: 'spreekkamer-1',
  entries: [
    {
      assessmentId: 'a-7',
      measureId: 'incident-recording',
      conversationTypeId: 'terugvordering',
      hours: [{ days: [1, 2, 3, 4, 5], from: '08:30', to: '17:00' }],
      mode: { kind: 'incident-triggered', preRollSeconds: 30, postRollSeconds: 120 },
      audioAllowed: false,
      retentionHours: 72,
      viewers: ['beveiligingscoördinator', 'FG'],
      validUntil: '2025-02-01T00:00:00.000Z',
    },
  ],
};
const input: TransparencyInput = {
  organisation: {
    name: 'Gemeente IJsselstein',
    address: 'Overtoom 1\n3401 BK IJsselstein',
    dpo: { email: 'fg@ijsselstein.example', phone: '14 030' },
  },
  room: { id: 'spreekkamer-1', name: 'Spreekkamer 1' },
  policy,
  conversationTypeNames: { terugvordering: 'gesprekken over terugvordering' },
  secondLayerUrl: 'https://ijsselstein.example/camera',
};
const pdfText = (file: string): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('transparency texts (TRN-1)', () => {
  it.skipIf(!hasPoppler)(
    'the first-layer sign is one tagged A4 page: who, purpose, only on an alarm, retention, rights, DPO, second layer; Dutch then English',
    async () => {
      const file = join(dir, 'sign.pdf');
      const pdf = await renderSignPdf(input);
      writeFileSync(file, pdf);
      expect(pdfPageCount(pdf)).toBe(1);
      expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(
        /Tagged:\s+yes[\s\S]*Pages:\s+1\n[\s\S]*A4/,
      );
      const t = pdfText(file);
      for (const s of [
        'Camera: opname alleen bij alarm',
        'Gemeente IJsselstein gebruikt in Spreekkamer 1 een camera',
        'alleen iets bewaard als een medewerker op de alarmknop drukt',
        'Er wordt geen geluid opgenomen.',
        '3 dagen (72 uur) automatisch gewist',
        'De opname gaat direct uit',
        'inzien of laten wissen',
        'fg@ijsselstein.example',
        'https://ijsselstein.example/camera',
        'Camera: recording only on an alarm',
      ])
        expect(t).toContain(s);
      expect(t.indexOf('Hier')).toBe(-1);
      expect(t.indexOf('Camera: opname')).toBeLessThan(t.indexOf('Camera: recording'));
    },
  );

  it.skipIf(!hasPoppler)(
    'a room whose policy is off gets a "no recording" sign, page and letter paragraph',
    async () => {
      const off = { ...input, policy: undefined };
      const texts = buildTransparencyTexts(off);
      expect(texts.recording).toBe(false);
      expect(texts.letterParagraph.nl).toBe(
        'Uw gesprek is in Spreekkamer 1. Daar worden geen beelden en geen geluid opgenomen.',
      );
      expect(texts.secondLayerMarkdown).toContain('# Geen camera-opname in Spreekkamer 1');
      const file = join(dir, 'off.pdf');
      writeFileSync(
        file,
        await renderSignPdf({ ...input, policy: { roomId: 'spreekkamer-1', entries: [] } }),
      );
      const t = pdfText(file);
      expect(t).toContain('Hier wordt niet gefilmd');
      expect(t).toContain('No camera recording here');
      expect(t).not.toContain('alarmknop');
    },
  );

  it('the second layer and the letter say what Art. 13 asks, in Dutch and English', () => {
    const texts = buildTransparencyTexts(input);
    const md = texts.secondLayerMarkdown;
    for (const s of [
      '## Wie',
      '## Waarom',
      '## Wanneer',
      '## Hoe lang',
      '## Wie kijkt',
      '## Uw rechten',
      '## Your rights',
      'Overtoom 1, 3401 BK IJsselstein',
      'beveiligingscoördinator, FG',
      'binnen een maand',
      'Autoriteit Persoonsgegevens',
      'nooit gebruikt om medewerkers te beoordelen',
    ])
      expect(md).toContain(s);
    expect(texts.secondLayerHtml).toMatch(/^<!doctype html>\n<html lang="nl">/);
    expect(texts.secondLayerHtml).toContain('<article lang="en">');
    expect(texts.letterParagraph.nl).toContain(
      'Er wordt alleen iets bewaard als een medewerker op de alarmknop drukt.',
    );
    expect(texts.letterParagraph.en).toContain(
      'Nothing is kept unless a staff member presses the alarm button.',
    );
  });

  it('continuous recording with sound says so, per kind of conversation and hours', () => {
    const entry = policy.entries[0]!;
    const texts = buildTransparencyTexts({
      ...input,
      policy: {
        roomId: 'spreekkamer-1',
        entries: [{ ...entry, mode: { kind: 'continuous' }, audioAllowed: true }],
      },
    });
    expect(texts.secondLayerMarkdown).toContain(
      'Er worden beelden opgenomen tijdens: gesprekken over terugvordering (ma,di,wo,do,vr 08:30–17:00).',
    );
    expect(texts.letterParagraph.nl).toContain('Ook geluid wordt opgenomen.');
    expect(texts.sign.title).toContain('Camera: opname tijdens gesprekken');
  });

  it('escapes hostile names in the second-layer HTML', () => {
    const texts = buildTransparencyTexts({ ...input, room: { id: 'x', name: '<script>alert(1)</script>' } });
    expect(texts.secondLayerHtml).not.toContain('<script>');
    expect(texts.secondLayerHtml).toContain('&lt;script&gt;');
  });
});
