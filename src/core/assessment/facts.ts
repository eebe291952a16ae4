/**
 * The facts the rules read, derived once from a validated scenario: the catalogue entry, the
 * effective audio setting, the evidence that counts for this scope and the DPIA determination.
 */
import { processesPersonalData, processesResidentData, type Measure } from './catalogue.js';
import { determineDpia, type DpiaDetermination } from './dpia.js';
import type { Incident, Scenario } from './scenario.schema.js';

/** Evidence older than this does not show a *present* risk (our design choice, DOMAIN NEC-1). */
export const EVIDENCE_WINDOW_DAYS = 730;

export interface Facts {
  readonly scenario: Scenario;
  readonly measure: Measure;
  /** Sound is recorded or transmitted: the catalogue default unless the scenario says otherwise. */
  readonly audio: boolean;
  readonly residentData: boolean;
  readonly personalData: boolean;
  /** Incidents in a scoped room and conversation type, within the evidence window. */
  readonly relevantIncidents: readonly Incident[];
  readonly sensitiveConversations: boolean;
  readonly dpia: DpiaDetermination;
}

export const dayNumber = (isoDate: string): number =>
  Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);

export const relevantIncidents = (scenario: Scenario, incidents: readonly Incident[]): Incident[] => {
  const rooms = new Set(scenario.scope.rooms.map((r) => r.id));
  const types = new Set(scenario.scope.conversationTypes.map((c) => c.id));
  const today = dayNumber(scenario.assessedOn);
  return incidents.filter((i) => {
    const age = today - dayNumber(i.date);
    return rooms.has(i.roomId) && types.has(i.conversationTypeId) && age >= 0 && age <= EVIDENCE_WINDOW_DAYS;
  });
};

export const deriveFacts = (scenario: Scenario, measure: Measure, incidents: readonly Incident[]): Facts => {
  const audio = scenario.measure.audio ?? measure.audio;
  const sensitiveConversations = scenario.scope.conversationTypes.some((c) => c.sensitive);
  return {
    scenario,
    measure,
    audio,
    residentData: processesResidentData(measure),
    personalData: processesPersonalData(measure),
    relevantIncidents: relevantIncidents(scenario, incidents),
    sensitiveConversations,
    dpia: determineDpia(scenario, measure, audio),
  };
};
