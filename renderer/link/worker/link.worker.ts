import type { LinkCommand, LinkEvent } from '../messages';
import { LinkCore } from './core';

declare const self: DedicatedWorkerGlobalScope;

/** Longest wait for a frame: rAF does not fire while the page is hidden, and status must still move on. */
const FRAME_FALLBACK_MS = 100;

function requestFrame(callback: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    callback();
  };
  // Dedicated workers in Chromium have requestAnimationFrame; elsewhere the timer alone paces the batches.
  if (typeof self.requestAnimationFrame === 'function') {
    self.requestAnimationFrame(run);
    setTimeout(run, FRAME_FALLBACK_MS);
  } else {
    setTimeout(run, 16);
  }
}

const core = new LinkCore({
  post: (event: LinkEvent) => self.postMessage(event),
  requestFrame,
  after: (ms, callback) => setTimeout(callback, ms),
  now: () => performance.now(),
  random: () => Math.random(),
});

self.addEventListener('message', (event: MessageEvent<LinkCommand>) => core.handle(event.data));
self.addEventListener('online', () => core.handle({ type: 'online', online: true }));
self.addEventListener('offline', () => core.handle({ type: 'online', online: false }));
if (!self.navigator.onLine) core.handle({ type: 'online', online: false });
