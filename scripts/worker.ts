/**
 * The job worker: rounds opening/closing and reminders, notice escalation, e-mail outbox.
 * Started by `npm start` beside the web server; run alone with `npm run worker`.
 * Needs the react-server condition so that lib's `import "server-only"` resolves (see package.json).
 */
import { databaseUrl } from "../lib/env";
import { startWorker } from "../lib/jobs/worker";

let url: string;
try {
  url = databaseUrl();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const boss = await startWorker(url);
console.log("[worker] started");
const stop = async () => {
  await boss.stop({ graceful: true, wait: true }).catch(() => {});
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
