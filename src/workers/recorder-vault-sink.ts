/**
 * A ClipSink that seals a clip into the vault as it is recorded. ClipRecorder writes
 * synchronously; sealing is asynchronous, so bytes queue in memory and are sealed as one part
 * whenever the previous part is done: the first part (init segment + pre-roll) is sealed at once,
 * then roughly one part per GOP. A crash loses at most the part being sealed. Plaintext never
 * touches disk: the only file written is age ciphertext (clip-store.ts).
 *
 * On a sealing failure (disk full, I/O error) the clip stops: queued bytes are dropped from
 * memory, later writes are ignored, and the clip is left open in the vault (never marked closed),
 * so it cannot pass as complete; the row says 'failed' and start-up recovery indexes what was sealed.
 */
import type { ClipMetadata, ClipProgress, ClipSink } from '../core/recording/clip.js';
import {
  openClipWriter,
  type ClipStore,
  type ClipWriter,
  type PartMedia,
} from '../adapters/vault/clip-store.js';
import type { AgeRecipient } from '../adapters/vault/keys.js';
import type { VaultErrorCode } from '../core/recording/vault-errors.js';
import type { DomainError, Result } from '../core/result.js';
import type { SealedExtent, SealOutcome } from '../services/recording-ports.js';

export interface VaultSinkOptions {
  readonly store: ClipStore;
  readonly recipient: AgeRecipient;
  readonly clipId: string;
  /** Wall clock (ms), for onFirstSealed. */
  readonly now: () => number;
  /** Queued plaintext above this means sealing cannot keep up: fail the clip rather than grow without bound. */
  readonly maxQueuedBytes?: number;
  /** The first part is durable on disk (benchmark b: alarm → first sealed byte). */
  readonly onFirstSealed?: (at: number) => void;
  /** Sealing failed; the clip is over (called once, before onDone). */
  readonly onFailed?: (error: DomainError<VaultErrorCode>) => void;
  /** Exactly once, after end() and the last part. meta is null when end() was never reached. */
  readonly onDone: (outcome: SealOutcome, meta: ClipMetadata | null) => void;
}

async function* pieces(batch: readonly Buffer[]): AsyncGenerator<Uint8Array> {
  for (const b of batch) yield b;
}

export class VaultClipSink implements ClipSink {
  private readonly writer: Promise<Result<ClipWriter, VaultErrorCode>>;
  private queue: Buffer[] = [];
  private queued = 0;
  private running = false;
  private ended = false;
  private done = false;
  private meta: ClipMetadata | null = null;
  private failure: DomainError<VaultErrorCode> | null = null;
  private parts = 0;
  private sealedBytes = 0;
  /** The clip's progress as far as the bytes queued so far reach. */
  private latest: ClipProgress | null = null;
  private sealedPlain = 0;
  private sealedProgress: ClipProgress | null = null;
  // Declared before `finished`, whose initializer assigns it.
  private resolveFinished: (o: SealOutcome) => void = () => undefined;
  /** Resolves when the clip is finished (sealed or failed). */
  readonly finished: Promise<SealOutcome> = new Promise((resolve) => {
    this.resolveFinished = resolve;
  });

  constructor(private readonly o: VaultSinkOptions) {
    this.writer = openClipWriter(o.store, o.clipId, o.recipient);
  }

  get failed(): DomainError<VaultErrorCode> | null {
    return this.failure;
  }

  write(chunk: Buffer): void {
    if (this.failure !== null || this.ended) return;
    this.queue.push(chunk);
    this.queued += chunk.length;
    if (this.queued > (this.o.maxQueuedBytes ?? 256 * 1024 * 1024)) {
      this.fail({
        code: 'VAULT.IO_FAILED',
        message: 'sealing cannot keep up with the camera; the clip was stopped',
      });
      return;
    }
    this.kick();
  }

  progress(p: ClipProgress): void {
    if (this.failure === null) this.latest = p;
  }

  end(meta: ClipMetadata): void {
    if (this.ended) return;
    this.ended = true;
    this.meta = meta;
    this.kick();
  }

  private fail(error: DomainError<VaultErrorCode>): void {
    if (this.failure !== null) return;
    this.failure = error;
    // Drop what is queued: it must not linger in memory, and it can never reach the disk unsealed.
    this.queue = [];
    this.queued = 0;
    this.o.onFailed?.(error);
  }

  private kick(): void {
    if (this.running || this.done) return;
    this.running = true;
    void this.run().finally(() => {
      this.running = false;
      // Bytes or end() that arrived during the last await.
      if (!this.done && (this.queue.length > 0 || this.ended)) this.kick();
    });
  }

  private async run(): Promise<void> {
    const w = await this.writer;
    if (!w.ok) this.fail(w.error);
    while (this.failure === null && this.queue.length > 0 && w.ok) {
      const batch = this.queue;
      this.queue = [];
      this.queued = 0;
      // Writes and progress() come together, synchronously, per fragment: this is the batch's end.
      const reached = this.latest;
      const r = await w.value.writePart(pieces(batch), reached === null ? undefined : partMedia(reached));
      if (!r.ok) {
        this.fail(r.error);
        break;
      }
      this.parts += 1;
      this.sealedBytes += r.value.bytes;
      this.sealedPlain += r.value.plaintextBytes;
      if (reached !== null) this.sealedProgress = reached;
      if (this.parts === 1) this.o.onFirstSealed?.(this.o.now());
    }
    if (!this.ended || this.queue.length > 0 || this.done) return;
    this.done = true;
    let outcome: SealOutcome;
    if (this.failure !== null || !w.ok) {
      const e = this.failure ?? {
        code: 'VAULT.IO_FAILED' as const,
        message: 'the clip writer could not be opened',
      };
      outcome = {
        ok: false,
        error: { code: e.code, message: e.message },
        sealedBytes: this.sealedBytes,
        parts: this.parts,
        sealed: this.extent(),
      };
    } else {
      const c = await w.value.close();
      if (c.ok)
        outcome = {
          ok: true,
          value: { manifestDigest: c.value.manifestDigest },
          sealedBytes: this.sealedBytes,
          parts: this.parts,
        };
      else {
        this.fail(c.error);
        outcome = {
          ok: false,
          error: { code: c.error.code, message: c.error.message },
          sealedBytes: this.sealedBytes,
          parts: this.parts,
          sealed: this.extent(),
        };
      }
    }
    this.o.onDone(outcome, this.meta);
    this.resolveFinished(outcome);
  }

  private extent(): SealedExtent | null {
    const p = this.sealedProgress;
    return p === null ? null : { ...p, bytes: this.sealedPlain };
  }
}

const partMedia = (p: ClipProgress): PartMedia => ({
  startedAt: new Date(p.startedAt).toISOString(),
  endedAt: new Date(p.endedAt).toISOString(),
  durationSeconds: p.durationSeconds,
});
