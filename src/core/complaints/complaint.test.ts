import { describe, expect, it } from 'vitest';
import {
  allowedComplaintActions,
  planAnswer,
  planComplaintExtension,
  timelinessOf,
  validateLinks,
  validateNewComplaint,
  validateTimelineEntry,
  withoutContact,
  type Complaint,
  type NewComplaintInput,
} from './complaint.js';

const NOW = new Date('2027-03-10T12:00:00Z');
const input = (more: Partial<NewComplaintInput> = {}): NewComplaintInput => ({
  kind: 'complaint',
  source: 'resident',
  receivedAt: '2027-03-01T09:00:00+01:00',
  subject: 'Camera in spreekkamer niet aangekondigd',
  fromContact: 'Postbus 1, 1234 AB Lindewaard',
  ...more,
});
const field = (r: ReturnType<typeof validateNewComplaint>) => (r.ok ? null : r.error.details?.['field']);

const complaint = (more: Partial<Complaint> = {}): Complaint => ({
  id: 'c1',
  kind: 'complaint',
  source: 'resident',
  receivedAt: '2027-03-01T08:00:00.000Z',
  receivedOn: '2027-03-01',
  siteId: 's1',
  fromName: 'J. Jansen',
  fromContact: 'Postbus 1',
  contactErasedAt: null,
  reference: null,
  subject: 'Camera',
  summary: null,
  regulatorDueOn: null,
  status: 'in-progress',
  extensionNotifiedOn: null,
  extensionReasons: null,
  outcome: null,
  outcomeExplanation: null,
  answeredOn: null,
  closedAt: null,
  createdBy: 'u1',
  createdAt: '2027-03-01T09:00:00.000Z',
  ...more,
});

describe('validateNewComplaint', () => {
  it('accepts a complaint and reads the day of receipt in Amsterdam', () => {
    const r = validateNewComplaint(input({ receivedAt: '2027-02-28T23:30:00Z' }), NOW);
    expect(r.ok && r.value.receivedOn).toBe('2027-03-01');
    expect(r.ok && r.value.regulatorDueOn).toBe(null);
  });

  it('names the field of the first problem', () => {
    expect(field(validateNewComplaint(input({ kind: 'letter' }), NOW))).toBe('kind');
    expect(field(validateNewComplaint(input({ source: 'mayor' }), NOW))).toBe('source');
    expect(field(validateNewComplaint(input({ receivedAt: '1 maart' }), NOW))).toBe('receivedAt');
    expect(field(validateNewComplaint(input({ receivedAt: '2027-04-01T09:00:00Z' }), NOW))).toBe(
      'receivedAt',
    );
    expect(field(validateNewComplaint(input({ subject: ' x ' }), NOW))).toBe('subject');
    expect(field(validateNewComplaint(input({ subject: 'x'.repeat(301) }), NOW))).toBe('subject');
    expect(field(validateNewComplaint(input({ summary: 'BSN 123456782 klaagt' }), NOW))).toBe('summary');
    expect(field(validateNewComplaint(input({ source: 'union' }), NOW))).toBe('fromName');
    expect(field(validateNewComplaint(input({ regulatorDueOn: '2027-04-01' }), NOW))).toBe('regulatorDueOn');
    expect(field(validateNewComplaint(input({ links: [{ kind: 'incident', targetId: 'i1' }] }), NOW))).toBe(
      'links',
    );
  });

  it('pairs an inquiry with the regulator, and asks for the deadline it set', () => {
    const inquiry = input({
      kind: 'regulator-inquiry',
      source: 'regulator',
      fromName: 'Autoriteit Persoonsgegevens',
    });
    expect(field(validateNewComplaint({ ...inquiry, source: 'resident' }, NOW))).toBe('source');
    expect(field(validateNewComplaint(input({ source: 'regulator', fromName: 'AP' }), NOW))).toBe('source');
    expect(field(validateNewComplaint(inquiry, NOW))).toBe('regulatorDueOn');
    expect(field(validateNewComplaint({ ...inquiry, regulatorDueOn: '2027-02-30' }, NOW))).toBe(
      'regulatorDueOn',
    );
    expect(field(validateNewComplaint({ ...inquiry, regulatorDueOn: '2027-02-01' }, NOW))).toBe(
      'regulatorDueOn',
    );
    const ok = validateNewComplaint({ ...inquiry, regulatorDueOn: '2027-03-29' }, NOW);
    expect(ok.ok && ok.value.regulatorDueOn).toBe('2027-03-29');
  });

  it('de-duplicates links', () => {
    const r = validateLinks([
      { kind: 'room', targetId: 'r1' },
      { kind: 'room', targetId: ' r1 ' },
      { kind: 'assessment', targetId: 'r1' },
    ]);
    expect(r.ok && r.value).toEqual([
      { kind: 'room', targetId: 'r1' },
      { kind: 'assessment', targetId: 'r1' },
    ]);
    expect(validateLinks([{ kind: 'room', targetId: "r1'; drop" }]).ok).toBe(false);
  });
});

