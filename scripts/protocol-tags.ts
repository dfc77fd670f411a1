/**
 * The generated parts of docs/protocol.md's "Tags" section: every tag's rule and the tagger's time limits, written
 * from the constants the tagger runs by (services/tagger), so the doc cannot drift from them.
 */
import { DROPOUT_LOSS_PCT, MEDIA_KEPT_MS, OFFLINE_KEPT_MS, PARTICIPANT_TTL_MS } from '../services/tagger/class-stream';
import { AUDIO_CLEAR_REPORTS, SLOW_ENTRY_MS } from '../services/tagger/participant';
import {
  DRAW_FAILED_SHARE, DRAW_FAILURES, DRAW_SPAN_MS, DTX_PPS, FAILING_SHARE, FROZEN_SHARE, HEARD_LOSS_PCT, LAG_LIMIT_MS, LONG_LAG_MS, LOST_PCT, NO_DTX_PPS,
  SILENCE_LEVEL, SILENT_KBPS, SPEAKING_LEVEL, SPEECH_PPS, STUCK_FPS, STUCK_PPS, TEACHER_RECENT_MS, WEAK_SHARE,
} from '../services/tagger/rules';
import { BATCH_WAIT_MS, CONFIRM_MS, COURSE_QUIET_MS, DEFAULT_INTERVAL_MS, FRESH_MS, FUTURE_TOLERANCE_MS, MEDIA_QUIET_MS, MIN_BAD_MS, RESTART_REPORT_MS, STALE_MS } from '../services/tagger/time';

const ms = (value: number) => `${value.toLocaleString('en-US')} ms`;
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** How reports become tags, and the limits of time: the `tags:time` block. */
function timeBlock(): string {
  return [
    `- An event is set aside as \`future\` when, after correction, it is still more than ${ms(FUTURE_TOLERANCE_MS)} ahead of the tagger's clock (stamped later than the message that carries it), and as \`late\` when it is a report (media, board lag, drawing) more than ${ms(STALE_MS)} old (it says nothing about now: a throttled console's report of the last minute; \`entry\`, \`init\` and \`courseware\` events are never late, as the states they show last); a message whose \`id\` its sender already sent is a \`duplicate\` (counted once per message).`,
    `- A media report covers its \`intervalMs\` (${ms(DEFAULT_INTERVAL_MS)} when it does not say). Each report is judged on its own: bad (hard, soft or weak), healthy, or saying nothing about its stream.`,
    `- A tag is raised by one hard bad report, or by soft ones over two reports or more covering at least ${ms(MIN_BAD_MS)} (a weak report can begin or continue such a run, and never raises a tag itself). It holds from where the bad run began (\`since\`).`,
    `- It clears on a healthy report (${AUDIO_CLEAR_REPORTS} in a row for \`stream.audio-stuck\` and \`stream.cant-hear\`; a weak report counts as one while the tag holds); a healthy report before the tag is raised breaks the run. Reports older than the newest one of their stream already judged are ignored, and so is a second report at the same time (a batch sent again, a teacher's report per connection).`,
    `- Only a report at most ${ms(FRESH_MS)} old raises a tag: older evidence arriving late (a console that lost the broker sends what it held) continues a run, and the next fresh bad report raises the tag.`,
    `- A failed start-up or load is tagged once ${ms(CONFIRM_MS)} of the participant's own event time pass with no success for it (an event of theirs later than that has arrived), or ${ms(BATCH_WAIT_MS)} after that when they send nothing more; a load that fails again is tagged at once.`,
    `- A participant who enters again (an \`entry\` step \`token\`) keeps their failed start-ups and loads until the new entry reports them: a failure again keeps the tag and its \`since\`, a success clears it, and one the new entry has not reported ${ms(RESTART_REPORT_MS)} after its \`ready\` is dropped (judged in the participant's own event time, as a confirmation is).`,
    `- A stream tag whose participant reports nothing about that stream for ${ms(MEDIA_QUIET_MS)} is dropped; \`course.not-synced\` and \`course.cant-draw\` end ${ms(COURSE_QUIET_MS)} after their last bad report.`,
    `- A participant who sent nothing for ${ms(PARTICIPANT_TTL_MS)}, or whose presence is offline and who sent nothing for ${ms(OFFLINE_KEPT_MS)}, is forgotten with their tags. \`stream.normal\` holds while the participant reported media in the last ${ms(MEDIA_KEPT_MS)}.`,
  ].join('\n');
}

