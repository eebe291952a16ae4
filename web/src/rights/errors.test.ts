/**
 * The screen words the core's refusals of a new request (src/core/rights/request.ts) by the rule
 * each names (problem+json errors[].rule): each refusal the form can meet gets its own sentence,
 * not the general one. If a refusal loses its rule, this fails instead of falling back silently.
 */
import { describe, expect, it } from 'vitest';
import { validateNewRequest, planExtension } from '../../../src/core/rights/request.js';
import type { DomainError } from '../../../src/core/result.js';
import { problemOfError } from '../../../src/http/problem.js';
import { DICTIONARIES } from '../i18n/index.js';
import { rightsFieldText } from './errors.js';

/** The field error as the API sends it (problem+json errors[0]). */
const sent = (e: DomainError) => problemOfError(e).errors![0]!;

const NOW = new Date('2026-03-10T12:00:00Z');
const ok = {
  kind: 'access',
  channel: 'desk',
  receivedAt: '2026-03-09T10:00:00Z',
  roomId: 'r1',
  windowFrom: '2026-03-02T09:00:00Z',
  windowTo: '2026-03-02T11:00:00Z',
  requesterContact: 'Dorpsstraat 1',
  identityMethod: 'document-shown',
};
const nl = DICTIONARIES.nl.rights.errors;

describe('rightsFieldText', () => {
  it.each([
    [{ receivedAt: '2026-04-01T00:00:00Z' }, 'receivedAt', nl.future],
    [{ receivedAt: 'gisteren' }, 'receivedAt', nl.dateFormat],
    [{ windowTo: '2026-03-02T08:00:00Z' }, 'windowTo', nl.windowOrder],
    [{ windowFrom: '2026-01-01T00:00:00Z' }, 'windowTo', nl.windowTooLong],
    [
      { windowFrom: '2026-03-09T11:00:00Z', windowTo: '2026-03-09T12:00:00Z' },
      'windowFrom',
      nl.windowAfterReceipt,
    ],
    [{ identityNote: 'paspoort NW1234567' }, 'identityNote', nl.documentNumber],
    [{ requesterContact: ' ' }, 'requesterContact', nl.contactNeeded],
    [{ roomId: '' }, 'roomId', nl.roomNeeded],
    [{ recognition: 'x'.repeat(1001) }, 'recognition', nl.tooLong],
  ])('%j → %s', (over, field, text) => {
    const r = validateNewRequest({ ...ok, ...over }, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.field).toBe(field);
    expect(rightsFieldText(DICTIONARIES.nl, sent(r.error))).toBe(text);
  });

  it('words the reasons of a step, and falls back to a general sentence', () => {
    const valid = validateNewRequest(ok, NOW);
    if (!valid.ok) throw new Error(valid.error.message);
    const r = planExtension(
      {
        ...valid.value,
        id: 'x',
        siteId: 's1',
        status: 'received',
        decision: null,
        decisionReasons: null,
        decidedOn: null,
        extensionNotifiedOn: null,
        extensionReasons: null,
        answeredOn: null,
        closedAt: null,
        closeReason: null,
        contactErasedAt: null,
        createdBy: 'u',
        createdAt: NOW.toISOString(),
      },
      { reasons: 'kort' },
      '2026-03-10',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(rightsFieldText(DICTIONARIES.nl, sent(r.error))).toBe(nl.reasons);
    expect(rightsFieldText(DICTIONARIES.en, { field: 'kind', rule: 'in-future' })).toBe(
      DICTIONARIES.en.rights.errors.invalid,
    );
  });
});
