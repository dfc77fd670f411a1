import { resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchBackend } from '../../services/backend';
import { loadMediasoup } from '../../services/sfu/mediasoup-api';
import { expect, test } from '../fixtures';
import { joinClass, type ClassParticipant } from '../pages/ClassParticipant';

// The same call as media-p2p.spec.ts, through the SFU (mediasoup). class-0001 is a group class, so with the SFU
// running it is configured for the SFU. mediasoup's worker is a native binary: without it this test skips, saying why.
const mediasoup = await loadMediasoup().then(
  () => null,
  (error: Error) => error.message,
);

// Calls take a while to set up on a loaded two-core machine, and these tests set up several.
test.describe.configure({ timeout: 120_000 });

/** Opens (or observes) class-0001 as `username` and, opening it, joins the call from the device check. */
async function enter(browser: Browser, url: string, username: string, how: 'open' | 'observe' = 'open'): Promise<ClassParticipant> {
  const person = await joinClass(browser, url, username, 'class-0001', { how, listed: how === 'observe' ? 5 : 1 });
  if (how === 'open') await person.media.joinWithDevices();
  return person;
}

test('through the SFU: teacher and student receive each other, muting silences, an observer receives unseen', async ({ browser }) => {
  test.skip(mediasoup !== null, `mediasoup cannot be loaded here: ${mediasoup}`);
  const { backend } = await launchBackend({ classes: 5, simulate: false, staticDir: resolve(import.meta.dirname, '../../out/renderer'), media: { sfu: true } });
  const teacher = await enter(browser, backend.httpUrl, 'teacher1');
  const student = await enter(browser, backend.httpUrl, 'student1');
  try {
    await expect(teacher.media.stage).toHaveAttribute('data-mode', 'sfu');
    await teacher.media.expectReceiving('student1');
    await student.media.expectReceiving('teacher1');
    await student.media.toggleMic();
    await teacher.media.expectSilenceFrom('student1');

    const observer = await enter(browser, backend.httpUrl, 'supervisor1', 'observe');
    try {
      await observer.media.expectReceiving('teacher1');
      await expect(teacher.room.person('supervisor1')).toHaveCount(0);
    } finally {
      await observer.close();
    }
  } finally {
    await teacher.close();
    await student.close();
    await backend.close();
  }
});
