/**
 * Which database a command runs against: DATABASE_URL when set, otherwise the embedded demo
 * PostgreSQL in .data/postgres. An unreachable server ends the process with one clear line.
 */
import "server-only";
import path from "node:path";
import pg from "pg";
import { serverEnv } from "../env";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export const EMBEDDED_DATA_DIR = path.join(process.cwd(), ".data", "postgres");

export class DatabaseUnreachableError extends Error {}

export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new DatabaseUnreachableError(`Cannot reach the database at ${safeUrl}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function resolveDatabase(): Promise<EmbeddedDatabase & { embedded: boolean }> {
  const configured = serverEnv().DATABASE_URL;
  if (configured) {
    try {
      await checkReachable(configured);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    }
    return { url: configured, port: 0, stop: async () => {}, embedded: false };
  }
  const db = await startEmbeddedPostgres({
    dataDir: EMBEDDED_DATA_DIR,
    port: serverEnv().EMBEDDED_PG_PORT,
  });
  return { ...db, embedded: true };
}
