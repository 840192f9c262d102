#!/usr/bin/env node
/**
 * `npm test`: everything, in order, stopping at the first failure.
 *
 *   packages + Prisma client (like `npm start`) -> Chromium (apt, as root) ->
 *   unit (vitest) -> next build -> integration (vitest, embedded PostgreSQL; the shutdown test
 *   drives the build) ->
 *   smoke (the benchmark on a tiny generated database: fails on errors or wrong numbers, never on
 *   timings) -> e2e (Playwright)
 *
 * The last line is always `N passed, N failed` (tests summed over the suites; a step that fails
 * without reporting tests, such as the build, counts as one failure) for CI to read.
 * Plain Node, no dependencies before install.
 *
 *   npm test                      all suites
 *   npm test -- integration e2e   only the named steps (unit, build, integration, smoke, e2e), in order
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { checkNodeVersion, ensureInstalled, ensurePrismaClient, ROOT } from "./start.mjs";
import { ensureChromium } from "./ensure-chromium.mjs";

const RESULTS_DIR = path.join(ROOT, ".data", "test-results");
const VITEST = path.join(ROOT, "node_modules", "vitest", "vitest.mjs");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const PLAYWRIGHT = path.join(ROOT, "node_modules", "@playwright", "test", "cli.js");
const TSX = ["--conditions=react-server", "--import", "tsx"];

const totals = { passed: 0, failed: 0 };
const timings = [];
let current;

function summaryAndExit(code) {
  if (timings.length) console.log(`\n${timings.join(" | ")}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    // Ctrl-C reaches the child through the terminal too; SIGTERM from CI only reaches us.
    if (current && current.exitCode === null) current.kill(signal);
    else summaryAndExit(1);
  });
}

function run(args, env = {}) {
  return new Promise((resolve) => {
    current = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    current.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    current.once("error", () => resolve(1));
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function vitestCounts(file) {
  const r = readJson(file);
  if (!r) return undefined;
  return { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0 };
}

function playwrightCounts(file) {
  const r = readJson(file);
  if (!r?.stats) return undefined;
  return {
    passed: (r.stats.expected ?? 0) + (r.stats.flaky ?? 0),
    failed: r.stats.unexpected ?? 0,
  };
}

async function step(name, args, { env, results, counts } = {}) {
  if (results) fs.rmSync(results, { force: true });
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const code = await run(args, env);
  const seconds = Math.round((Date.now() - started) / 1000);
  timings.push(`${name} ${seconds}s`);
  const c = results && counts ? counts(results) : undefined;
  if (c) {
    totals.passed += c.passed;
    totals.failed += c.failed;
  }
  if (code !== 0) {
    // A failure that reported no failed test (a crash, a broken build) still counts as one.
    if (!c || c.failed === 0) totals.failed += 1;
    console.error(`\n${name} failed (exit code ${code}).`);
    summaryAndExit(code || 1);
  }
}

const STEPS = ["unit", "build", "integration", "smoke", "e2e"];
const only = process.argv.slice(2);
for (const name of only) {
  if (!STEPS.includes(name)) {
    console.error(`Unknown step "${name}": choose from ${STEPS.join(", ")}.`);
    process.exit(2);
  }
}
const wanted = (name) => only.length === 0 || only.includes(name);

checkNodeVersion();
ensureInstalled();
ensurePrismaClient();
fs.mkdirSync(RESULTS_DIR, { recursive: true });
if (wanted("e2e") && !ensureChromium()) {
  totals.failed += 1;
  summaryAndExit(1);
}

const vitestArgs = (project) => [
  VITEST,
  "run",
  "--project",
  project,
  "--passWithNoTests",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${path.join(RESULTS_DIR, `${project}.json`)}`,
];

if (wanted("unit")) {
  await step("unit", vitestArgs("unit"), {
    results: path.join(RESULTS_DIR, "unit.json"),
    counts: vitestCounts,
  });
}
// The build comes before the integration tests: the shutdown test drives the production server.
if (wanted("build")) await step("build", [NEXT, "build"]);
if (wanted("integration")) {
  await step("integration", vitestArgs("integration"), {
    results: path.join(RESULTS_DIR, "integration.json"),
    counts: vitestCounts,
  });
}
if (wanted("smoke")) {
  // One test per scenario: passed when the smoke run measured it without an error (wrong numbers
  // fail the step as a whole).
  const smokeResults = path.join(RESULTS_DIR, "smoke.json");
  await step(
    "smoke",
    [
      ...TSX,
      path.join(ROOT, "scripts", "bench.ts"),
      "--preset=tiny",
      "--fresh",
      "--check",
      "--duration=1",
      "--rate-scale=0.2",
      `--json=${smokeResults}`,
    ],
    {
      results: smokeResults,
      counts: (file) => {
        const rows = readJson(file) ?? [];
        return {
          passed: rows.filter((r) => r.errors === 0).length,
          failed: rows.filter((r) => r.errors > 0).length,
        };
      },
    },
  );
}
if (wanted("e2e")) {
  const e2eResults = path.join(RESULTS_DIR, "e2e.json");
  await step("e2e", [PLAYWRIGHT, "test", "--reporter=list,json", "--pass-with-no-tests"], {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eResults },
    results: e2eResults,
    counts: playwrightCounts,
  });
}
summaryAndExit(0);
