/**
 * Domain errors with stable codes. Route handlers and server actions turn them into responses
 * (lib/api/endpoint.ts); `messageKey` points into messages/*.json under "errors".
 */
export const ERROR_CODES = [
  "bad_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "unsupported_media_type",
  "validation_failed",
  "rate_limited",
  "internal",
  "unavailable",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  // The database (or another dependency) cannot be reached: retry later, nothing was changed.
  unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Field path -> message key (under "validation") or already-translated message. */
    readonly fields?: Record<string, string>,
    /** Extra data for the client, e.g. the current version of a record on a conflict. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message ?? code);
    this.status = STATUS[code];
  }
}

export const notFound = () => new AppError("not_found");
export const forbidden = () => new AppError("forbidden");
