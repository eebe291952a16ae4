/**
 * The FaceDetector port on @vladmandic/face-api with TensorFlow.js on its WebAssembly backend
 * (ADR 0006: tfjs-node needs a native build that cannot install here; the WASM backend ships in
 * the npm package). The models ship in the face-api package (`model/`), so nothing is fetched.
 *
 * face-api's Node build is CommonJS and loads tfjs as a side effect, so it is required lazily, on
 * the first createFaceDetector() call: importing this module costs nothing.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { err, ok, type Result } from '../../core/result.js';
import type { Detection } from '../../core/redaction/tracker.js';
import type { FaceDetector, RgbFrame } from '../../services/redaction-ports.js';

const require = createRequire(import.meta.url);

/** The few parts of tfjs and face-api used here (their own typings drag in tfjs-core's). */
interface Tensor3D {
  dispose(): void;
}
interface Tf {
  setBackend(name: string): Promise<boolean>;
  ready(): Promise<void>;
  tensor3d(values: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor3D;
}
interface FaceApiDetection {
  readonly score: number;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}
interface FaceApi {
  readonly nets: {
    readonly tinyFaceDetector: { loadFromDisk(dir: string): Promise<void>; readonly isLoaded: boolean };
    readonly ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void>; readonly isLoaded: boolean };
  };
  TinyFaceDetectorOptions: new (o: { inputSize: number; scoreThreshold: number }) => object;
  SsdMobilenetv1Options: new (o: { minConfidence: number; maxResults?: number }) => object;
  detectAllFaces(input: Tensor3D, options: object): Promise<FaceApiDetection[]>;
}

export type FaceModel = 'tiny' | 'ssd';

export interface FaceDetectorOptions {
  /** tiny: TinyFaceDetector (~0.1 s a frame here); ssd: SSD MobileNet v1 (~0.75 s, a second opinion). */
  readonly model?: FaceModel;
  /** Tiny detector's input size (multiple of 32); frames are searched at this resolution. */
  readonly inputSize?: number;
  /** Lower finds more faces and more false ones; a false one is only an extra blur. */
  readonly minScore?: number;
}

let loaded: Promise<{ tf: Tf; faceapi: FaceApi; modelDir: string }> | null = null;

const load = () => {
  loaded ??= (async () => {
    const tf = require('@tensorflow/tfjs') as Tf;
    require('@tensorflow/tfjs-backend-wasm');
    const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
    await tf.setBackend('wasm');
    await tf.ready();
    const modelDir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
    return { tf, faceapi, modelDir };
  })();
  return loaded;
};

export const createFaceDetector = async (
  options: FaceDetectorOptions = {},
): Promise<Result<FaceDetector, 'REDACTION.DETECTOR_UNAVAILABLE'>> => {
  const model = options.model ?? 'tiny';
  try {
    const { tf, faceapi, modelDir } = await load();
    const net = model === 'tiny' ? faceapi.nets.tinyFaceDetector : faceapi.nets.ssdMobilenetv1;
    if (!net.isLoaded) await net.loadFromDisk(modelDir);
    const detectorOptions =
      model === 'tiny'
        ? new faceapi.TinyFaceDetectorOptions({
            inputSize: options.inputSize ?? 512,
            scoreThreshold: options.minScore ?? 0.35,
          })
        : new faceapi.SsdMobilenetv1Options({ minConfidence: options.minScore ?? 0.35, maxResults: 50 });
    return ok({
      name:
        model === 'tiny'
          ? `face-api TinyFaceDetector ${options.inputSize ?? 512}`
          : 'face-api SsdMobilenetv1',
      detect: async (frame: RgbFrame): Promise<Detection[]> => {
        const tensor = tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
        try {
          const found = await faceapi.detectAllFaces(tensor, detectorOptions);
          return found.map((d) => ({
            score: d.score,
            box: { x: d.box.x, y: d.box.y, w: d.box.width, h: d.box.height },
          }));
        } finally {
          tensor.dispose();
        }
      },
      // The models stay loaded for the process (a few MB); nothing per detector to free.
      dispose: () => Promise.resolve(),
    });
  } catch (e) {
    loaded = null;
    return err('REDACTION.DETECTOR_UNAVAILABLE', `The face detector could not be loaded: ${String(e)}`);
  }
};
