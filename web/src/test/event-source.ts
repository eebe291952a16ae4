/**
 * jsdom has no EventSource: this one stands in for the alarm stream, and the test says what the
 * server sends (`open`, `send(type, data)`, `fail`).
 */
import { vi } from 'vitest';

type Listener = (e: MessageEvent) => void;

export class TestEventSource {
  static latest: TestEventSource | undefined;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
    TestEventSource.latest = this;
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
  }

  open(): void {
    this.onopen?.();
  }

  fail(): void {
    this.onerror?.();
  }

  send(type: string, data: unknown): void {
    const e = new MessageEvent(type, { data: JSON.stringify(data) });
    for (const l of this.listeners.get(type) ?? []) l(e);
  }
}

export const serveEventSource = (): void => {
  TestEventSource.latest = undefined;
  vi.stubGlobal('EventSource', TestEventSource);
};

/** The stream the page opened. */
export const stream = (): TestEventSource => {
  if (!TestEventSource.latest) throw new Error('the page opened no EventSource');
  return TestEventSource.latest;
};
