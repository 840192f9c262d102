import "server-only";
import { z } from "zod";

/** Empty values (`SMTP_URL=` in a .env file) count as unset. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const port = z.coerce.number().int().min(0).max(65_535);

const ServerEnv = z.object({
  /** PostgreSQL connection string; unset means `npm start` runs the embedded PostgreSQL. */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  DATABASE_POOL_MAX: optional(z.coerce.number().int().min(1).max(1_000)),
  /** How long a request waits for a pooled connection (or to start a transaction) before 503. */
  DATABASE_POOL_WAIT_MS: optional(z.coerce.number().int().min(1)),
  /** A request's statement running longer than this is cancelled (503); 0 turns it off. */
  DATABASE_STATEMENT_TIMEOUT_MS: optional(z.coerce.number().int().min(0)),
  /** The same for the job worker (imports, bulletins); 0 (the default) means no limit. */
  DATABASE_JOB_STATEMENT_TIMEOUT_MS: optional(z.coerce.number().int().min(0)),
  /** A transaction left idle this long (a stuck request holding locks) is ended by PostgreSQL. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: optional(z.coerce.number().int().min(0)),
  /** A read replica for the dashboard and bulletins; unset means the primary serves them. */
  DATABASE_REPLICA_URL: optional(z.url({ protocol: /^postgres(ql)?$/ })),
  EMBEDDED_PG_PORT: optional(port),
  /** How often each worker checks the job schedules (pg-boss' cron monitor), 1-45 s. */
  WORKER_CRON_CHECK_SECONDS: optional(z.coerce.number().int().min(1).max(45)),
  /** Where evidence files are stored (never under public/). */
  EVIDENCE_DIR: optional(z.string()),
  /** Where rendered bulletins (PDF, Excel) and their job status are kept (never under public/). */
  BULLETIN_DIR: optional(z.string()),
  /** Above this many table rows a bulletin renders in a background job (202 + job id). */
  BULLETIN_SYNC_MAX_ROWS: optional(z.coerce.number().int().min(0)),
  /** e.g. smtp://user:pass@mail.internal:25; without it e-mails wait in the outbox. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
  MAIL_FROM: optional(z.string()),
  /** "on": pages and exported files carry a faint watermark with the viewer's name and the time. */
  WATERMARK: optional(z.enum(["on", "off"])),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For (usually 1). Unset or
   * 0: the header is not trusted and the client address is the socket's, as Next reports it.
   */
  TRUST_PROXY: optional(z.coerce.number().int().min(0).max(10)),
});

export type ServerEnv = {
  DATABASE_URL: string | undefined;
  DATABASE_POOL_MAX: number;
  DATABASE_POOL_WAIT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_JOB_STATEMENT_TIMEOUT_MS: number;
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: number;
  DATABASE_REPLICA_URL: string | undefined;
  EMBEDDED_PG_PORT: number;
  WORKER_CRON_CHECK_SECONDS: number;
  EVIDENCE_DIR: string | undefined;
  BULLETIN_DIR: string | undefined;
  BULLETIN_SYNC_MAX_ROWS: number;
  SMTP_URL: string | undefined;
  MAIL_FROM: string;
  WATERMARK: boolean;
  TRUST_PROXY: number;
};

let cached: ServerEnv | undefined;

/**
 * The server's settings, validated once on first use: lazily, because `next build` imports
 * modules without them, and scripts set DATABASE_URL before calling lib code. Every environment
 * read in lib/ goes through here.
 */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = ServerEnv.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment settings:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  cached = {
    DATABASE_URL: env.DATABASE_URL,
    DATABASE_POOL_MAX: env.DATABASE_POOL_MAX ?? 10,
    DATABASE_POOL_WAIT_MS: env.DATABASE_POOL_WAIT_MS ?? 10_000,
    DATABASE_STATEMENT_TIMEOUT_MS: env.DATABASE_STATEMENT_TIMEOUT_MS ?? 10_000,
    DATABASE_JOB_STATEMENT_TIMEOUT_MS: env.DATABASE_JOB_STATEMENT_TIMEOUT_MS ?? 0,
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS ?? 60_000,
    DATABASE_REPLICA_URL: env.DATABASE_REPLICA_URL,
    EMBEDDED_PG_PORT: env.EMBEDDED_PG_PORT ?? 54329,
    WORKER_CRON_CHECK_SECONDS: env.WORKER_CRON_CHECK_SECONDS ?? 30,
    EVIDENCE_DIR: env.EVIDENCE_DIR,
    BULLETIN_DIR: env.BULLETIN_DIR,
    BULLETIN_SYNC_MAX_ROWS: env.BULLETIN_SYNC_MAX_ROWS ?? 2_000,
    SMTP_URL: env.SMTP_URL,
    MAIL_FROM: env.MAIL_FROM ?? "reform-ledger@localhost",
    WATERMARK: env.WATERMARK === "on",
    TRUST_PROXY: env.TRUST_PROXY ?? 0,
  };
  return cached;
}

/** The database URL, or a clear error when the process was started without one. */
export function databaseUrl(): string {
  const url = serverEnv().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set: start the app with `npm start` (see README).");
  return url;
}
