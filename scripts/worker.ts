/**
 * The job worker: rounds opening/closing and reminders, notice escalation, e-mail outbox.
 * Started by `npm start` beside the web server; run alone with `npm run worker`.
 * Needs the react-server condition so that lib's `import "server-only"` resolves (see package.json).
 * A database that is down at start is waited for (retried with backoff), not a reason to exit.
 */
import { setJobTimeouts } from "../lib/db/client";
import { databaseUrl } from "../lib/env";
import { startWorkerWhenReady } from "../lib/jobs/worker";

let url: string;
try {
  url = databaseUrl();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
// Imports and bulletins run here: no request timeout on their statements.
setJobTimeouts();
let stopping = false;
const running: { boss?: Awaited<ReturnType<typeof startWorkerWhenReady>> } = {};
const stop = async () => {
  stopping = true;
  await running.boss?.stop({ graceful: true, wait: true }).catch(() => {});
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
running.boss = await startWorkerWhenReady(url, { stopped: () => stopping });
if (running.boss) console.log("[worker] started");
