/**
 * Fills DATABASE_URL (or the embedded database in .data/postgres when it is unset) with generated
 * data, after applying pending migrations:
 *
 *   npm run db:generate -- --preset <demo|tiny|regional|national> [--seed N] [--now ISO] [--reset]
 *
 * `demo` loads the demo data (lib/db/seed); the others bulk-load seeded-random data of that size
 * (lib/db/generate/presets.ts) and print each step's time and the rows per table. The database
 * must hold no data, or pass --reset to empty it first.
 */
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { resolveDatabase } from "../lib/db/resolve-database";
import { applyMigrations } from "../lib/db/schema-engine";
import { generate, resetDatabase } from "../lib/db/generate";
import { PRESETS, PRESET_NAMES } from "../lib/db/generate/presets";
import { PrismaClient } from "../lib/generated/prisma/client";

const { values } = parseArgs({
  options: {
    preset: { type: "string" },
    seed: { type: "string", default: "1" },
    now: { type: "string" },
    reset: { type: "boolean", default: false },
  },
});
const name = values.preset ?? "";
if (!(PRESET_NAMES as readonly string[]).includes(name)) {
  console.error(
    `Usage: npm run db:generate -- --preset <${PRESET_NAMES.join("|")}> [--seed N] [--now ISO] [--reset]`,
  );
  process.exit(2);
}
const seed = Number(values.seed);
const now = values.now ? new Date(values.now) : undefined;
if (!Number.isInteger(seed) || seed < 0 || (now && Number.isNaN(now.getTime()))) {
  console.error("--seed must be a non-negative integer and --now an ISO date-time.");
  process.exit(2);
}

const db = await resolveDatabase();
let failed = false;
try {
  await applyMigrations(db.url);
  if (name === "demo") {
    if (values.reset) await resetDatabase(db.url);
    const { seedDemo } = await import("../lib/db/seed");
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    try {
      const result = await seedDemo(prisma, { log: (line) => console.log(line), now });
      console.log(JSON.stringify(result));
    } finally {
      await prisma.$disconnect();
    }
  } else {
    const preset = PRESETS[name]!;
    console.log(
      `Generating preset "${name}" (seed ${seed}) into ${db.embedded ? "the embedded database" : "DATABASE_URL"} ...`,
    );
    const result = await generate({
      url: db.url,
      preset,
      seed,
      now,
      reset: values.reset,
      log: (line) => console.log(line),
    });
    console.log(
      `\nRows per table (${result.seconds.toFixed(1)} s in all${result.triggersSkipped ? "" : ", foreign keys checked row by row"}):`,
    );
    for (const [table, n] of Object.entries(result.counts))
      console.log(`  ${table.padEnd(26)} ${n.toLocaleString("en").padStart(12)}`);
  }
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await db.stop();
}
// The WebAssembly schema engine leaves timers armed that would keep the process alive.
process.exit(failed ? 1 : 0);
