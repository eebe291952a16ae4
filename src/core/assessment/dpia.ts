/**
 * Is a DPIA mandatory? GDPR Art. 35(1),(4): yes when one item of the Dutch DPA's list applies
 * (Stcrt. 2019, 64418) or, following WP248 rev.01, when two of its nine criteria apply.
 */
import { processesPersonalData, processesResidentData, type Measure } from './catalogue.js';
import type { Scenario } from './scenario.schema.js';
import { counted, t, type Text } from './text.js';

export interface NamedItem {
  readonly number: number;
  readonly name: Text;
}

export interface DpiaDetermination {
  readonly required: boolean;
  readonly apListItems: readonly NamedItem[];
  readonly wp248Criteria: readonly NamedItem[];
  readonly reasons: readonly Text[];
}

export const AP_LIST_ITEMS: Readonly<Record<1 | 9 | 10 | 11, Text>> = {
  1: t('Heimelijk onderzoek (ook incidenteel)', 'Covert investigation (even when incidental)'),
  9: t(
    'Cameratoezicht in publiek toegankelijke ruimten',
    'Camera surveillance of publicly accessible spaces',
  ),
  10: t(
    'Flexibel cameratoezicht (mobiele of op het lichaam gedragen camera’s)',
    'Flexible camera surveillance (mobile or body-worn cameras)',
  ),
  11: t('Monitoring van werknemers', 'Employee monitoring'),
};

export const WP248_CRITERIA: Readonly<Record<number, Text>> = {
  1: t('Evaluatie of scoring', 'Evaluation or scoring'),
  2: t(
    'Geautomatiseerde besluitvorming met rechtsgevolg',
    'Automated decision-making with legal or similar effect',
  ),
  3: t('Stelselmatige monitoring', 'Systematic monitoring'),
  4: t('Gevoelige of zeer persoonlijke gegevens', 'Sensitive or highly personal data'),
  5: t('Grootschalige verwerking', 'Large-scale processing'),
  6: t('Koppeling of combinatie van gegevensverzamelingen', 'Matching or combining datasets'),
  7: t(
    'Kwetsbare betrokkenen (kinderen, werknemers, andere kwetsbare groepen, machtsongelijkheid)',
    'Vulnerable data subjects (children, employees, other vulnerable groups, power imbalance)',
  ),
  8: t('Innovatieve technologie', 'Innovative technology'),
  9: t(
    'Verhindert de uitoefening van een recht of het gebruik van een dienst',
    'Prevents the exercise of a right or the use of a service',
  ),
};

const item = (n: 1 | 9 | 10 | 11): NamedItem => ({ number: n, name: AP_LIST_ITEMS[n] });
const criterion = (n: number): NamedItem => ({
  number: n,
  name: WP248_CRITERIA[n] ?? t(`criterium ${n}`, `criterion ${n}`),
});

export const determineDpia = (s: Scenario, m: Measure, audio: boolean): DpiaDetermination => {
  const residentData = processesResidentData(m);
  const personalData = processesPersonalData(m);
  const staffObserved = personalData && m.observesStaff && s.peopleAffected.staff;
  const reasons: Text[] = [];

  const ap: NamedItem[] = [];
  if (m.covert) ap.push(item(1));
  if (residentData && s.scope.publiclyAccessible === true) ap.push(item(9));
  if (residentData && s.scope.publiclyAccessible === undefined) {
    reasons.push(
      t(
        'Stel vast of de spreekkamer een publiek toegankelijke ruimte is (AP-lijst punt 9).',
        'Establish whether the interview room is a publicly accessible space (AP list item 9).',
      ),
    );
  }
  if (residentData && (s.measure.camera === 'flexible' || s.measure.camera === 'body-worn'))
    ap.push(item(10));
  // Cameras that film staff at work all day monitor employees; a log of alarm presses does not.
  if (residentData && staffObserved) ap.push(item(11));

  const wp: NamedItem[] = [];
  if (personalData && s.claims?.usedForStaffAssessment === true) wp.push(criterion(1));
  if (residentData) wp.push(criterion(3));
  if (residentData && (audio || s.scope.conversationTypes.some((c) => c.sensitive))) wp.push(criterion(4));
  const residentsVulnerable =
    residentData &&
    s.peopleAffected.residents &&
    (s.controller.publicAuthority || s.peopleAffected.minors || s.peopleAffected.vulnerableGroups);
  if (staffObserved || residentsVulnerable) wp.push(criterion(7));
  if (personalData && s.conditionsAccessToService) wp.push(criterion(9));

  const required = ap.length >= 1 || wp.length >= 2;
  reasons.unshift(
    required
      ? t(
          `DPIA verplicht: ${counted(ap.length, ['punt', 'punten'], ['item', 'items']).nl} van de AP-lijst en ${counted(wp.length, ['WP248-criterium', 'WP248-criteria'], ['WP248 criterion', 'WP248 criteria']).nl} van toepassing.`,
          `DPIA required: ${counted(ap.length, ['punt', 'punten'], ['AP list item', 'AP list items']).en} and ${counted(wp.length, ['WP248-criterium', 'WP248-criteria'], ['WP248 criterion', 'WP248 criteria']).en} apply.`,
        )
      : t(
          `Geen DPIA verplicht: geen punt van de AP-lijst en ${wp.length} WP248-criterium (minder dan twee).`,
          `No DPIA required: no AP list item and ${wp.length} WP248 criterion (fewer than two).`,
        ),
  );
  return { required, apListItems: ap, wp248Criteria: wp, reasons };
};
