/** NEC-3 — EDPB 3/2019 §26; the minister's answer (DOMAIN.md section 1): target rooms, conversations, flags and hours. */
import {
  ASSESSMENT_TIME_ZONE,
  DAY_PARTS,
  REACH_MINUTES,
  clock,
  coveredTimes,
  localMoment,
  quietParts,
  spanText,
  within,
} from '../hours.js';
import { confirmedSource, finding, type Rule } from '../rule.js';
import type { Incident, Scenario } from '../scenario.schema.js';
import { counted, perLanguage, pluralText, t, type Text } from '../text.js';

/** "a", "a and b", "a, b and c". */
const words = (parts: readonly string[], and: string): string =>
  parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1] ?? ''}`;

interface HoursJudgement {
  readonly problem?: Text;
  readonly notes: readonly Text[];
}

/**
 * The hours in scope against the parts of the day (night, morning, afternoon, evening) in which
 * incidents happened, in Europe/Amsterdam time: covering more than an hour of a part without
 * incidents is not limited to the hours of risk. Judged only when every incident carries a time:
 * one without could have happened at any hour. Weekdays are not compared; a handful of incidents
 * says little about the day of the week.
 */
const judgeHours = (scope: Scenario['scope'], incidents: readonly Incident[]): HoursJudgement => {
  const minutes = incidents.flatMap((i) => {
    const m = i.occurredAt === undefined ? undefined : localMoment(i.occurredAt);
    return m === undefined ? [] : [m.minute];
  });
  if (minutes.length === 0) return { notes: [] };
  if (minutes.length < incidents.length) {
    const n = incidents.length - minutes.length;
    return {
      notes: [
        perLanguage(
          (lang) =>
            `${counted(n, ['incident', 'incidenten'], ['incident', 'incidents'])[lang]} ${lang === 'nl' ? 'zonder tijdstip: de uren zijn alleen naar de scope beoordeeld.' : 'without a time of day: the hours are judged from the scope alone.'}`,
        ),
      ],
    };
  }
  const covered = coveredTimes(scope.hours);
  const first = clock(Math.min(...minutes));
  const last = clock(Math.max(...minutes));
  const atRisk = DAY_PARTS.filter((p) => minutes.some((m) => m >= p.from && m < p.to));
  const notes: Text[] = [
    t(
      `De ${minutes.length} incidenten vonden plaats in de ${words(
        atRisk.map((p) => p.name.nl),
        'en',
      )} (tussen ${first} en ${last}, ${ASSESSMENT_TIME_ZONE}).`,
      `The ${minutes.length} incidents happened in the ${words(
        atRisk.map((p) => p.name.en),
        'and',
      )} (between ${first} and ${last}, ${ASSESSMENT_TIME_ZONE}).`,
    ),
  ];
  const missed = minutes.filter((m) => !within(covered, m)).length;
  if (missed > 0)
    notes.push(
      t(
        `${missed} van de ${minutes.length} incidenten vielen buiten de uren in de scope.`,
        `${missed} of the ${minutes.length} incidents fell outside the hours in scope.`,
      ),
    );
  const quiet = quietParts(covered, minutes);
  if (quiet.length === 0) return { notes };
  const list = perLanguage((lang) =>
    quiet.map((q) => `${q.part.name[lang]} (${spanText(q.covered)})`).join(', '),
  );
  return {
    problem: t(
      `De maatregel geldt ook in dagdelen zonder incidenten: ${list.nl}; niet beperkt tot de uren met risico (meer dan ${REACH_MINUTES / 60} uur in een dagdeel zonder incidenten).`,
      `The measure also covers parts of the day without incidents: ${list.en}; it is not limited to the hours at risk (more than ${REACH_MINUTES / 60} hour into a part of the day without incidents).`,
    ),
    notes,
  };
};

export const nec3Rule: Rule = {
  id: 'NEC-3',
  title: t('Gericht op de gesprekken waar het risico zit', 'Targeted at the conversations where the risk is'),
  source: confirmedSource(
    'EDPB-richtsnoeren 3/2019, punt 26; antwoord van de minister van Binnenlandse Zaken op Kamervragen van de leden Leijten en Van Kent (SP) over het filmen van gesprekken met inwoners in de spreekkamers van een gemeente (december 2021): zulke gesprekken standaard filmen zal niet snel aanvaardbaar zijn',
    'EDPB Guidelines 3/2019, para. 26; answer of the Dutch Minister of the Interior to parliamentary questions by MPs Leijten and Van Kent (SP) on a municipality filming conversations with residents in its interview rooms (December 2021): filming such conversations by default will rarely be acceptable',
  ),
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
      const w = pluralText(roomsWithout.length, ['ruimte', 'ruimten'], ['room', 'rooms']);
      problems.push(t(`Geen incidenten in ${w.nl}: ${ids}.`, `No incidents in ${w.en}: ${ids}.`));
    }
    const typesWithout = scope.conversationTypes.filter(
      (c) => !incidents.some((i) => i.conversationTypeId === c.id),
    );
    if (typesWithout.length > 0) {
      const ids = typesWithout.map((c) => c.name ?? c.id).join(', ');
      const w = pluralText(typesWithout.length, ['soort', 'soorten'], ['kind', 'kinds']);
      problems.push(
        t(`Geen incidenten bij ${w.nl} gesprek: ${ids}.`, `No incidents in ${w.en} of conversation: ${ids}.`),
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
    const hours = judgeHours(scope, incidents);
    if (hours.problem !== undefined) problems.push(hours.problem);
    if (problems.length > 0) return finding(this, 'fail', [...problems, ...hours.notes]);
    return finding(this, 'pass', [
      t(
        'Elke ruimte en elk soort gesprek in de scope heeft gedocumenteerde incidenten.',
        'Every room and kind of conversation in scope has documented incidents.',
      ),
      ...hours.notes,
    ]);
  },
};
