import "server-only";
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import { startBoss } from "./start-boss";

let sender: Promise<PgBoss> | undefined;

/**
 * Puts a job on the PostgreSQL-backed queue from the web server. A send-only pg-boss client: no
 * maintenance, no schedules (the worker process owns those); created on first use.
 */
export async function sendJob(name: string, data: object): Promise<string | null> {
  sender ??= (async () => {
    const boss = new PgBoss({
      connectionString: databaseUrl(),
      schema: "pgboss",
      max: 2,
      supervise: false,
      schedule: false,
    });
    boss.on("error", (error) => console.error("[queue]", error));
    await startBoss(boss, databaseUrl());
    return boss;
  })();
  const boss = await sender.catch((error: unknown) => {
    sender = undefined;
    throw error;
  });
  await boss.createQueue(name);
  return boss.send(name, data);
}
