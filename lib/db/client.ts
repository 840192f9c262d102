import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { databaseUrl, serverEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { serialisingTransactions } from "./serial-transactions";

export type Db = PrismaClient;
/** A client or an interactive transaction: use cases accept either so they compose in one transaction. */
export type DbTx = Omit<
  PrismaClient,
  "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends"
>;

const globalForDb = globalThis as unknown as {
  reformDb?: PrismaClient;
  reformReadDb?: PrismaClient;
};

/**
 * How long opening a new connection to PostgreSQL may take before the request is answered 503
 * "unavailable". pg's default is to wait forever, which turns a hung database into hanging
 * requests; 1.5 s keeps the answer within 2 s. (A stopped database refuses at once.)
 */
export const CONNECT_TIMEOUT_MS = 1_500;

/**
 * Who this process serves: "requests" (the web server: statements are cut after
 * DATABASE_STATEMENT_TIMEOUT_MS, 10 s by default, so a client that gave up does not leave its
 * query running) or "jobs" (the worker: imports and bulletins take as long as they take, under
 * DATABASE_JOB_STATEMENT_TIMEOUT_MS, no limit by default). Set before the first getDb().
 */
let role: "requests" | "jobs" = "requests";
export function setJobTimeouts() {
  role = "jobs";
}

/**
 * The session settings every pooled connection starts with (pg sends them in the startup
 * packet, so they cost no round trip). idle_in_transaction_session_timeout ends a transaction a
 * stuck caller left open, with its locks, instead of letting it block writers for good.
 */
function sessionTimeouts() {
  const env = serverEnv();
  return {
    statement_timeout:
      role === "jobs" ? env.DATABASE_JOB_STATEMENT_TIMEOUT_MS : env.DATABASE_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  };
}

/** pg's pool uses one timeout for both waits; its clients get the short one for connecting. */
class QuickConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

function createClient(connectionString: string): PrismaClient {
  const env = serverEnv();
  const adapter = new PrismaPg({
    connectionString,
    max: env.DATABASE_POOL_MAX,
    // How long a request waits for a pooled connection when all are busy (10 s by default).
    // Longer than the connect timeout on purpose: a burst of writers is served a moment later,
    // not refused, and only a pool stuck for seconds answers 503.
    connectionTimeoutMillis: env.DATABASE_POOL_WAIT_MS,
    Client: QuickConnectClient,
    idleTimeoutMillis: 30_000,
    // A database host that vanished without closing its sockets is noticed by TCP keepalive
    // instead of after the kernel's retransmission timeout.
    keepAlive: true,
    ...sessionTimeouts(),
  });
  return new PrismaClient({
    adapter: serialisingTransactions(adapter),
    // A transaction waits for a pooled connection as long as a plain query does (Prisma's
    // default of 2 s fails writes under a burst of concurrent clients that the pool would
    // serve a moment later); a transaction holding its connection longer than 15 s is a bug.
    transactionOptions: { maxWait: env.DATABASE_POOL_WAIT_MS, timeout: 15_000 },
  });
}

/**
 * The Prisma client, created on first use: `next build` imports route modules without a
 * database, so nothing may connect at import time.
 */
export function getDb(): PrismaClient {
  globalForDb.reformDb ??= createClient(databaseUrl());
  return globalForDb.reformDb;
}

/**
 * The client for reads that may trail the latest writes by the replication lag: the dashboard
 * and bulletins. The read replica at DATABASE_REPLICA_URL when set (its own pool of
 * DATABASE_POOL_MAX), else the primary. The ledger, reviews and every write use getDb().
 */
export function getReadDb(): PrismaClient {
  const replica = serverEnv().DATABASE_REPLICA_URL;
  if (!replica) return getDb();
  globalForDb.reformReadDb ??= createClient(replica);
  return globalForDb.reformReadDb;
}

/**
 * Lifts the statement timeout for the rest of one transaction (SET LOCAL): for work a user
 * waits for on purpose, such as applying an import, which must not be cut half way.
 */
export async function allowLongStatements(tx: DbTx) {
  await tx.$executeRaw`SELECT set_config('statement_timeout', '0', true)`;
}

/** Is the database reachable? One `SELECT 1`, given up after `timeoutMs` (for /api/health/ready). */
export async function pingDatabase(timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      getDb().$queryRaw`SELECT 1`.then(() => true).catch(() => false),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// Prisma's codes for an unreachable server, a timed-out connection or pool, a closed connection,
// too many connections; PostgreSQL's class 08 (connection exception), 57P01-57P03 (shutting down,
// crashed, starting up), 57014 (statement cancelled: the statement timeout) and 53300 (too many
// connections); the socket errors of node and pg-pool; Prisma's P2028 when a transaction could
// not get a connection in time (the pool is exhausted) or outlived its timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const SQLSTATES = /^(08...|57P0[123]|57014|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);
const MESSAGES =
  /timeout exceeded when trying to connect|^timeout expired$|Connection terminated|connection error and is not queryable|Can't reach database server|server closed the connection|the database system is (starting up|shutting down)|terminating connection due to administrator command|canceling statement due to statement timeout|Unable to start a transaction in the given time|expired transaction/i;

/**
 * Is this error the database being unreachable (as opposed to a bug or a bad query)? Looks
 * through Prisma's wrappers, the driver adapter's error and their causes.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (typeof e.code === "string") {
    if (PRISMA_CODES.has(e.code) || SOCKET_CODES.has(e.code) || SQLSTATES.test(e.code)) return true;
  }
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return (
    isDatabaseUnavailable(e.cause, depth + 1) ||
    isDatabaseUnavailable(e.meta?.driverAdapterError, depth + 1)
  );
}
