/** What the MQTT adapters need from the alarm capability, and what they offer it. */
import type { PressAnswer } from '../../core/alarm/press-answer.js';
import type { HealthItem } from '../../core/health.js';

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
  /** How the broker connection is doing, each line with its stable code (docs/operations.md). */
  health(): readonly HealthItem[];
  /** The listening port (embedded) or undefined. */
  port(): number | undefined;
  readonly counters: { received: number; malformed: number; rejected: number; published: number };
}
