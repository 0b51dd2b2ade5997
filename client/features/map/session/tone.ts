/**
 * A short, soft tone when the timer reaches zero. Browsers allow sound only after the person has
 * interacted with the page, so nothing plays before a first click or key press; it never blocks.
 */
let interacted = false;
let armed = false;

export function armTone(): void {
  if (armed || typeof window === 'undefined') return;
  armed = true;
  const mark = () => {
    interacted = true;
    window.removeEventListener('pointerdown', mark, true);
    window.removeEventListener('keydown', mark, true);
  };
  window.addEventListener('pointerdown', mark, true);
  window.addEventListener('keydown', mark, true);
}

type AudioCtor = typeof AudioContext;

export function playSoftTone(): void {
  if (!interacted) return;
  const Ctor = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioCtor }).webkitAudioContext) as
    | AudioCtor
    | undefined;
  if (!Ctor) return;
  try {
    const ctx = new Ctor();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = 660;
    const t0 = ctx.currentTime;
    gain.gain.setValueAtTime(0, t0);
    gain.gain.linearRampToValueAtTime(0.08, t0 + 0.05);
    gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.9);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t0);
    osc.stop(t0 + 0.95);
    osc.onended = () => void ctx.close().catch(() => {});
  } catch {
    // No sound is fine: the visual signal is the main one.
  }
}
