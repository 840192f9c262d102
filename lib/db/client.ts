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

const globalForDb = globalThis as unknown as { reformDb?: PrismaClient };

/**
 * How long opening a new connection to PostgreSQL may take before the request is answered 503
 * "unavailable". pg's default is to wait forever, which turns a hung database into hanging
 * requests; 1.5 s keeps the answer within 2 s. (A stopped database refuses at once.)
 */
export const CONNECT_TIMEOUT_MS = 1_500;

/**
 * How long a request waits for a pooled connection when all of them are busy. Longer than the
 * connect timeout on purpose: a burst of writers is served a moment later, not refused, and only
 * a pool stuck for seconds answers 503.
 */
export const POOL_WAIT_MS = 10_000;

/** pg's pool uses one timeout for both waits; its clients get the short one for connecting. */
class QuickConnectClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * The Prisma client, created on first use: `next build` imports route modules without a
 * database, so nothing may connect at import time.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.reformDb) {
    const adapter = new PrismaPg({
      connectionString: databaseUrl(),
      max: serverEnv().DATABASE_POOL_MAX,
      connectionTimeoutMillis: POOL_WAIT_MS,
      Client: QuickConnectClient,
      idleTimeoutMillis: 30_000,
      // A database host that vanished without closing its sockets is noticed by TCP keepalive
      // instead of after the kernel's retransmission timeout.
      keepAlive: true,
    });
    globalForDb.reformDb = new PrismaClient({
      adapter: serialisingTransactions(adapter),
      // A transaction waits for a pooled connection as long as a plain query does (Prisma's
      // default of 2 s fails writes under a burst of concurrent clients that the pool would
      // serve a moment later); a transaction holding its connection longer than 15 s is a bug.
      transactionOptions: { maxWait: 10_000, timeout: 15_000 },
    });
  }
  return globalForDb.reformDb;
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
// crashed, starting up) and 53300 (too many connections); the socket errors of node and pg-pool.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2037"]);
const ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
const SQLSTATES = /^(08...|57P0[123]|53300)$/;
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE"]);
const MESSAGES =
  /timeout exceeded when trying to connect|^timeout expired$|Connection terminated|connection error and is not queryable|Can't reach database server|server closed the connection|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

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
