// A scan's outcome felt and heard as well as seen: the instructor is looking at the learner, not at the screen.
let audio: AudioContext | null = null;

function beep(frequency: number, startsAt: number, seconds: number): void {
  audio ??= typeof AudioContext === 'undefined' ? null : new AudioContext();
  if (!audio) return;
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.frequency.value = frequency;
  gain.gain.value = 0.15;
  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(audio.currentTime + startsAt);
  oscillator.stop(audio.currentTime + startsAt + seconds);
}

export function signal(outcome: 'ok' | 'refused'): void {
  if (outcome === 'ok') {
    navigator.vibrate?.(80);
    beep(880, 0, 0.12);
  } else {
    navigator.vibrate?.([60, 60, 60]);
    beep(220, 0, 0.12);
    beep(220, 0.18, 0.12);
  }
}
