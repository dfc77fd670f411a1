import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

/** English strings of breakout groups: the teacher's panel, the group bar and the student's choice. Namespace `breakouts`. */
export const breakoutsEn = {
  open: 'Breakout groups',
  panelTitle: 'Breakout groups',
  close: 'Close',
  setup: {
    groups: 'Groups',
    minutes: 'Minutes',
    mode: 'How to form them',
    modes: { random: 'At random', manual: 'By hand', choose: 'Students choose', last: 'Same as last time' },
    nobody: 'No students are in class yet.',
    groupOf: 'Group of {{name}}',
    unplaced: 'Not in a group',
    start: 'Start groups',
  },
  running: 'Round {{round}} · {{left}} left',
  ended: 'Round {{round}} ended',
  timer: { less: '−1 min', more: '+1 min', muchMore: '+5 min' },
  broadcast: { label: 'Message to every group', placeholder: 'e.g. Two minutes left', send: 'Send to all' },
  bringBack: 'Bring everyone back',
  group: 'Group {{n}}',
  members_zero: 'nobody yet',
  members_one: '{{count}} student',
  members_other: '{{count}} students',
  visit: 'Visit',
  view: 'View board',
  noBoard: 'Nothing drawn yet',
  thumbnailOf: 'Board of {{name}}',
  inGroup: 'Breakout: {{name}}',
  backToClass: 'Back to main room',
  from: 'From the teacher:',
  choose: { title: 'Choose your breakout group', join: 'Join {{name}}' },
  unplacedCount_one: '{{count}} student has not chosen yet',
  unplacedCount_other: '{{count}} students have not chosen yet',
  errors: {
    forbidden: "Only the class's teachers run breakout groups.",
    'already-running': 'A round is already running: bring everyone back first.',
    'not-running': 'No round is running.',
    'not-in-class': 'That student is not in this class any more.',
    'no-such-group': 'That group is not in this round.',
    'not-choosing': 'The teacher places students in this round.',
    'no-last-round': 'There is no earlier round to repeat.',
    'bad-assignment': 'Each student can be in one group only.',
    timeout: 'The breakout service did not answer. Try again.',
    disconnected: 'Not connected. Try again once the connection is back.',
    other: 'That did not work ({{code}}).',
  },
};

export const breakoutsZhCN: typeof breakoutsEn = {
  open: '分组讨论',
  panelTitle: '分组讨论',
  close: '关闭',
  setup: {
    groups: '组数',
    minutes: '分钟',
    mode: '分组方式',
    modes: { random: '随机分组', manual: '手动分组', choose: '学生自选', last: '沿用上次分组' },
    nobody: '还没有学生进入课堂。',
    groupOf: '{{name}} 的组',
    unplaced: '未分组',
    start: '开始分组',
  },
  running: '第 {{round}} 轮 · 剩余 {{left}}',
  ended: '第 {{round}} 轮已结束',
  timer: { less: '−1 分钟', more: '+1 分钟', muchMore: '+5 分钟' },
  broadcast: { label: '发给所有小组的消息', placeholder: '例如：还剩两分钟', send: '发送给全部' },
  bringBack: '全部召回',
  group: '第 {{n}} 组',
  members_zero: '暂无成员',
  members_one: '{{count}} 名学生',
  members_other: '{{count}} 名学生',
  visit: '进入',
  view: '查看白板',
  noBoard: '尚无内容',
  thumbnailOf: '{{name}} 的白板',
  inGroup: '分组：{{name}}',
  backToClass: '返回主课堂',
  from: '老师消息：',
  choose: { title: '选择你的小组', join: '加入{{name}}' },
  unplacedCount_one: '{{count}} 名学生尚未选择',
  unplacedCount_other: '{{count}} 名学生尚未选择',
  errors: {
    forbidden: '只有本课堂的老师可以进行分组。',
    'already-running': '已有一轮分组正在进行，请先召回。',
    'not-running': '当前没有进行中的分组。',
    'not-in-class': '该学生已不在本课堂。',
    'no-such-group': '本轮没有这个小组。',
    'not-choosing': '本轮由老师分配小组。',
    'no-last-round': '没有可以沿用的上一轮分组。',
    'bad-assignment': '每名学生只能在一个小组中。',
    timeout: '分组服务没有响应，请重试。',
    disconnected: '未连接，请在连接恢复后重试。',
    other: '操作失败（{{code}}）。',
  },
};

/** Adds the breakout strings to i18next once (after it was initialised), as the `breakouts` namespace. */
export function ensureBreakoutStrings(): void {
  if (i18next.hasResourceBundle('en', 'breakouts')) return;
  i18next.addResourceBundle('en', 'breakouts', breakoutsEn);
  i18next.addResourceBundle('zh-CN', 'breakouts', breakoutsZhCN);
}

export function useBreakoutsTranslation() {
  ensureBreakoutStrings();
  return useTranslation('breakouts');
}
