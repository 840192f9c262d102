import type { ErrorCode } from "@/lib/errors";

/**
 * Database refusals that are the request's fault, not the server's: a reference to a row that is
 * gone (a race with a delete), a value too long or out of range for its column, text the
 * encoding cannot hold. The domain checks these first with field messages; this is the last line,
 * so a race or a missed check answers 409/422 and never 500.
 *
 * Prisma codes: P2003 foreign key, P2000 value too long, P2020 value out of range. PostgreSQL
 * SQLSTATEs (raw queries, driver adapter): 23503 foreign key, 22001 string too long, 22003
 * numeric out of range, 22021 bad byte sequence, 22P05 untranslatable character, 22008 datetime
 * out of range.
 */
const MAPPED: Record<string, ErrorCode> = {
  P2003: "conflict",
  "23503": "conflict",
  P2000: "validation_failed",
  P2020: "validation_failed",
  "22001": "validation_failed",
  "22003": "validation_failed",
  "22008": "validation_failed",
  "22021": "validation_failed",
  "22P05": "validation_failed",
};

/** The app error code for a database refusal caused by the input, or null for anything else. */
export function inputErrorFromDatabase(error: unknown, depth = 0): ErrorCode | null {
  if (!error || typeof error !== "object" || depth > 5) return null;
  const e = error as {
    code?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { code?: unknown; driverAdapterError?: unknown };
  };
  for (const code of [e.code, e.originalCode, e.meta?.code]) {
    if (typeof code === "string" && code in MAPPED) return MAPPED[code]!;
  }
  return (
    inputErrorFromDatabase(e.cause, depth + 1) ??
    inputErrorFromDatabase(e.meta?.driverAdapterError, depth + 1)
  );
}
