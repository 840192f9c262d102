/** The job queue itself: pg-boss on the test database runs a job end to end. */
import PgBoss from "pg-boss";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startWorker } from "@/lib/jobs/worker";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
let boss: PgBoss;

beforeAll(async () => {
  db = await seededTestDatabase();
  boss = await startWorker(db.url, () => {});
});
afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true }).catch(() => {});
  await db?.drop();
});

it("runs the round clock through the PostgreSQL-backed queue and closes an expired round", async () => {
  // Expire the demo's open round so the job has something to do.
  await db.prisma.reportingRound.updateMany({
    where: { status: "OPEN" },
    data: { windowClosesAt: new Date(Date.now() - 60_000) },
  });
  const jobId = await boss.send("rounds.clock", {});
  expect(jobId).toBeTruthy();
  let state: string | undefined;
  for (let i = 0; i < 100 && state !== "completed" && state !== "failed"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    state = (await boss.getJobById("rounds.clock", jobId!))?.state;
  }
  expect(state).toBe("completed");
  expect(await db.prisma.reportingRound.count({ where: { status: "OPEN" } })).toBe(0);
});
