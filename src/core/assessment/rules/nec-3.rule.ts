/** NEC-3 — EDPB 3/2019 §26; the minister's answer (DOMAIN.md section 1): target rooms, conversations, flags and hours. */
import { finding, type Rule } from '../rule.js';
import { t, type Text } from '../text.js';

export const nec3Rule: Rule = {
  id: 'NEC-3',
  title: t('Gericht op de gesprekken waar het risico zit', 'Targeted at the conversations where the risk is'),
  source: 'EDPB Guidelines 3/2019 §26; the minister’s answer (DOMAIN.md section 1)',
  evaluate(f) {
    if (!f.residentData)
      return finding(this, 'pass', [
        t(
          'Geen beeld of geluid van inwoners: afbakening speelt niet.',
          'No images or sound of residents: targeting does not arise.',
        ),
      ]);
    const { scope } = f.scenario;
    const incidents = f.relevantIncidents;
    const problems: Text[] = [];
    const allHours = scope.hours === undefined || scope.hours.length === 0;
    if ((f.measure.trigger === 'continuous' || f.measure.trigger === 'live') && allHours) {
      problems.push(
        t(
          'De maatregel geldt op alle uren in plaats van de uren met risico.',
          'The measure covers all hours instead of the hours at risk.',
        ),
      );
    }
    if (incidents.length === 0) {
      // An imminent danger names no room or kind of conversation, so it can only support a scope
      // that is already as narrow as it gets: one room, one kind, risk-flagged conversations only.
      const narrowest =
        scope.rooms.length === 1 && scope.conversationTypes.length === 1 && scope.riskFlaggedOnly === true;
      if (f.scenario.evidence.imminentDanger !== undefined && narrowest) {
        return finding(this, problems.length > 0 ? 'fail' : 'review', [
          ...problems,
          t(
            'Alleen een dreigend gevaar, geen incidenten: een persoon moet beoordelen of de afbakening past.',
            'Only an imminent danger, no incidents: a person must judge whether the scope fits.',
          ),
        ]);
      }
      return finding(this, 'fail', [
        ...problems,
        t(
          'Zonder incidenten per ruimte en soort gesprek is niet aan te tonen dat de afbakening gericht is (een dreigend gevaar alleen volstaat voor één ruimte, één soort gesprek en alleen gesprekken met een risicosignaal).',
          'Without incidents per room and kind of conversation the scope cannot be shown to be targeted (an imminent danger alone suffices only for one room, one kind of conversation and risk-flagged conversations only).',
        ),
      ]);
    }
    const roomsWithout = scope.rooms.filter((r) => !incidents.some((i) => i.roomId === r.id));
    if (roomsWithout.length > 0) {
      const ids = roomsWithout.map((r) => r.name ?? r.id).join(', ');
      problems.push(t(`Geen incidenten in ruimte(n): ${ids}.`, `No incidents in room(s): ${ids}.`));
    }
    const typesWithout = scope.conversationTypes.filter(
      (c) => !incidents.some((i) => i.conversationTypeId === c.id),
    );
    if (typesWithout.length > 0) {
      const ids = typesWithout.map((c) => c.name ?? c.id).join(', ');
      problems.push(
        t(
          `Geen incidenten bij soort(en) gesprek: ${ids}.`,
          `No incidents in kind(s) of conversation: ${ids}.`,
        ),
      );
    }
    if (incidents.every((i) => i.riskFlagged === true) && scope.riskFlaggedOnly !== true) {
      problems.push(
        t(
          'Alle incidenten vonden plaats in gesprekken met een risicosignaal, maar de maatregel geldt voor alle gesprekken.',
          'All incidents happened in risk-flagged conversations, but the measure covers every conversation.',
        ),
      );
    }
    if (problems.length > 0) return finding(this, 'fail', problems);
    return finding(this, 'pass', [
      t(
        'Elke ruimte en elk soort gesprek in de scope heeft gedocumenteerde incidenten.',
        'Every room and kind of conversation in scope has documented incidents.',
      ),
    ]);
  },
};
