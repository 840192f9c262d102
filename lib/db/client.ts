import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseUrl, serverEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

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
    globalForDb.reformDb = new PrismaClient({ adapter });
  }
  return globalForDb.reformDb;
}
