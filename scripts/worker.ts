/**
 * The job worker: rounds opening/closing and reminders, notice escalation, e-mail outbox.
 * Started by `npm start` beside the web server; run alone with `npm run worker`.
 * Needs the react-server condition so that lib's `import "server-only"` resolves (see package.json).
 */
import { startWorker } from "../lib/jobs/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
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
