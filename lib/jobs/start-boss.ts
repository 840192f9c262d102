import "server-only";
import pg from "pg";
import type PgBoss from "pg-boss";
import { CONNECT_TIMEOUT_MS } from "@/lib/db/client";

/** Any constant shared by every process on the database; "pgboss" in ASCII. */
const START_LOCK = 0x7067626f7373;

/**
 * Starts a pg-boss instance, then runs `setup` (queues, schedules), one process at a time.
 * pg-boss installs its schema when it finds none, without guarding against a second process
 * doing the same at that moment: two workers (or a worker and a web server sending its first
 * job) starting together on a fresh database made one fail with "relation already exists".
 * A session advisory lock on a connection of its own serialises the start-ups; it is released
 * when the connection ends, so a process killed half way leaves nothing held.
 */
export async function startBoss(
  boss: PgBoss,
  connectionString: string,
  setup: () => Promise<void> = async () => {},
): Promise<void> {
  const lock = new pg.Client({ connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [START_LOCK]);
    try {
      await boss.start();
      await setup();
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      throw error;
    }
  } finally {
    await lock.end().catch(() => {});
  }
}
