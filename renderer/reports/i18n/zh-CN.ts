import type { reportsEn } from './en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const reportsZhCN: Strings<typeof reportsEn> = {
  title: '课堂报告',
  reportButton: '报告',
  tabs: { label: 'IT 视图', releases: '版本发布', reports: '课堂报告' },
  reportOf: '报告：{{title}}',
  back: '返回课程列表',
  backToList: '全部报告',
  loading: '正在加载…',
  none: '还没有课堂报告。报告从课堂的第一个事件开始记录，课后仍会保留。',
  noReport: '这节课没有报告：课上没有发生报告统计的事件。',
  failed: '无法加载报告：{{error}}',
  refresh: '刷新',
  open: '查看报告',
  exportCsv: '导出 CSV',
  keptUntil: '保留至 {{date}}',
  stillLive: '课堂仍在进行：以下为目前的统计。',
  state: { scheduled: '未开始', live: '进行中', ended: '已结束', unknown: '未知' },
  list: { class: '课堂', teacher: '老师', state: '状态', started: '开始', ended: '结束', people: '人数', kept: '保留至', actions: '操作' },
  totals: {
    participants: '人数',
    students: '学生',
    hands: '举手次数',
    chat: '聊天消息',
    boardOps: '白板操作',
    pollAnswers: '投票作答',
    problems: '连接问题',
    help: '求助',
  },
  section: { people: '出勤与互动', polls: '投票与测验', problems: '连接问题', help: '求助' },
  people: {
    name: '姓名', role: '角色', joined: '进入', left: '离开', minutes: '在线分钟', joins: '进入次数', hands: '举手', chat: '聊天',
    board: '白板操作', polls: '投票作答', quiz: '测验', stillHere: '仍在课堂',
  },
  role: { teacher: '老师', student: '学生', supervisor: '督导' },
  polls: {
    title: '投票', kind: '类型', respondents: '作答人数', accuracy: '正确率', questions: '题目', anonymous: '匿名', quiz: '测验', poll: '投票',
    none: '本节课没有投票。', open: '仍在进行',
  },
  problems: { tag: '问题', who: '对象', from: '开始', lasted: '持续', holding: '仍未恢复', none: '没有标记到连接问题。', whole: '整个课堂' },
  help: { from: '求助人', topic: '类别', status: '结果', reason: '原因', remedies: '处理措施', created: '求助时间', none: '没有求助。' },
  helpStatus: {
    received: '已收到', manual: '等待人工处理', 'remedy-pending': '已发送处理措施', escalated: '已升级', claimed: '督导处理中',
    'auto-resolved': '已自动解决', resolved: '督导已解决',
  },
  seconds: '{{count}} 秒',
  minutes: '{{count}} 分钟',
};
