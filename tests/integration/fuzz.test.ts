/**
 * A short fuzzing run from the OpenAPI document over every operation (tests/authz/fuzz-engine.ts):
 * generated valid and invalid params, queries and bodies, with the national admin's token and a
 * liaison's, against the seeded demo data. No 5xx, only documented statuses, bodies that match
 * the documented schemas. `npm run fuzz -- --runs 10000` is the long run (FUZZ_RUNS).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createApiToken } from "@/lib/auth/tokens";
import { loadFixtures, type Fixtures } from "../authz/fixtures";
import { fuzzAll } from "../authz/fuzz-engine";
import { seededTestDatabase, type TestDatabase } from "./setup/db";

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);

let db: TestDatabase;
let fx: Fixtures;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  db = await seededTestDatabase();
  fx = await loadFixtures(db.prisma);
  for (const username of ["admin", "liaison-crrc"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    tokens[username] = (await createApiToken(user.id, `fuzz ${username}`)).token;
  }
}, 120_000);
afterAll(async () => {
  await db?.drop();
});

it(
  `every operation answers generated input as documented (${RUNS} runs each, 2 tokens)`,
  async () => {
    // Real ids of the three trees, except the fuzzing users themselves (a generated PATCH could
    // deactivate them); generated ones name nothing.
    const ids = Object.values(fx.trees).flatMap((t) =>
      Object.entries(t)
        .filter(([k]) => k !== "liaisonId" || t.liaisonId !== fx.userIds["liaison-crrc"])
        .map(([, v]) => v),
    );
    const started = Date.now();
    const stats = await fuzzAll({
      tokens,
      ids,
      runs: RUNS,
      seed: Number(process.env.FUZZ_SEED ?? 42),
      only: process.env.FUZZ_ONLY
        ? (e) => new RegExp(process.env.FUZZ_ONLY!).test(e.def.path)
        : undefined,
      progress: process.env.FUZZ_REPORT ? (line) => console.log(line) : undefined,
    });
    if (process.env.FUZZ_REPORT) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        [
          `operations: ${stats.operations}`,
          `requests:   ${stats.requests} in ${seconds} s`,
          `statuses:   ${Object.entries(stats.statuses)
            .map(([s, n]) => `${s}: ${n}`)
            .join(", ")}`,
          `known gaps: ${JSON.stringify(stats.known)}`,
          `failures:   ${stats.failures.length}`,
          ...stats.failures.map((f) => `  ${f}`),
        ].join("\n"),
      );
    }
    expect(stats.failures).toEqual([]);
  },
  Math.max(600_000, RUNS * 74 * 2 * 50),
);
