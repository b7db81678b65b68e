import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * JSON logs. Secrets never reach a log line: request logs carry the path without its query string, and
 * these fields are redacted wherever they appear.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
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
