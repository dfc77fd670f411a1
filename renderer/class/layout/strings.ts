import i18next from 'i18next';
import { useTranslation } from 'react-i18next';

/** English strings of the class screen's layout: folding panels, the keyboard shortcuts help. Namespace `layout`. */
export const layoutEn = {
  panel: {
    course: 'Pages',
    side: 'Video, roster and chat',
    video: 'Video',
    roster: 'Roster',
    chat: 'Chat',
  },
  fold: 'Fold {{panel}}',
  unfold: 'Show {{panel}}',
  pageOf: 'Page {{n}} of {{count}}',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  shortcuts: {
    open: 'Keyboard shortcuts',
    title: 'Keyboard shortcuts',
    intro: 'They work while no text field has the focus.',
    close: 'Close',
    teacherOnly: 'teacher',
    or: 'or',
    group: { board: 'Board', tools: 'Tools', view: 'View', class: 'Class' },
    action: {
      undo: 'Undo',
      redo: 'Redo',
      delete: 'Delete the selected shape',
      select: 'Select',
      pen: 'Pen',
      highlighter: 'Highlighter',
      line: 'Line',
      arrow: 'Arrow',
      rect: 'Rectangle',
      ellipse: 'Ellipse',
      text: 'Text',
      eraser: 'Eraser',
      laser: 'Laser',
      pan: 'Pan',
      fitPage: 'Fit the page',
      fitWidth: 'Fit the page width',
      zoomIn: 'Zoom in',
      zoomOut: 'Zoom out',
      nextPage: 'Next page',
      previousPage: 'Previous page',
      help: 'Show this list',
    },
  },
};

export const layoutZhCN: typeof layoutEn = {
  panel: {
    course: '课件页',
    side: '视频、名单和聊天',
    video: '视频',
    roster: '名单',
    chat: '聊天',
  },
  fold: '收起{{panel}}',
  unfold: '展开{{panel}}',
  pageOf: '第 {{n}} 页，共 {{count}} 页',
  previousPage: '上一页',
  nextPage: '下一页',
  shortcuts: {
    open: '键盘快捷键',
    title: '键盘快捷键',
    intro: '在没有文本框获得焦点时可用。',
    close: '关闭',
    teacherOnly: '老师',
    or: '或',
    group: { board: '白板', tools: '工具', view: '视图', class: '课堂' },
    action: {
      undo: '撤销',
      redo: '重做',
      delete: '删除选中的图形',
      select: '选择',
      pen: '画笔',
      highlighter: '荧光笔',
      line: '直线',
      arrow: '箭头',
      rect: '矩形',
      ellipse: '椭圆',
      text: '文字',
      eraser: '橡皮擦',
      laser: '激光笔',
      pan: '平移',
      fitPage: '整页显示',
      fitWidth: '适合宽度',
      zoomIn: '放大',
      zoomOut: '缩小',
      nextPage: '下一页',
      previousPage: '上一页',
      help: '显示此列表',
    },
  },
};

/** Adds the layout strings to i18next once (after it was initialised), as the `layout` namespace. */
export function ensureLayoutStrings(): void {
  if (i18next.hasResourceBundle('en', 'layout')) return;
  i18next.addResourceBundle('en', 'layout', layoutEn);
  i18next.addResourceBundle('zh-CN', 'layout', layoutZhCN);
}

export function useLayoutTranslation() {
  ensureLayoutStrings();
  return useTranslation('layout');
}
