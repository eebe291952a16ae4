/**
 * The responder's alarm tone, made with the Web Audio API (no audio files): three short beeps
 * alternating between two pitches. Browsers allow sound only after a user gesture, so the console
 * offers a button that unlocks (and tests) the audio context; until then playing fails quietly.
 */
type AudioContextCtor = typeof AudioContext;

let context: AudioContext | null = null;

const ctor = (): AudioContextCtor | undefined =>
  typeof window !== 'undefined' && 'AudioContext' in window ? window.AudioContext : undefined;

const audio = (): AudioContext | null => {
  if (context) return context;
  const Ctor = ctor();
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    context = null;
  }
  return context;
};

/** Call from a click handler: browsers start the audio context only after a user gesture. */
export const unlockAudio = async (): Promise<void> => {
  const ctx = audio();
  if (ctx && ctx.state === 'suspended') await ctx.resume().catch(() => undefined);
};

/** Plays the alarm tone (about 1.2 s). Returns false when the browser gave no audio. */
export const playAlarmTone = (): boolean => {
  const ctx = audio();
  if (!ctx) return false;
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
  const start = ctx.currentTime + 0.02;
  for (let i = 0; i < 6; i++) {
    const at = start + i * 0.2;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.setValueAtTime(i % 2 === 0 ? 880 : 660, at);
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.2, at + 0.01);
    gain.gain.setValueAtTime(0.2, at + 0.15);
    gain.gain.linearRampToValueAtTime(0, at + 0.18);
    osc.connect(gain).connect(ctx.destination);
    osc.start(at);
    osc.stop(at + 0.19);
  }
  return ctx.state === 'running';
};
