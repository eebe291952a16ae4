import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, formatDateTime } from '../i18n/index.js';
import { dpo, event, requester, secretary } from '../test/footage-fixtures.js';
import { nl, renderPage, serveApi } from '../test/harness.js';
import { FootageHistory } from './FootageHistory.js';
import { describeEvent } from './history.js';
import type { FootageEvent } from './types.js';

const f = nl.footage;
const UNTIL = '2026-06-01T00:00:00.000Z';

describe('describeEvent: every known footage action in words, the rest generically', () => {
  it.each<[string, FootageEvent, string]>([
    [
      'requested',
      event({ action: 'viewing.requested', details: { legalGround: 'police-report' } }),
      `Inzage aangevraagd door ${requester.displayName} (grondslag: Aangifte)`,
    ],
    ['approved', event({ action: 'viewing.approved', actor: dpo }), `Goedgekeurd door ${dpo.displayName}`],
    [
      'refused',
      event({ action: 'viewing.refused', actor: secretary, details: { reason: 'Geen grond' } }),
      `Geweigerd door ${secretary.displayName}: Geen grond`,
    ],
    [
      'granted',
      event({ action: 'viewing.granted', actor: null, details: { expiresAt: UNTIL } }),
      `Toestemming verleend tot ${formatDateTime('nl', UNTIL)}`,
    ],
    ['played', event({ action: 'viewing.played' }), `Bekeken door ${requester.displayName}`],
    [
      'revoked',
      event({ action: 'viewing.revoked', details: { reason: 'Niet meer nodig' } }),
      `Ingetrokken door ${requester.displayName}: Niet meer nodig`,
    ],
    [
      'ended',
      event({ action: 'viewing.ended', actor: null, details: { reason: 'restart' } }),
      'Toestemming afgelopen (de server is opnieuw gestart)',
    ],
    [
      'hold placed',
      event({ action: 'clip.hold.placed', details: { until: UNTIL, policeReport: '2026-1234' } }),
      `Bewaarblokkade geplaatst door ${requester.displayName} tot ${formatDateTime('nl', UNTIL)} (aangifte 2026-1234)`,
    ],
    [
      'hold extended',
      event({ action: 'clip.hold.extended', details: { until: UNTIL } }),
      `Bewaarblokkade verlengd door ${requester.displayName} tot ${formatDateTime('nl', UNTIL)}`,
    ],
    [
      'hold released',
      event({ action: 'clip.hold.released', actor: dpo, details: { reason: 'Zaak gesloten' } }),
      `Bewaarblokkade opgeheven door ${dpo.displayName}: Zaak gesloten`,
    ],
    ['exported', event({ action: 'clip.exported' }), `Overgedragen (export) door ${requester.displayName}`],
    [
      'deleted by retention (by the system)',
      event({ action: 'clip.deleted', actor: null, details: { reason: 'retention' } }),
      'Verwijderd (bewaartermijn verstreken)',
    ],
    [
      'deleted on objection',
      event({ action: 'clip.deleted', actor: null, details: { reason: 'objection' } }),
      'Verwijderd (bezwaar)',
    ],
    ['recording started (by the recorder)', event({ action: 'clip.open', actor: null }), 'Opname gestart'],
    ['sealed', event({ action: 'clip.sealed', actor: null }), 'Opname versleuteld opgeslagen'],
    [
      'decrypted on the command line',
      event({ action: 'clip.decrypt', actor: dpo }),
      `Ontsleuteld door ${dpo.displayName} (opdrachtregel)`,
    ],
    [
      'an action the web does not know yet',
      event({ action: 'clip.resealed', actor: null }),
      'clip.resealed door het systeem',
    ],
  ])('%s', (_, e, text) => {
    expect(describeEvent(nl, 'nl', e)).toBe(text);
  });

  it('English reads the same events in English', () => {
    const en = DICTIONARIES.en;
    expect(describeEvent(en, 'en', event({ action: 'viewing.played' }))).toBe(
      `Viewed by ${requester.displayName}`,
    );
    expect(
      describeEvent(en, 'en', event({ action: 'clip.deleted', actor: null, details: { reason: 'erasure' } })),
    ).toBe('Deleted (erasure request)');
  });
});

describe('FootageHistory', () => {
  it('lists an incident’s footage events oldest first, each with its audit entry number', async () => {
    const sent = serveApi({
      'GET /api/footage/history?incidentId=inc-1': [
        event({ action: 'viewing.requested', auditSeq: 41, details: { legalGround: 'own-investigation' } }),
        event({ action: 'viewing.approved', actor: dpo, auditSeq: 42, at: '2026-03-02T10:05:00.000Z' }),
        event({ action: 'viewing.played', auditSeq: 45, at: '2026-03-02T10:10:00.000Z' }),
      ],
    });
    renderPage(<FootageHistory incidentId="inc-1" />, { permissions: ['footage:records'] });
    const table = await screen.findByRole('table', { name: f.historyCaption });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      [`Inzage aangevraagd door ${requester.displayName} (grondslag: Eigen onderzoek)`, '41'],
      [`Goedgekeurd door ${dpo.displayName}`, '42'],
      [`Bekeken door ${requester.displayName}`, '45'],
    ]);
    expect(sent.map((s) => s.path)).toEqual(['/api/footage/history?incidentId=inc-1']);
  });

  it('says so when nothing happened yet', async () => {
    serveApi({ 'GET /api/footage/history?clipId=clip-1': [] });
    renderPage(<FootageHistory clipId="clip-1" />);
    expect(await screen.findByText(f.historyEmpty)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
