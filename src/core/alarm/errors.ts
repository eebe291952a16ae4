/** Error codes of conversations, alarms, alarm buttons and the incident register (merged into src/core/errors.ts). */
import {
  conflict,
  forbidden,
  invalid,
  notFound,
  rateLimited,
  unauthenticated,
  unprocessable,
  type ErrorTable,
} from '../error-kinds.js';

export const ALARM_ERRORS = {
  'ALARM.NOT_FOUND': notFound('The alarm does not exist'),
  'ALARM.UNKNOWN_ROOM': notFound('The room does not exist'),
  'ALARM.NO_ROOM': unprocessable('Name a room or start a conversation first'),
  'ALARM.ALREADY_CLOSED': conflict('The alarm is already closed'),
  'ALARM.NOT_ESCALATABLE': conflict('Only an unacknowledged, not yet escalated alarm can escalate'),
  'ALARM.RATE_LIMITED': rateLimited('Too many presses from this button; joined to the open alarm'),
  'CONVERSATION.NOT_FOUND': notFound('The conversation does not exist'),
  'CONVERSATION.ROOM_BUSY': conflict('A conversation is already running in this room'),
  'CONVERSATION.ENDED': conflict('The conversation has already ended'),
  'CONVERSATION.NOT_YOURS': forbidden(
    'Only the employee who started the conversation (or security) can end it',
  ),
  'DEVICE.UNKNOWN': notFound('No alarm button with this id is registered'),
  'DEVICE.BAD_TOKEN': unauthenticated('The button token is wrong'),
  'DEVICE.DISABLED': forbidden('The alarm button is disabled'),
  'DEVICE.BAD_PAYLOAD': invalid('The button message is not valid'),
  'DEVICE.WRONG_KIND': conflict('This device cannot do that (a subscriber cannot raise alarms)'),
  'INCIDENT.NOT_FOUND': notFound('The incident does not exist'),
  'INCIDENT.ALARM_OPEN': conflict('Close the alarm before reporting the incident'),
  'INCIDENT.INVALID': invalid('The incident report is not valid'),
  'INCIDENT.REPORT_LOWERED': conflict(
    'Only security can lower or remove what security recorded in an incident report',
  ),
} as const satisfies ErrorTable;
