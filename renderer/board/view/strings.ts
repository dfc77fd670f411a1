import i18next from 'i18next';

/** The board's own UI strings (English and Chinese), kept beside the board so the board stays one lazy chunk. */
const en = {
  select: 'Select', pen: 'Pen', highlighter: 'Highlighter', line: 'Line', arrow: 'Arrow', rect: 'Rectangle',
  ellipse: 'Ellipse', text: 'Text', eraser: 'Eraser', laser: 'Laser', pan: 'Pan', undo: 'Undo', redo: 'Redo',
  clear: 'Clear page', zoomIn: 'Zoom in', zoomOut: 'Zoom out', delete: 'Delete',
  colour: 'Colour', width: 'Stroke width', textPlaceholder: 'Text to place',
  fitPage: 'Fit page', fitWidth: 'Fit width', tools: 'Drawing tools', viewTools: 'View',
  'swatch.black': 'Black', 'swatch.grey': 'Grey', 'swatch.red': 'Red', 'swatch.orange': 'Orange', 'swatch.yellow': 'Yellow',
  'swatch.green': 'Green', 'swatch.blue': 'Blue', 'swatch.purple': 'Purple', 'swatch.white': 'White',
  'block.observer': 'You are observing: drawing is off until you take over.',
  'block.no-grant': 'The teacher has not given you drawing rights.',
  'block.removed': 'You were removed from this class.',
  'block.no-page': 'Waiting for the courseware…',
  unsent: '{{count}} change(s) not yet sent',
  resyncing: 'Syncing the board…',
  resyncFailed: 'Board sync failed; retrying…',
  rejected: '{{count}} invalid board message(s) ignored',
  loading: 'Loading courseware… {{percent}}%',
  pageError: 'This courseware page could not be shown: {{error}}',
};
type Key = keyof typeof en;

const zh: Record<Key, string> = {
  select: '选择', pen: '画笔', highlighter: '荧光笔', line: '直线', arrow: '箭头', rect: '矩形', ellipse: '椭圆',
  text: '文字', eraser: '橡皮擦', laser: '激光笔', pan: '平移', undo: '撤销', redo: '重做', clear: '清空本页',
  zoomIn: '放大', zoomOut: '缩小', delete: '删除', colour: '颜色', width: '线宽',
  textPlaceholder: '要放置的文字',
  fitPage: '整页显示', fitWidth: '适合宽度', tools: '绘图工具', viewTools: '视图',
  'swatch.black': '黑色', 'swatch.grey': '灰色', 'swatch.red': '红色', 'swatch.orange': '橙色', 'swatch.yellow': '黄色',
  'swatch.green': '绿色', 'swatch.blue': '蓝色', 'swatch.purple': '紫色', 'swatch.white': '白色',
  'block.observer': '你正在旁听：接管之前不能绘制。',
  'block.no-grant': '老师尚未授予你绘制权限。',
  'block.removed': '你已被移出本课堂。',
  'block.no-page': '正在等待课件…',
  unsent: '{{count}} 处修改尚未发送',
  resyncing: '正在同步白板…',
  resyncFailed: '白板同步失败，正在重试…',
  rejected: '已忽略 {{count}} 条无效白板消息',
  loading: '正在加载课件… {{percent}}%',
  pageError: '此页课件无法显示：{{error}}',
};

export function text(key: Key, values: Record<string, string | number> = {}): string {
  const language = i18next.language ?? globalThis.navigator?.language ?? 'en';
  const template = language.toLowerCase().startsWith('zh') ? zh[key] : en[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
