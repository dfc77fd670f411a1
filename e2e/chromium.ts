/**
 * How the tests and benchmarks run Chromium: the system browser (CHROMIUM_PATH, else Debian's), headless and
 * unsandboxed on a CI machine, with fake camera and microphone that need no permission prompt, and media that plays
 * without a user gesture.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What every launch here needs: no sandbox (CI containers), no GPU, nothing fetched in the background. */
export const CHROMIUM_BASE_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Media that plays without a gesture. */
export const AUTOPLAY_ARG = '--autoplay-policy=no-user-gesture-required';

/** Fake camera and microphone, granted without a prompt. */
export const FAKE_MEDIA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', AUTOPLAY_ARG];
