import { isId } from '../../shared/protocol/ids';
import { parseTopic } from '../../shared/protocol/topics';
import type { ServiceDeclaration } from '../host/declaration';
import type { HelpDesk } from './help-desk';
import { idOf } from './intake';

type Handlers = Pick<ServiceDeclaration, 'subscriptions' | 'handlers' | 'cleared' | 'onDropped'>;

/**
 * What the dispatcher subscribes to and how each message reaches the help desk. Help comes from the topic's user
 * whatever it says inside; tags and summaries count only when they are about the class their topic names.
 */
export function helpHandlers(desk: HelpDesk, root: string): Handlers {
  return {
    subscriptions: ['help', 'commandAck', 'classTags', 'classSummary'],
    handlers: {
      help: ({ params, message }) => desk.help(params.classId, params.userId, message),
      commandAck: ({ params, message }) => desk.ack(params.classId, params.userId, message),
      classTags: ({ params, message }) => {
        if (message.classId === params.classId) desk.tags(message);
      },
      classSummary: ({ params, message }) => {
        if (message.id === params.classId) desk.summary(message);
      },
    },
    cleared: {
      classTags: ({ classId }) => desk.tagsCleared(classId),
      classSummary: ({ classId }) => desk.summaryCleared(classId),
    },
    // A broken help message still reaches the manual queue when it carries a usable id.
    onDropped: (dropped, payload) => {
      const parsed = parseTopic(dropped.topic, root);
      if (parsed?.kind !== 'help') return;
      const { classId, userId } = parsed.params as { classId: string; userId: string };
      const id = idOf(payload);
      if (isId(id)) desk.invalidHelp(classId, userId, id, dropped.detail);
    },
  };
}
