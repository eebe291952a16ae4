import { describe, expect, it } from 'vitest';
import type { SubjectRequest } from '../../core/rights/request.js';
import { letterText, rightsLetter, type LetterInput } from './rights-letter.js';

const request: SubjectRequest & { deadline: { dueOn: string } } = {
  id: 'req-1',
  kind: 'access',
  channel: 'post',
  receivedAt: '2026-11-02T10:00:00Z',
  receivedOn: '2026-11-02',
  siteId: 'site-1',
  roomId: 'room-1',
  windowFrom: '2026-11-01T08:00:00Z',
  windowTo: '2026-11-01T10:00:00Z',
  recognition: null,
  requesterName: null,
  requesterContact: 'Dorpsstraat 1, Lindewaard',
  contactErasedAt: null,
  identityMethod: 'document-shown',
  identityNote: null,
  language: 'nl',
  status: 'decided',
  decision: 'granted',
  decisionReasons: null,
  decidedOn: '2026-11-20',
  extensionNotifiedOn: null,
  extensionReasons: null,
  answeredOn: null,
  closedAt: null,
  closeReason: null,
  createdBy: 'fg',
  createdAt: '2026-11-02T10:00:00Z',
  deadline: { dueOn: '2026-12-02' },
};
const copy = {
  file: 'kopie-betrokkene-req-1-clip-1.mp4',
  sha256: 'ab'.repeat(32),
  clipStartedAt: '2026-11-01T08:30:00Z',
  clipEndedAt: '2026-11-01T08:33:00Z',
};
const input = (over: Partial<LetterInput> = {}): LetterInput => ({
  request,
  organisation: { name: 'Gemeente Lindewaard', address: 'Markt 1', dpoEmail: 'fg@lindewaard.example' },
  clips: [{ outcome: null, policeReport: null }],
  copies: [copy],
  date: '2026-11-20',
  ...over,
});
const text = (i: LetterInput, lang: 'nl' | 'en' = 'nl') => letterText(rightsLetter('decision', i, lang));

describe('the decision letter on access names the copy', () => {
  it('by file, recording time in Dutch time and checksum, in Dutch and English', () => {
    const nl = text(input());
    expect(nl).toContain('Uw kopie van de beelden');
    expect(nl).toContain(
      `- ${copy.file}: opname van 1 november 2026, 09:30 tot 09:33; controlegetal ${copy.sha256}`,
    );
    expect(nl).toContain('onherkenbaar gemaakt');
    const en = text(input(), 'en');
    expect(en).toContain(
      `- ${copy.file}: recording of 1 November 2026, 09:30 to 09:33; checksum ${copy.sha256}`,
    );
  });

  it('not when refused, for another kind of request, or without a copy', () => {
    expect(
      text(input({ request: { ...request, decision: 'refused', decisionReasons: 'Niet op de beelden.' } })),
    ).not.toContain(copy.file);
    expect(text(input({ request: { ...request, kind: 'erasure' } }))).not.toContain(copy.file);
    expect(text(input({ copies: [] }))).not.toContain('Uw kopie van de beelden');
  });
});
