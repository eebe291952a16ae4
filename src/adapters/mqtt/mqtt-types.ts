/** What the MQTT adapters need from the alarm capability, and what they offer it. */
import type { PressAnswer } from '../../core/alarm/press-answer.js';

/**
 * How a broker connection or the webhook is doing, in free text: the alarm module turns it into
 * its HealthItem with a stable code (adapters do not import the composition layer).
 */
export interface ConnectionHealth {
  readonly component: string;
  readonly status: 'ok' | 'warning' | 'error';
  readonly message: string;
}

export interface DeviceIdentity {
  readonly id: string;
  readonly kind: 'button' | 'subscriber';
}

export interface MqttHandlers {
  /** Device login (embedded listener): username = device id, password = token. */
  authenticate(deviceId: string, token: string): Promise<DeviceIdentity | undefined>;
  /**
   * A message on a press topic. `authenticatedDeviceId` is set when the broker itself verified
   * the device (embedded listener); over an external broker it is undefined and the payload
   * must carry the token. Resolves with the result to publish back and the counter it adds to.
   */
  press(topic: string, payload: Buffer, authenticatedDeviceId: string | undefined): Promise<PressAnswer>;
}

export interface AlarmMqtt {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Fire and forget, QoS 1, not retained. */
  publish(topic: string, payload: string): void;
  health(): readonly ConnectionHealth[];
  /** The listening port (embedded) or undefined. */
  port(): number | undefined;
  readonly counters: { received: number; malformed: number; rejected: number; published: number };
}
