/** Error codes of conversations, alarms, alarm buttons and the incident register (merged into src/core/errors.ts). */
export const ALARM_ERRORS = {
  'ALARM.NOT_FOUND': { status: 404, exit: 66, title: 'The alarm does not exist' },
  'ALARM.UNKNOWN_ROOM': { status: 404, exit: 66, title: 'The room does not exist' },
  'ALARM.NO_ROOM': { status: 422, exit: 65, title: 'Name a room or start a conversation first' },
  'ALARM.ALREADY_CLOSED': { status: 409, exit: 65, title: 'The alarm is already closed' },
  'ALARM.NOT_ESCALATABLE': {
    status: 409,
    exit: 65,
    title: 'Only an unacknowledged, not yet escalated alarm can escalate',
  },
  'ALARM.RATE_LIMITED': {
    status: 429,
    exit: 75,
    title: 'Too many presses from this button; joined to the open alarm',
  },
  'CONVERSATION.NOT_FOUND': { status: 404, exit: 66, title: 'The conversation does not exist' },
  'CONVERSATION.ROOM_BUSY': {
    status: 409,
    exit: 65,
    title: 'A conversation is already running in this room',
  },
  'CONVERSATION.ENDED': { status: 409, exit: 65, title: 'The conversation has already ended' },
  'CONVERSATION.NOT_YOURS': {
    status: 403,
    exit: 77,
    title: 'Only the employee who started the conversation (or security) can end it',
  },
  'DEVICE.UNKNOWN': { status: 404, exit: 66, title: 'No alarm button with this id is registered' },
  'DEVICE.BAD_TOKEN': { status: 401, exit: 77, title: 'The button token is wrong' },
  'DEVICE.DISABLED': { status: 403, exit: 77, title: 'The alarm button is disabled' },
  'DEVICE.BAD_PAYLOAD': { status: 400, exit: 65, title: 'The button message is not valid' },
  'DEVICE.WRONG_KIND': {
    status: 409,
    exit: 65,
    title: 'This device cannot do that (a subscriber cannot raise alarms)',
  },
  'INCIDENT.NOT_FOUND': { status: 404, exit: 66, title: 'The incident does not exist' },
  'INCIDENT.ALARM_OPEN': { status: 409, exit: 65, title: 'Close the alarm before reporting the incident' },
  'INCIDENT.INVALID': { status: 400, exit: 65, title: 'The incident report is not valid' },
  'INCIDENT.REPORT_LOWERED': {
    status: 409,
    exit: 65,
    title: 'Only security can lower or remove what security recorded in an incident report',
  },
} as const satisfies Record<string, { status: number; exit: number; title: string }>;
