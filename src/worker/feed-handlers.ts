import { MessageError } from '../messages/message-error';
import type { Handlers } from '../messages/router';
import type { HandlerDeps } from './handler-deps';

export type FeedHandlerNames =
  'sources.list' | 'sources.save' | 'sources.remove' | 'sources.test' | 'sources.checkNow' | 'sources.setInterval';

/** The worker's handlers for feed sources (issue 13). The contract first; the wiring follows. */
export function feedHandlers(_deps: HandlerDeps): Pick<Handlers, FeedHandlerNames> {
  const notYet = () => Promise.reject(new MessageError('internal', 'not yet'));
  return {
    'sources.list': notYet,
    'sources.save': notYet,
    'sources.remove': notYet,
    'sources.test': notYet,
    'sources.checkNow': notYet,
    'sources.setInterval': notYet,
  };
}
