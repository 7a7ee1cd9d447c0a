import type { MessageErrorData } from './protocol';

/** A failure that crosses the message boundary as data, with a code and plain words for the editor. */
export class MessageError extends Error {
  constructor(
    readonly code: MessageErrorData['code'],
    message: string,
  ) {
    super(message);
    this.name = 'MessageError';
  }

  toData(): MessageErrorData {
    return { code: this.code, message: this.message.slice(0, 2000) };
  }
}

/** An error as a page keeps it: the worker's code when it sent one (pages decide on it), and the words to show. */
export interface PageError {
  code: MessageErrorData['code'] | undefined;
  message: string;
}

/** What a page caught, as a PageError: a MessageError keeps its code; anything else has none. */
export function pageError(error: unknown): PageError {
  if (error instanceof MessageError) return { code: error.code, message: error.message };
  return { code: undefined, message: error instanceof Error ? error.message : String(error) };
}