describe('steps', () => {
  it('postpones a complaint once, before the six weeks end', () => {
    const ok = planComplaintExtension(
      complaint(),
      { reasons: 'Hoorzitting nodig met beide partijen' },
      '2027-04-01',
    );
    expect(ok.ok && ok.value.extensionNotifiedOn).toBe('2027-04-01');
    const late = planComplaintExtension(
      complaint(),
      { reasons: 'Hoorzitting nodig met beide partijen' },
      '2027-04-13',
    );
    expect(!late.ok && late.error.code).toBe('COMPLAINT.EXTENSION_LATE');
    const twice = planComplaintExtension(
      complaint({ extensionNotifiedOn: '2027-03-20' }),
      { reasons: 'Hoorzitting nodig met beide partijen' },
      '2027-04-01',
    );
    expect(!twice.ok && twice.error.code).toBe('COMPLAINT.ALREADY_EXTENDED');
    const short = planComplaintExtension(complaint(), { reasons: 'kort' }, '2027-04-01');
    expect(!short.ok && short.error.details?.['field']).toBe('reasons');
  });

  it("moves an inquiry's deadline only to a later date the regulator granted", () => {
    const inquiry = complaint({
      kind: 'regulator-inquiry',
      source: 'regulator',
      regulatorDueOn: '2027-03-15',
    });
    const why = 'De AP gaf per brief twee weken extra';
    expect(
      planComplaintExtension(inquiry, { reasons: why, regulatorDueOn: '2027-03-14' }, '2027-03-10').ok,
    ).toBe(false);
    const r = planComplaintExtension(inquiry, { reasons: why, regulatorDueOn: '2027-03-29' }, '2027-03-10');
    expect(r.ok && r.value.regulatorDueOn).toBe('2027-03-29');
  });

  it('answers with an outcome and explanation, and only while open', () => {
    const r = planAnswer(
      complaint(),
      { outcome: 'partly-founded', explanation: 'Het bord hing te laag.' },
      '2027-04-01',
    );
    expect(r.ok && r.value).toEqual({
      outcome: 'partly-founded',
      outcomeExplanation: 'Het bord hing te laag.',
      answeredOn: '2027-04-01',
      status: 'answered',
    });
    expect(
      planAnswer(complaint(), { outcome: 'maybe', explanation: 'Het bord hing te laag.' }, '2027-04-01').ok,
    ).toBe(false);
    const closed = planAnswer(
      complaint({ status: 'closed' }),
      { outcome: 'founded', explanation: 'x'.repeat(20) },
      '2027-04-01',
    );
    expect(!closed.ok && closed.error.code).toBe('COMPLAINT.TRANSITION');
    expect(allowedComplaintActions('answered')).toEqual(['record', 'link', 'close']);
    expect(allowedComplaintActions('closed')).toEqual([]);
  });

  it('checks timeline entries', () => {
    expect(validateTimelineEntry({ type: 'letter-sent', text: 'Ontvangstbevestiging verstuurd' }).ok).toBe(
      true,
    );
    expect(validateTimelineEntry({ type: 'gossip', text: 'Ontvangstbevestiging' }).ok).toBe(false);
    expect(validateTimelineEntry({ type: 'note', text: ' ' }).ok).toBe(false);
  });
});

describe('after closing', () => {
  it("erases a person's name and every contact address, keeps an organisation's name", () => {
    expect(withoutContact(complaint(), 'T')).toMatchObject({
      fromName: null,
      fromContact: null,
      contactErasedAt: 'T',
    });
    expect(
      withoutContact(complaint({ source: 'works-council', fromName: 'OR Lindewaard' }), 'T'),
    ).toMatchObject({
      fromName: 'OR Lindewaard',
      fromContact: null,
    });
  });

  it('reports timeliness without who complained', () => {
    const t = timelinessOf(
      complaint({ answeredOn: '2027-04-13', outcome: 'unfounded', status: 'answered' }),
      '2027-05-01',
    );
    expect(t).toEqual({
      id: 'c1',
      kind: 'complaint',
      source: 'resident',
      receivedOn: '2027-03-01',
      dueOn: '2027-04-12',
      answeredOn: '2027-04-13',
      onTime: false,
      overdue: false,
      outcome: 'unfounded',
    });
    expect(JSON.stringify(t)).not.toContain('Jansen');
    expect(
      timelinessOf(complaint({ answeredOn: '2027-03-05', outcome: 'withdrawn' }), '2027-05-01').onTime,
    ).toBe(null);
  });
});
