/**
 * Benchmarks.
 *
 *   npm run bench -- --preset <regional|national> [--duration S] [--json FILE] [--port N]
 *       the production build and the bare floor under open-model load on the generated database
 *       (`npm run db:generate -- --preset ...` first; DATABASE_URL or the embedded one), side by
 *       side, with the budgets, the app's peak memory and the slowest SQL statements.
 *   npm run bench -- --preset tiny --fresh --check --duration 2 --rate-scale 0.2
 *       the smoke run: a throwaway database generated for the run; fails on any error or on
 *       numbers that differ from the raw SQL, never on timings.
 *   npm run bench -- --preset demo
 *       the hot paths as functions on the demo data (no HTTP).
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    preset: { type: "string", default: "regional" },
    duration: { type: "string", default: "30" },
    json: { type: "string" },
    port: { type: "string", default: "4310" },
    fresh: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    "rate-scale": { type: "string", default: "1" },
    only: { type: "string" },
  },
});

let ok = true;
if (values.preset === "demo") {
  const { benchDemoFunctions } = await import("./bench/demo-functions");
  await benchDemoFunctions();
} else {
  const { benchHttp } = await import("./bench/http-bench");
  ok = await benchHttp({
    preset: values.preset,
    duration: Number(values.duration),
    json: values.json,
    fresh: values.fresh,
    check: values.check,
    port: Number(values.port),
    rateScale: Number(values["rate-scale"]),
    only: values.only?.split(","),
    command: `npm run bench -- ${process.argv.slice(2).join(" ")}`,
  });
}
// The WebAssembly schema engine (--fresh) leaves timers armed that would keep the process alive.
process.exit(ok ? 0 : 1);
