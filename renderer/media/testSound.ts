/** Plays a short two-tone chime on the chosen output (or the default one), for the speaker check. */
export async function playTestSound(deviceId: string | null): Promise<void> {
  const context = new AudioContext();
  try {
    await context.resume();
    const destination = context.createMediaStreamDestination();
    const gain = context.createGain();
    gain.connect(destination);
    const start = context.currentTime + 0.05;
    for (const [index, frequency] of [660, 880].entries()) {
      const tone = context.createOscillator();
      tone.frequency.value = frequency;
      tone.connect(gain);
      tone.start(start + index * 0.35);
      tone.stop(start + index * 0.35 + 0.3);
    }
    gain.gain.setValueAtTime(0.25, start);
    gain.gain.linearRampToValueAtTime(0, start + 0.7);
    const audio = new Audio();
    audio.srcObject = destination.stream;
    const sinkable = audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };
    if (deviceId && sinkable.setSinkId) await sinkable.setSinkId(deviceId);
    await audio.play();
    await new Promise((resolve) => setTimeout(resolve, 900));
    audio.pause();
    audio.srcObject = null;
  } finally {
    await context.close().catch(() => undefined);
  }
}
