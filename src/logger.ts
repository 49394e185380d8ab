import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

/** Paths that may carry secrets anywhere in a log record; pino replaces them. */
export const REDACTED_PATHS = [
  'password',
  'token',
  'secret',
  'authorization',
  '*.password',
  '*.token',
  '*.secret',
  '*.authorization',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'config.redisUrl',
  'config.databaseUrl',
];

export interface RootLoggerOptions {
  level?: string;
  /** Where records go; defaults to stderr so stdout stays clean for CLI output. */
  destination?: pino.DestinationStream;
}

/**
 * The one root logger. Components take `logger.child({ component })`, jobs add
 * `{ feedId, jobId, storyId }`, so every line can be traced to its source.
 */
export function createLogger(options: RootLoggerOptions = {}): Logger {
  const config: LoggerOptions = {
    level: options.level ?? process.env.WIREDESK_LOG_LEVEL ?? 'info',
    base: { app: 'wiredesk' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.errWithCause },
  };
  return pino(config, options.destination ?? pino.destination(2));
}