/** Every tag's rule: the `tags:rules` block. */
function rulesBlock(): string {
  const rows: [string, string, string][] = [
    ['`entry.entered`', 'an `entry` event with step `ready`', 'the participant is forgotten'],
    ['`entry.slow`', `the latest \`ready\` took more than ${ms(SLOW_ENTRY_MS)}`, `a \`ready\` within ${ms(SLOW_ENTRY_MS)}`],
    ['`entry.init-failed.<component>`', '`init` with `ok: false` for media, messaging or courseware, confirmed as above', '`init` `ok: true` for it, or a new entry that does not report it (above)'],
    [
      '`stream.audio-stuck`',
      `send audio with the mic \`enabled\` and link \`connected\`: under ${STUCK_PPS} packets a second (hard over a report of 4 s or more); soft under ${pct(FAILING_SHARE)} of the packets its level calls for, weak under ${pct(WEAK_SHARE)}. A working microphone sends ${SPEECH_PPS} packets a second of speech and ${DTX_PPS} of silence with DTX (${SPEECH_PPS} without: a quiet report at ${NO_DTX_PPS} or more shows it); the share of speech comes from the report's \`audioLevel\` against the level the microphone's own healthy reports show while speaking`,
      `${AUDIO_CLEAR_REPORTS} healthy send-audio reports in a row`,
    ],
    [
      '`stream.video-stuck`',
      `send video \`enabled\`: under ${STUCK_FPS} frame a second (hard with no frame over 4 s or more); soft under ${pct(FAILING_SHARE)} of the camera's recent rate (the median of its last healthy reports), weak under ${pct(WEAK_SHARE)}`,
      'a healthy send-video report',
    ],
    [
      '`stream.cant-hear`',
      `receive audio from a teacher (\`peer\`; none: the sole teacher) with \`packets\` or \`intervalMs\`: ${LOST_PCT}% or more lost on the way (soft). Older reports: silent (level under ${SILENCE_LEVEL}, or under ${SILENT_KBPS} kbps) while the teacher's own report showed them speaking (level over ${SPEAKING_LEVEL}) in the last ${ms(TEACHER_RECENT_MS)}`,
      `${AUDIO_CLEAR_REPORTS} reports in a row with under ${HEARD_LOSS_PCT}% lost`,
    ],
    [
      '`stream.cant-see`',
      `receive video from a teacher with \`intervalMs\`: under ${STUCK_FPS} frame a second decoded while packets arrive or the picture is frozen ${pct(FROZEN_SHARE)} of the report or more (soft). Older reports: 0 frames decoded while the teacher's own report showed frames in the last ${ms(TEACHER_RECENT_MS)}`,
      `a report with ${STUCK_FPS} frame a second or more decoded`,
    ],
    ['`stream.normal`', 'media reports, and none of the four stream problems', 'a stream problem, or no media report for a while'],
    ['`course.load-failed`', '`courseware` with `ok: false`, confirmed as above', '`courseware` `ok: true` for that asset, or a new entry that does not load it again (above)'],
    [
      '`course.not-synced`',
      `\`board-lag\` over ${ms(LAG_LIMIT_MS)} with \`pendingOps\` > 0 (hard from ${ms(MIN_BAD_MS)}); over ${ms(LONG_LAG_MS)} whatever is pending (hard). With nothing pending, or begun while the participant's own network dropped out (their send reports show the link down or ${DROPOUT_LOSS_PCT}% lost), a lag says nothing below ${ms(LONG_LAG_MS)} (a board waiting for the network, or reporting how long it was behind once it caught up)`,
      `a \`board-lag\` within ${ms(LAG_LIMIT_MS)} with nothing pending`,
    ],
    ['`course.cant-draw`', `${DRAW_FAILURES} \`draw\` events with \`ok: false\` within ${ms(DRAW_SPAN_MS)}, making at least ${pct(DRAW_FAILED_SHARE)} of the \`draw\` events then (a stroke that fails now and then and goes through on its retry is no fault)`, `${ms(COURSE_QUIET_MS)} after the last failed one`],
    ['`course.normal`', 'courseware, board or drawing telemetry, and no courseware problem (nor `entry.init-failed.courseware`)', 'a courseware problem'],
  ];
  return ['| tag | holds when | clears on |', '|---|---|---|', ...rows.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

export function tagBlocks(): [string, string][] {
  return [
    ['tags:time', timeBlock()],
    ['tags:rules', rulesBlock()],
  ];
}
