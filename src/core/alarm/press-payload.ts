/**
 * Parsing what a hardware button sends. Topic `<prefix>/buttons/<deviceId>/press`, payload empty
 * or JSON `{"token"?: string, "at"?: ISO-8601, "battery"?: 0..100}`. Anything else is refused
 * with a reason (logged and counted by the adapter) — a malformed message never crashes anything.
 */
import { err, ok, type Result } from '../result.js';

export interface PressMessage {
  readonly deviceId: string;
  readonly token: string | undefined;
  /** The button's own press time, kept for the record; the server's clock decides. */
  readonly at: string | undefined;
}

const DEVICE_ID = /^[A-Za-z0-9-]{1,64}$/;
const MAX_PAYLOAD = 1024;

export const pressTopicPattern = (prefix: string): string => `${prefix}/buttons/+/press`;
/** The subscription for the press topics; in a share group the broker hands each press to one member. */
export const pressSubscription = (prefix: string, shareGroup: string | undefined): string =>
  shareGroup === undefined ? pressTopicPattern(prefix) : `$share/${shareGroup}/${pressTopicPattern(prefix)}`;
export const pressTopic = (prefix: string, deviceId: string): string => `${prefix}/buttons/${deviceId}/press`;
export const resultTopic = (prefix: string, deviceId: string): string =>
  `${prefix}/buttons/${deviceId}/result`;

/** The device id from a press topic, or undefined when the topic is not a press topic. */
export const deviceIdFromTopic = (prefix: string, topic: string): string | undefined => {
  const head = `${prefix}/buttons/`;
  if (!topic.startsWith(head) || !topic.endsWith('/press')) return undefined;
  const id = topic.slice(head.length, -'/press'.length);
  return DEVICE_ID.test(id) ? id : undefined;
};

export const parsePress = (prefix: string, topic: string, payload: Uint8Array): Result<PressMessage> => {
  const deviceId = deviceIdFromTopic(prefix, topic);
  if (deviceId === undefined)
    return err('DEVICE.BAD_PAYLOAD', 'the topic is not <prefix>/buttons/<deviceId>/press', {
      field: 'topic',
    });
  if (payload.length > MAX_PAYLOAD)
    return err('DEVICE.BAD_PAYLOAD', `the payload is larger than ${MAX_PAYLOAD} bytes`, {
      field: 'payload',
      deviceId,
    });
  const text = new TextDecoder().decode(payload).trim();
  if (text === '') return ok({ deviceId, token: undefined, at: undefined });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return err('DEVICE.BAD_PAYLOAD', 'the payload is not JSON', { field: 'payload', deviceId });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return err('DEVICE.BAD_PAYLOAD', 'the payload must be a JSON object', { field: 'payload', deviceId });
  }
  const o = parsed as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => !['token', 'at', 'battery'].includes(k));
  if (unknownKeys.length > 0)
    return err('DEVICE.BAD_PAYLOAD', `unknown field ${unknownKeys[0]}`, { field: 'payload', deviceId });
  if (
    o.token !== undefined &&
    (typeof o.token !== 'string' || o.token.length === 0 || o.token.length > 200)
  ) {
    return err('DEVICE.BAD_PAYLOAD', 'token must be a non-empty string', { field: 'token', deviceId });
  }
  if (o.at !== undefined && (typeof o.at !== 'string' || Number.isNaN(Date.parse(o.at)))) {
    return err('DEVICE.BAD_PAYLOAD', 'at must be an ISO-8601 time', { field: 'at', deviceId });
  }
  if (o.battery !== undefined && (typeof o.battery !== 'number' || o.battery < 0 || o.battery > 100)) {
    return err('DEVICE.BAD_PAYLOAD', 'battery must be a number from 0 to 100', {
      field: 'battery',
      deviceId,
    });
  }
  return ok({
    deviceId,
    token: typeof o.token === 'string' ? o.token : undefined,
    at: typeof o.at === 'string' ? o.at : undefined,
  });
};
