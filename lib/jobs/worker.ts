import "server-only";
import PgBoss from "pg-boss";
import { isDatabaseUnavailable } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";
import { BULLETIN_QUEUE, runBulletinJob } from "@/lib/bulletins/jobs";
import { IMPORT_QUEUE, runImportJob } from "@/lib/imports/jobs";
import { sweepOrphanEvidence } from "@/lib/ledger/sweep-orphan-evidence";
import { escalateOverdueNotices } from "@/lib/notices/respond";
import { sendOutbox } from "@/lib/notifications/outbox";
import { runRoundClock } from "@/lib/rounds/jobs";
import { TIME_ZONE } from "@/lib/time";
import { startBoss } from "./start-boss";

/**
 * Background work on a PostgreSQL-backed queue (pg-boss), in its own process (scripts/worker.ts),
 * never on timers inside the web server. Each job only calls a use case with the current time,
 * so tests drive the same use cases with a moved clock and need no sleeping.
 */
export const JOBS: Record<string, { cron: string; run: (now: Date) => Promise<unknown> }> = {
  "rounds.clock": { cron: "* * * * *", run: (now) => runRoundClock(now) },
  "notices.escalate": { cron: "*/5 * * * *", run: (now) => escalateOverdueNotices(now) },
  "outbox.send": { cron: "* * * * *", run: () => sendOutbox() },
  "evidence.sweepOrphans": { cron: "17 * * * *", run: (now) => sweepOrphanEvidence(now) },
};

export async function startWorker(
  connectionString: string,
  log: (line: string) => void = console.log,
) {
  // Any number of workers may run on one database: each checks the schedules, and pg-boss lets
  // one check at a time send a schedule's job, at most once per minute (a singleton per slot).
  const boss = new PgBoss({
    connectionString,
    schema: "pgboss",
    max: 4,
    cronMonitorIntervalSeconds: serverEnv().WORKER_CRON_CHECK_SECONDS,
  });
  boss.on("error", (error) =>
    log(`[worker] ${error instanceof Error ? error.message : String(error)}`),
  );
  // Queues and schedules are created under the start-up lock too (two workers creating one
  // queue at once collide the same way).
  await startBoss(boss, connectionString, async () => {
    for (const name of [...Object.keys(JOBS), ...Object.keys(ON_DEMAND)]) {
      await boss.createQueue(name);
    }
    for (const [name, job] of Object.entries(JOBS)) {
      await boss.schedule(name, job.cron, {}, { tz: TIME_ZONE });
    }
  });
  for (const [name, job] of Object.entries(JOBS)) {
    await boss.work(name, async () => {
      const result = (await job.run(new Date())) as Record<string, unknown> | undefined;
      // Quiet when there was nothing to do: the clock ticks every minute.
      const didSomething = Object.values(result ?? {}).some((v) => typeof v === "number" && v > 0);
      if (didSomething) log(`[worker] ${name}: ${JSON.stringify(result)}`);
    });
  }
  for (const [name, run] of Object.entries(ON_DEMAND)) {
    await boss.work(name, async ([job]) => {
      if (job) log(`[worker] ${name}: ${JSON.stringify(await run(job.data, new Date()))}`);
    });
  }
  return boss;
}

/**
 * Starts the worker, waiting for the database when it is not there yet (a worker started with
 * the database, or restarted during an outage, must not exit and leave the jobs undone): each
 * failed attempt is logged and retried after a delay that doubles from `firstDelayMs` up to
 * `maxDelayMs`. Other errors (a wrong schema, a bug) still fail at once. `stopped()` ends the
 * waiting (a SIGTERM during an outage).
 */
export async function startWorkerWhenReady(
  connectionString: string,
  options: {
    log?: (line: string) => void;
    firstDelayMs?: number;
    maxDelayMs?: number;
    stopped?: () => boolean;
  } = {},
): Promise<PgBoss | undefined> {
  const { log = console.log, firstDelayMs = 1_000, maxDelayMs = 30_000 } = options;
  for (
    let attempt = 1, delay = firstDelayMs;
    ;
    attempt++, delay = Math.min(delay * 2, maxDelayMs)
  ) {
    if (options.stopped?.()) return undefined;
    try {
      return await startWorker(connectionString, log);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const reason = error instanceof Error ? error.message.split("\n").at(-1) : String(error);
      log(`[worker] database unavailable (attempt ${attempt}: ${reason}); retrying in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Work asked for by users (no schedule): the job's data says what to do. */
export const ON_DEMAND: Record<string, (data: unknown, now: Date) => Promise<unknown>> = {
  [BULLETIN_QUEUE]: (data, now) => runBulletinJob(data as { id: string }, now),
  [IMPORT_QUEUE]: (data, now) => runImportJob(data as { id: string }, now),
};

/** Runs one job now through the queue (used by tests and by administrators' "run now"). */
export async function runJobNow(boss: PgBoss, name: keyof typeof JOBS) {
  return boss.send(name, {});
}
