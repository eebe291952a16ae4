/**
 * The staff-alarm capability: conversations, alarm buttons (web, MQTT, API), live delivery to
 * responders, escalation and the incident register. (Placeholder until the alarm module lands.)
 */
import type { ModuleContext, ProportioModule } from './module.js';

export const createAlarmModule = (_ctx: ModuleContext): ProportioModule => ({
  name: 'alarm',
  routes: async () => undefined,
  start: async () => undefined,
  stop: async () => undefined,
  health: () => [],
});
