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
