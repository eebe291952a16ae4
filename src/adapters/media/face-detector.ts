/**
 * The FaceDetector port on @vladmandic/face-api with TensorFlow.js on its WebAssembly backend
 * (ADR 0006: tfjs-node needs a native build that cannot install here; the WASM backend ships in
 * the npm package). The models ship in the face-api package (`model/`), so nothing is fetched.
 *
 * The WASM backend runs single-threaded in Node: its threaded build starts its pthreads from a
 * `blob:` URL, which Node's worker_threads refuse (ERR_WORKER_PATH; tfjs disables it in Node for
 * that reason, tensorflow/tfjs#3830). So the parallelism is one level up: a pool of worker threads,
 * each with its own tfjs and model, each detecting a whole frame; the caller keeps several frames
 * in flight (`concurrency`). The worker is a small CommonJS script run with `eval`, so it works
 * the same under tsx, vitest and the built server, and loads face-api only when a detector is made.
 */
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { err, ok, type Result } from '../../core/result.js';
import type { Detection } from '../../core/redaction/tracker.js';
import type { FaceDetector, RgbFrame } from '../../services/redaction-ports.js';

const require = createRequire(import.meta.url);

export type FaceModel = 'tiny' | 'ssd';

export interface FaceDetectorOptions {
  /** tiny: TinyFaceDetector (~0.1 s a frame here); ssd: SSD MobileNet v1 (~0.75 s, a second opinion). */
  readonly model?: FaceModel;
  /** Tiny detector's input size (multiple of 32); frames are searched at this resolution. */
  readonly inputSize?: number;
  /** Lower finds more faces and more false ones; a false one is only an extra blur. */
  readonly minScore?: number;
  /** Worker threads, each detecting one frame at a time (default: the cores, at most 4). */
  readonly threads?: number;
}

interface WorkerSetup {
  readonly tfjs: string;
  readonly wasm: string;
  readonly faceapi: string;
  readonly modelDir: string;
  readonly model: FaceModel;
  readonly inputSize: number;
  readonly minScore: number;
}

type Reply =
  | { readonly ready: true }
  | { readonly failed: string }
  | { readonly id: number; readonly found: Detection[] }
  | { readonly id: number; readonly error: string };

/** One worker: loads tfjs on WASM and the model, then answers one frame per message. */
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
const tf = require(w.tfjs);
require(w.wasm);
const faceapi = require(w.faceapi);
const options = (async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  const net = w.model === 'tiny' ? faceapi.nets.tinyFaceDetector : faceapi.nets.ssdMobilenetv1;
  await net.loadFromDisk(w.modelDir);
  return w.model === 'tiny'
    ? new faceapi.TinyFaceDetectorOptions({ inputSize: w.inputSize, scoreThreshold: w.minScore })
    : new faceapi.SsdMobilenetv1Options({ minConfidence: w.minScore, maxResults: 50 });
})();
options.then(
  () => parentPort.postMessage({ ready: true }),
  (e) => parentPort.postMessage({ failed: String(e) }),
);
parentPort.on('message', async ({ id, width, height, data }) => {
  let tensor;
  try {
    tensor = tf.tensor3d(data, [height, width, 3], 'int32');
    const found = await faceapi.detectAllFaces(tensor, await options);
    parentPort.postMessage({
      id,
      found: found.map((d) => ({
        score: d.score,
        box: { x: d.box.x, y: d.box.y, w: d.box.width, h: d.box.height },
      })),
    });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e) });
  } finally {
    tensor?.dispose();
  }
});
`;

interface Job {
  readonly id: number;
  readonly frame: RgbFrame;
  readonly resolve: (d: Detection[]) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
}

const startWorker = (setup: WorkerSetup): Promise<Worker> =>
  new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: setup });
    const fail = (e: unknown) => {
      void worker.terminate();
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    worker.once('error', fail);
    worker.once('message', (m: Reply) => {
      worker.off('error', fail);
      if ('ready' in m) resolve(worker);
      else fail('failed' in m ? m.failed : 'unexpected message');
    });
  });

export const createFaceDetector = async (
  options: FaceDetectorOptions = {},
): Promise<Result<FaceDetector, 'REDACTION.DETECTOR_UNAVAILABLE'>> => {
  const model = options.model ?? 'tiny';
  const inputSize = options.inputSize ?? 512;
  const threads = Math.max(1, Math.floor(options.threads ?? Math.min(4, os.availableParallelism())));
  let workers: Worker[];
  try {
    const setup: WorkerSetup = {
      tfjs: require.resolve('@tensorflow/tfjs'),
      wasm: require.resolve('@tensorflow/tfjs-backend-wasm'),
      faceapi: require.resolve('@vladmandic/face-api/dist/face-api.node-wasm.js'),
      modelDir: path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model'),
      model,
      inputSize,
      minScore: options.minScore ?? 0.35,
    };
    const started = await Promise.allSettled(Array.from({ length: threads }, () => startWorker(setup)));
    workers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed !== undefined) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw failed.reason;
    }
  } catch (e) {
    return err('REDACTION.DETECTOR_UNAVAILABLE', `The face detector could not be loaded: ${String(e)}`);
  }

  const slots: Slot[] = workers.map((worker) => ({ worker, job: null }));
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const dispatch = () => {
    for (const slot of slots) {
      if (slot.job !== null) continue;
      const job = queue.shift();
      if (job === undefined) break;
      slot.job = job;
      slot.worker.ref();
      const { width, height, data } = job.frame;
      slot.worker.postMessage({ id: job.id, width, height, data });
    }
  };
  const finish = (slot: Slot) => {
    slot.job = null;
    // An idle pool must not keep the process alive (a CLI run ends when its work is done).
    slot.worker.unref();
    dispatch();
  };
  for (const slot of slots) {
    slot.worker.unref();
    slot.worker.on('message', (m: Reply) => {
      const job = slot.job;
      if (job === null || !('id' in m) || m.id !== job.id) return;
      if ('found' in m) job.resolve(m.found);
      else job.reject(new Error(`face detection failed: ${m.error}`));
      finish(slot);
    });
    // A worker that dies takes its frame with it; the run fails rather than skip a frame. Its
    // error is only reported through the frames (an unheard 'error' event would end the server).
    let crash = '';
    slot.worker.on('error', (e) => (crash = `: ${e.message}`));
    slot.worker.on('exit', (code) => {
      slots.splice(slots.indexOf(slot), 1);
      slot.job?.reject(new Error(`the face detector stopped (exit ${code})${crash}`));
      if (slots.length === 0)
        for (const job of queue.splice(0)) job.reject(new Error(`the face detector stopped${crash}`));
    });
  }

  return ok({
    name: model === 'tiny' ? `face-api TinyFaceDetector ${inputSize}` : 'face-api SsdMobilenetv1',
    concurrency: slots.length,
    detect: (frame: RgbFrame) =>
      new Promise<Detection[]>((resolve, reject) => {
        if (closed || slots.length === 0) {
          reject(new Error('the face detector is closed'));
          return;
        }
        queue.push({ id: nextId++, frame, resolve, reject });
        dispatch();
      }),
    dispose: async () => {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  });
};
