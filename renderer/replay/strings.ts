import i18next from 'i18next';

/** The replay's and the recording control's strings (English and Chinese), kept beside them as the board keeps its own. */
const en = {
  title: 'Replay of {{classId}}',
  back: 'Back to classes',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  timeline: 'Position in the recording',
  copyLink: 'Copy link to this moment',
  copied: 'Link copied',
  loading: 'Loading the recording…',
  loadFailed: 'The recording could not be loaded: {{error}}',
  empty: 'This recording holds nothing to replay.',
  broken: 'The recording breaks at {{time}} ({{entries}} entries read): {{reason}}. Everything before that is shown.',
  gapAway: 'The recorder was away from {{from}} to {{to}}: times in this stretch are approximate.',
  gapPaused: 'Recording paused from {{from}} to {{to}}.',
  'marker.page': 'Page {{label}}',
  'marker.hand': 'Hand raised',
  'marker.chat': 'Chat: {{label}}',
  'marker.poll': 'Poll: {{label}}',
  'marker.pollClosed': 'Poll closed: {{label}}',
  markerGroup: '{{first}}, and {{more}} more until {{until}}',
  polls: 'Polls so far',
  'poll.open': '{{title}}: open, {{count}} answered',
  'poll.closed': '{{title}}: closed, {{count}} answered',
  'poll.openBare': '{{title}}: open',
  'poll.closedBare': '{{title}}: closed',
  chat: 'Chat so far',
  hands: 'Hands up: {{count}}',
  replay: 'Replay',
  recording: 'Recording',
  record: 'Record',
  stopRecording: 'Stop recording',
  'stopped.limit': 'Recording stopped: it reached this class\'s size limit. What was recorded is kept.',
  'stopped.disk-full': 'Recording stopped: the recorder\'s disk is full. What was recorded is kept.',
  'stopped.write-failed': 'Recording stopped: the recorder could not write. What was recorded is kept.',
  recordFailed: 'Recording could not be changed: {{error}}',
};
type Key = keyof typeof en;

const zh: Record<Key, string> = {
  title: '{{classId}} 回放',
  back: '返回课程列表',
  play: '播放',
  pause: '暂停',
  speed: '速度',
  timeline: '录制中的位置',
  copyLink: '复制此刻的链接',
  copied: '链接已复制',
  loading: '正在加载录制…',
  loadFailed: '无法加载录制：{{error}}',
  empty: '此录制没有可回放的内容。',
  broken: '录制在 {{time}} 处损坏（已读取 {{entries}} 条）：{{reason}}。之前的内容均可显示。',
  gapAway: '录制服务在 {{from}} 至 {{to}} 期间中断：这段时间的时间点为近似值。',
  gapPaused: '录制在 {{from}} 至 {{to}} 期间暂停。',
  'marker.page': '第 {{label}} 页',
  'marker.hand': '举手',
  'marker.chat': '聊天：{{label}}',
  'marker.poll': '投票：{{label}}',
  'marker.pollClosed': '投票结束：{{label}}',
  markerGroup: '{{first}}，另有 {{more}} 条，至 {{until}}',
  polls: '截至此刻的投票',
  'poll.open': '{{title}}：进行中，{{count}} 人已作答',
  'poll.closed': '{{title}}：已结束，{{count}} 人作答',
  'poll.openBare': '{{title}}：进行中',
  'poll.closedBare': '{{title}}：已结束',
  chat: '截至此刻的聊天',
  hands: '举手：{{count}}',
  replay: '回放',
  recording: '录制中',
  record: '录制',
  stopRecording: '停止录制',
  'stopped.limit': '录制已停止：达到本课程的大小上限。已录制的内容已保留。',
  'stopped.disk-full': '录制已停止：录制服务的磁盘已满。已录制的内容已保留。',
  'stopped.write-failed': '录制已停止：录制服务无法写入。已录制的内容已保留。',
  recordFailed: '无法更改录制：{{error}}',
};

export type ReplayTextKey = Key;

/** A replay string in the console's language, with `{{name}}` filled in (as plain text: React escapes it). */
export function replayText(key: Key, vars: Record<string, string | number> = {}): string {
  const table = i18next.language?.toLowerCase().startsWith('zh') ? zh : en;
  return table[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** `mm:ss`, or `h:mm:ss` from an hour. */
export function clockTime(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}
