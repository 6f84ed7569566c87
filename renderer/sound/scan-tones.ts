// Audio cues for the counter: a short, bright two-note chime when a card was read, a low double
// buzz when a scan failed, so an officer looking at the citizen rather than the screen knows at
// once whether to scan again. Synthesised with Web Audio (no files to ship or load); one
// AudioContext, created on first use (browsers allow it only after a user gesture, which a scan
// — a key press or a click on the camera button — always follows). Where there is no Web Audio
// (jsdom, a locked-down browser) nothing happens.

export type ScanTone = 'good' | 'bad';

type AudioContextConstructor = new () => AudioContext;

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const scope = globalThis as {
    AudioContext?: AudioContextConstructor;
    webkitAudioContext?: AudioContextConstructor;
  };
  const Constructor = scope.AudioContext ?? scope.webkitAudioContext;
  if (typeof Constructor !== 'function') return null;
  try {
    context = new Constructor();
  } catch {
    return null;
  }
  return context;
}

interface Note {
  frequency: number;
  /** Seconds after the tone starts. */
  at: number;
  duration: number;
  type: OscillatorType;
  volume: number;
}

const tones: Record<ScanTone, Note[]> = {
  // A rising major sixth (C6 → A6), soft sine: pleasant, unmistakably "done".
  good: [
    { frequency: 1046.5, at: 0, duration: 0.09, type: 'sine', volume: 0.22 },
    { frequency: 1760, at: 0.09, duration: 0.14, type: 'sine', volume: 0.22 },
  ],
  // Two low, rougher pulses: clearly different from the good chime, without being shrill.
  bad: [
    { frequency: 196, at: 0, duration: 0.14, type: 'triangle', volume: 0.35 },
    { frequency: 185, at: 0.2, duration: 0.18, type: 'triangle', volume: 0.35 },
  ],
};

function playNote(audio: AudioContext, note: Note): void {
  const start = audio.currentTime + note.at;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = note.type;
  oscillator.frequency.setValueAtTime(note.frequency, start);
  // A quick attack and an exponential release: no click at either end.
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(note.volume, start + 0.012);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + note.duration);
  oscillator.connect(gain);
  gain.connect(audio.destination);
  oscillator.start(start);
  oscillator.stop(start + note.duration + 0.02);
}

/** Plays the cue; does nothing where Web Audio is missing or refuses. */
export function playScanTone(tone: ScanTone): void {
  const audio = audioContext();
  if (!audio) return;
  try {
    if (audio.state === 'suspended') void audio.resume().catch(() => undefined);
    for (const note of tones[tone]) playNote(audio, note);
  } catch {
    // A cue is a help, never a reason for a screen to fail.
  }
}

/** For tests: forget the context so the next tone creates one again. */
export function resetScanTonesForTest(): void {
  context = null;
}
