import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
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
 * The Prisma client, created on first use: `next build` imports route modules without a
 * database, so nothing may connect at import time.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.reformDb) {
    const adapter = new PrismaPg({
      connectionString: databaseUrl(),
      // Prisma 7's pool waits forever for a connection by default; fail fast instead.
      max: serverEnv().DATABASE_POOL_MAX,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 30_000,
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
