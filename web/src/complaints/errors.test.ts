/**
 * The screen words the core's refusals of a new complaint (src/core/complaints/complaint.ts) by
 * the rule each names (problem+json errors[].rule): each refusal the form can meet gets its own
 * sentence, not the general one. If a refusal loses its rule, this fails instead of falling back.
 */
import { describe, expect, it } from 'vitest';
import {
  planAnswer,
  planComplaintExtension,
  validateNewComplaint,
  validateTimelineEntry,
  type Complaint,
} from '../../../src/core/complaints/complaint.js';
import type { DomainError } from '../../../src/core/result.js';
import { problemOfError } from '../../../src/http/problem.js';
import { DICTIONARIES } from '../i18n/index.js';
import { complaintFieldText } from './errors.js';

/** The field error as the API sends it (problem+json errors[0]). */
const sent = (e: DomainError) => problemOfError(e).errors![0]!;

const NOW = new Date('2026-03-10T12:00:00Z');
const ok = {
  kind: 'complaint',
  source: 'resident',
  receivedAt: '2026-03-09T10:00:00Z',
  siteId: 's1',
  subject: 'Camera zonder uitleg',
};
const inquiry = {
  ...ok,
  kind: 'regulator-inquiry',
  source: 'regulator',
  fromName: 'AP',
  regulatorDueOn: '2026-04-01',
};
const nl = DICTIONARIES.nl.complaints.errors;

describe('complaintFieldText', () => {
  it.each([
    [ok, { receivedAt: '2026-04-01T00:00:00Z' }, 'receivedAt', nl.future],
    [ok, { receivedAt: 'gisteren' }, 'receivedAt', nl.dateFormat],
    [ok, { source: 'regulator' }, 'source', nl.sourceKind],
    [ok, { subject: 'x' }, 'subject', nl.subject],
    [ok, { summary: 'BSN 123456789 genoemd' }, 'summary', nl.bsn],
    [ok, { source: 'union' }, 'fromName', nl.organisation],
    [ok, { regulatorDueOn: '2026-04-01' }, 'regulatorDueOn', nl.dueComplaint],
    [ok, { fromContact: 'x'.repeat(301) }, 'fromContact', nl.tooLong],
    [inquiry, { regulatorDueOn: '' }, 'regulatorDueOn', nl.due],
    [inquiry, { regulatorDueOn: '2026-03-01' }, 'regulatorDueOn', nl.dueBefore],
  ])('%j with %j → %s', (base, over, field, text) => {
    const r = validateNewComplaint({ ...base, ...over }, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details?.field).toBe(field);
    expect(complaintFieldText(DICTIONARIES.nl, sent(r.error))).toBe(text);
  });

  it('words the refusals of the steps, and falls back to a general sentence', () => {
    const valid = validateNewComplaint(inquiry, NOW);
    if (!valid.ok) throw new Error(valid.error.message);
    const { links: _links, ...fields } = valid.value;
    const c: Complaint = {
      ...fields,
      id: 'x',
      status: 'in-progress',
      extensionNotifiedOn: null,
      extensionReasons: null,
      outcome: null,
      outcomeExplanation: null,
      answeredOn: null,
      closedAt: null,
      contactErasedAt: null,
      createdBy: 'u',
      createdAt: NOW.toISOString(),
    };
    const words = (r: { ok: true } | { ok: false; error: DomainError }) =>
      r.ok ? 'accepted' : complaintFieldText(DICTIONARIES.nl, sent(r.error));
    expect(words(planComplaintExtension(c, { reasons: 'kort' }, '2026-03-10'))).toBe(nl.reasons);
    expect(
      words(
        planComplaintExtension(
          c,
          { reasons: 'De AP gaf twee weken extra.', regulatorDueOn: '2026-03-20' },
          '2026-03-10',
        ),
      ),
    ).toBe(nl.dueLater);
    expect(words(validateTimelineEntry({ type: 'note', text: 'x' }))).toBe(nl.entryText);
    expect(words(planAnswer(c, { outcome: 'unfounded', explanation: 'kort' }, '2026-03-10'))).toBe(
      nl.reasons,
    );
    // The service's refusals (src/services/complaints.service.ts) of the site.
    expect(complaintFieldText(DICTIONARIES.nl, { field: 'siteId', rule: 'required' })).toBe(nl.siteNeeded);
    expect(complaintFieldText(DICTIONARIES.nl, { field: 'siteId', rule: 'unknown-reference' })).toBe(
      nl.siteUnknown,
    );
    expect(complaintFieldText(DICTIONARIES.en, { field: 'kind', rule: 'in-future' })).toBe(
      DICTIONARIES.en.complaints.errors.invalid,
    );
  });
});
