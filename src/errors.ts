/**
 * Typed errors with stable codes. Callers branch on `code` (or the class), never on the message.
 * Each code says whether a retry can help: parse and validation failures are permanent, network
 * failures are transient, rate limits carry their own delay.
 */
export const ERROR_CODES = {
  /** Bad configuration or CLI usage; fixing the input is the only remedy. */
  WD_ERR_CONFIG: { retryable: false },
  WD_ERR_USAGE: { retryable: false },
  /** The document has no bytes, or only whitespace. */
  WD_ERR_EMPTY_DOCUMENT: { retryable: false },
  /** The document exceeds a configured size or depth limit. */
  WD_ERR_TOO_LARGE: { retryable: false },
  WD_ERR_TOO_DEEP: { retryable: false },
  /** The bytes are not text in any charset we can decode (binary junk). */
  WD_ERR_BINARY: { retryable: false },
  /** XML or JSON so broken that no story can be recovered from it. */
  WD_ERR_MALFORMED: { retryable: false },
  /** No registered parser recognises the document. */
  WD_ERR_UNKNOWN_FORMAT: { retryable: false },
  /** A parser was forced (`--format`) on a document of another kind, e.g. HTML served as a feed. */
  WD_ERR_FORMAT_MISMATCH: { retryable: false },
  /** The document parsed but holds no story (a feed with no items, a page with no article). */
  WD_ERR_NO_STORY: { retryable: false },
  /** Parser output failed the Story schema. */
  WD_ERR_VALIDATION: { retryable: false },
  /** Network-level failures: DNS, refused, reset, TLS. */
  WD_ERR_NETWORK: { retryable: true },
  WD_ERR_TIMEOUT: { retryable: true },
  /** An HTTP status that is not success; `retryable` depends on the status (see HttpStatusError). */
  WD_ERR_HTTP_STATUS: { retryable: true },
  WD_ERR_RATE_LIMITED: { retryable: true },
  WD_ERR_TOO_MANY_REDIRECTS: { retryable: false },
  /** A request to a loopback, private or link-local address that the source does not allow. */
  WD_ERR_SSRF_BLOCKED: { retryable: false },
  /** A sink could not take a write; sinks decide whether it is transient. */
  WD_ERR_SINK: { retryable: true },
  WD_ERR_SINK_REJECTED: { retryable: false },
  /** Redis or another required service is missing. */
  WD_ERR_SERVICE_UNAVAILABLE: { retryable: true },
} as const satisfies Record<string, { retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface WiredeskErrorOptions {
  cause?: unknown;
  /** Overrides the code's default retry semantics (e.g. HTTP 404 is permanent, 503 is not). */
  retryable?: boolean;
  /** Structured context for logs: never secrets. */
  details?: Record<string, unknown>;
}

export class WiredeskError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: WiredeskErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? ERROR_CODES[code].retryable;
    this.details = options.details ?? {};
  }

  /** A JSON-safe summary for CLI output, job failure reasons and sink dead letters. */
  toJSON(): { code: ErrorCode; message: string; details?: Record<string, unknown> } {
    return Object.keys(this.details).length > 0
      ? { code: this.code, message: this.message, details: this.details }
      : { code: this.code, message: this.message };
  }
}

/** The document cannot be turned into stories: a retry would fail the same way. */
export class ParseError extends WiredeskError {}

/** Parser output, a job payload or API input failed its zod schema. */
export class ValidationError extends WiredeskError {
  constructor(message: string, options: WiredeskErrorOptions = {}) {
    super('WD_ERR_VALIDATION', message, options);
  }
}

export class ConfigError extends WiredeskError {
  constructor(message: string, options: WiredeskErrorOptions = {}) {
    super('WD_ERR_CONFIG', message, options);
  }
}

export class UsageError extends WiredeskError {
  constructor(message: string, options: WiredeskErrorOptions = {}) {
    super('WD_ERR_USAGE', message, options);
  }
}

/** Wraps anything thrown into a WiredeskError, keeping the original as `cause`. */
export function toWiredeskError(error: unknown, fallback: ErrorCode = 'WD_ERR_MALFORMED'): WiredeskError {
  if (error instanceof WiredeskError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new WiredeskError(fallback, message, { cause: error });
}
