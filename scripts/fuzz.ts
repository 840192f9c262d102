/**
 * The long fuzzing run from the OpenAPI document:
 *   npm run fuzz -- --runs 10000 [--seed 7] [--only rounds]
 * Runs tests/integration/fuzz.test.ts with FUZZ_RUNS generated requests per operation and token,
 * in the integration project, whose global setup starts a throwaway embedded PostgreSQL with the
 * seeded demo data (the handlers need the same module setup as the tests). Prints the figures:
 * operations, requests, statuses, failures.
 */
import { spawnSync } from "node:child_process";

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = option("runs") ?? "1000";
if (!/^\d+$/.test(runs)) throw new Error(`--runs takes a number, not ${runs}`);
const env: NodeJS.ProcessEnv = { ...process.env, FUZZ_RUNS: runs, FUZZ_REPORT: "1" };
if (option("seed")) env.FUZZ_SEED = option("seed");
if (option("only")) env.FUZZ_ONLY = option("only");

const result = spawnSync(
  process.execPath,
  [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--project",
    "integration",
    "--testTimeout",
    "0",
    "tests/integration/fuzz.test.ts",
  ],
  { stdio: "inherit", env },
);
process.exit(result.status ?? 1);
