// Spoken cues through the Web Speech API, in the patient's language. Voice is always paired with
// the on-screen text and vibration, so a device without speech loses nothing essential.

export interface Voice {
  say(text: string): void;
  cancel(): void;
}

/** A voice for `langTag` (BCP 47); silent when disabled or when the browser has no speech. */
export function createVoice(langTag: string, enabled: boolean): Voice {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  if (!enabled || !synth) return { say() {}, cancel() {} };
  return {
    say(text) {
      // A new cue replaces the old one: a patient should hear what to do now, not a queue.
      synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = langTag;
      u.rate = 0.95;
      synth.speak(u);
    },
    cancel() {
      synth.cancel();
    },
  };
}

/** Vibrates where the device can (most Android phones); a no-op elsewhere. */
export function vibrate(patternMs: readonly number[]): void {
  if (typeof navigator !== 'undefined' && 'vibrate' in navigator) navigator.vibrate([...patternMs]);
}
