import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** The request being served, for every log line written while serving it (set by the request middleware). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * JSON logs. Every line written while a request is served carries its `requestId` (also the X-Request-Id
 * response header), whichever logger wrote it. Secrets never reach a log line: request logs carry the path without its query string, and
 * these fields are redacted wherever they appear.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      mixin: () => {
        const scope = requestScope.getStore();
        return scope ? { requestId: scope.requestId } : {};
      },
      redact: {
        paths: [
          'password',
          'token',
          'pin',
          'cardNumber',
          'card_number',
          '*.password',
          '*.token',
          '*.pin',
          '*.cardNumber',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
