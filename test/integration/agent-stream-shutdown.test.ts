/**
 * A server with a connected recorder agent still shuts down: its event stream ends before the
 * HTTP server closes (a SIGTERM'd `serve` used to wait for the agent's stream forever).
 */
import { describe, expect, it } from 'vitest';
import { generateIdentity } from '../../src/adapters/vault/keys.js';
import { useDemoCamera, writeVaultRecipient } from '../support/recorder.js';
import { loginAs, startTestRuntime } from '../support/test-runtime.js';
import { waitFor } from '../support/waiting.js';

describe('shutting down with an agent connected', () => {
  it("ends the agent's event stream and closes", async () => {
    const t = await startTestRuntime({ demo: true, listen: true, env: { PROPORTIO_MQTT_PORT: '-1' } });
    let closed = false;
    try {
      await writeVaultRecipient(t);
      const { siteId } = await useDemoCamera(t, { port: 8554, enable: true });
      const admin = { ...(await loginAs(t.app, 'beheer')).headers, 'content-type': 'application/json' };
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/agents',
        headers: admin,
        payload: { siteId, name: 'Recorder' },
      });
      expect(created.statusCode, created.body).toBe(201);
      const enrolled = await t.app.inject({
        method: 'POST',
        url: '/api/agent/enrol',
        payload: {
          code: created.json<{ code: string }>().code,
          recipient: generateIdentity().recipient.text,
        },
      });
      expect(enrolled.statusCode, enrolled.body).toBe(200);
      await t.rt.start();
      const res = await fetch(`${t.url}/api/agent/events`, {
        headers: { authorization: `Bearer ${enrolled.json<{ token: string }>().token}` },
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      let text = '';
      let ended = false;
      void (async () => {
        for (let r = await reader.read(); !r.done; r = await reader.read())
          text += new TextDecoder().decode(r.value);
        ended = true;
      })().catch(() => (ended = true));
      await waitFor('hello on the stream', () => text.includes('event: hello'));

      // As `serve` on SIGTERM: the HTTP server closes first, then the modules stop.
      await t.app.close();
      closed = true;
      await waitFor('the stream to end', () => ended);
    } finally {
      if (!closed) t.app.server.closeAllConnections();
      for (const m of [...t.rt.modules].reverse()) await m.stop();
      await t.close();
    }
  });
});
