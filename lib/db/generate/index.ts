/**
 * The scale data generator behind `npm run db:generate -- --preset <tiny|regional|national>`:
 * fills an empty, migrated database with seeded-random data of the preset's size by bulk load
 * (small tables from TypeScript through unnest arrays, the large ones by INSERT ... SELECT over
 * generate_series), in one transaction, then analyses the tables and freezes the latest closed
 * round's snapshot with the app's own writer. Deterministic for a seed and a `now`.
 */
import "server-only";
import os from "node:os";
import { hash } from "@node-rs/argon2";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { rebuildRollupsInSlices } from "@/lib/dashboard/rollup/rebuild";
import { freezeRoundSnapshot } from "@/lib/dashboard/snapshots";
import { DEMO_PASSWORD } from "@/lib/db/seed/people-cases";
import { Rng } from "@/lib/db/seed/random";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { buildCalendar, buildCatalogue } from "./catalogue";
import {
  insertEntries,
  insertEvidence,
  insertFilings,
  insertIndicatorValues,
  insertReviews,
  insertStatusEvents,
} from "./history-sql";
import { saltOf } from "./ids";
import { createItemPlan, insertItems } from "./items-sql";
import {
  countRows,
  dropSecondaryIndexes,
  recreateIndexes,
  relaxCheckpoints,
  skipTriggers,
} from "./load";
import { insertNotices } from "./notices-sql";
import { buildOrg } from "./org";
import { buildPeople } from "./people";
import type { Preset } from "./presets";
import { insertCatalogue, insertOrgAndPeople } from "./small-tables";
import { createSessionFunctions, createStaging, type SqlContext } from "./sql-context";

/** Tables written in bulk: their secondary indexes are rebuilt after the load. */
const BULK_TABLES = [
  "LedgerItem",
  "LedgerItemSpan",
  "ProgressEntry",
  "LedgerStatusEvent",
  "EntryReview",
  "IndicatorValue",
  "Evidence",
  "RoundFiling",
];

export const REPORTED_TABLES = [
  "Supervisor",
  "Enterprise",
  "EnterpriseClosure",
  "EnterpriseClosureSpan",
  "EnterpriseSupervisorSpan",
  "User",
  "UserScope",
  "Programme",
  "Category",
  "Task",
  "IndicatorDefinition",
  "Target",
  "ReportingRound",
  "LedgerItem",
  "LedgerItemSpan",
  "ProgressEntry",
  "LedgerStatusEvent",
  "EntryReview",
  "IndicatorValue",
  "Evidence",
  "RoundFiling",
  "RoundSnapshot",
  "SupervisionNotice",
  "NoticeItem",
  "NoticeReply",
];

export type GenerateOptions = {
  url: string;
  preset: Preset;
  seed?: number;
  now?: Date;
  /** Empty every table first (else the database must hold no data). */
  reset?: boolean;
  log?: (line: string) => void;
};

export type GenerateResult = {
  counts: Record<string, number>;
  steps: { name: string; seconds: number }[];
  seconds: number;
  triggersSkipped: boolean;
};

/** ARGON2ID of @node-rs/argon2 (a const enum, which isolatedModules cannot import). */
const ARGON2ID = 2;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const log = options.log ?? (() => {});
  const seed = options.seed ?? 1;
  const salt = saltOf(seed);
  const cal = buildCalendar(options.now ?? new Date(), options.preset.months);
  const ctx: SqlContext = { salt, seed, cal, fileChance: options.preset.fileChance };
  const steps: GenerateResult["steps"] = [];
  const t0 = performance.now();
  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    steps.push({ name, seconds });
    log(
      `  ${name.padEnd(34)} ${seconds.toFixed(1).padStart(7)} s${typeof result === "number" ? `  ${result.toLocaleString("en")} rows` : ""}`,
    );
    return result;
  };

  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  let triggersSkipped = false;
  let restore = async () => {};
  try {
    await prepareDatabase(client, options.reset ?? false);
    await client.query(`SET synchronous_commit = off; SET maintenance_work_mem = '1GB';
      SET work_mem = '256MB'; SET max_parallel_workers_per_gather = 0; SET temp_buffers = '512MB';
      SET synchronize_seqscans = off`);
    triggersSkipped = await skipTriggers(client);
    restore = await relaxCheckpoints(client, triggersSkipped);

    const rng = new Rng(seed);
    const { org, people, catalogue, passwordHash } = await step(
      "organisation (in memory)",
      async () => {
        const org = buildOrg(options.preset, salt, rng.fork("org"));
        const people = buildPeople(org, options.preset, salt, rng.fork("people"));
        const admin = people.users.find((u) => u.username === "admin")!.id;
        const catalogue = buildCatalogue(options.preset, cal, salt, org.supervisors[0]!.id, admin);
        const passwordHash = await hash(DEMO_PASSWORD, { algorithm: ARGON2ID });
        return { org, people, catalogue, passwordHash };
      },
    );
    await client.query("BEGIN");
    await step("enterprises, closure, spans, users", () =>
      insertOrgAndPeople(client, org, people, passwordHash, cal, salt),
    );
    await step("programme, catalogue, rounds", () => insertCatalogue(client, catalogue));
    await step("staging", async () => {
      await createSessionFunctions(client, ctx);
      await createStaging(client, ctx, org, people, catalogue);
    });
    const saved = await step("drop secondary indexes", () =>
      dropSecondaryIndexes(client, BULK_TABLES),
    );
    await step("item plan", () => createItemPlan(client, ctx, options.preset));
    const programmeId = catalogue.programme.id;
    await step("ledger items + spans", () => insertItems(client, ctx, programmeId));
    await step("progress entries", () => insertEntries(client, ctx));
    await step("status events", () => insertStatusEvents(client, ctx));
    await step("reviews", () => insertReviews(client, ctx));
    await step("indicator values", () => insertIndicatorValues(client, ctx));
    await step("evidence", () => insertEvidence(client, ctx));
    await step("round filings", () => insertFilings(client, ctx));
    await step("notices", () => insertNotices(client, ctx, programmeId));
    await step("rebuild indexes", () => recreateIndexes(client, saved));
    await step("commit", () => client.query("COMMIT"));
    await client.query("RESET session_replication_role");
    await step("vacuum analyze", () => client.query("VACUUM (ANALYZE)"));
    const frozen = catalogue.rounds
      .filter((r) => r.status === "CLOSED")
      .slice(-options.preset.snapshotRounds);
    await step(`freeze ${frozen.length} round snapshot(s)`, () => freeze(options.url, frozen));
    await step("dashboard roll-up", () => rollup(options.url));
    const counts = await step("count rows", () => countRows(client, REPORTED_TABLES));
    return { counts, steps, seconds: (performance.now() - t0) / 1000, triggersSkipped };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await restore().catch(() => {});
    await client.end().catch(() => {});
  }
}

/** Empties every table of the app (`--reset`), e.g. before loading the demo data again. */
export async function resetDatabase(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await prepareDatabase(client, true);
  } finally {
    await client.end();
  }
}

async function prepareDatabase(client: pg.Client, reset: boolean) {
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Supervisor"`);
  if (Number(rows[0]!.n) === 0) return;
  if (!reset)
    throw new Error(
      "The database already holds data: pass --reset to empty it first (everything is deleted).",
    );
  const tables = await client.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  // The audit log refuses TRUNCATE by a trigger: a reset empties it on purpose, with triggers off.
  const skipped = await skipTriggers(client);
  await client.query(
    `TRUNCATE ${tables.rows.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`,
  );
  if (skipped) await client.query("SET session_replication_role = origin");
}

/**
 * The dashboard roll-up from the generated history: its streams computed in slices of the items,
 * one per core, at once (nothing else writes during a generation), then replaced in one commit.
 */
async function rollup(url: string) {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await rebuildRollupsInSlices(prisma, Math.min(8, Math.max(2, os.availableParallelism())));
    return await prisma.rollupDay.count();
  } finally {
    await prisma.$disconnect();
  }
}

/** Closes nothing: writes the frozen period-end figures of rounds already CLOSED in the data. */
async function freeze(
  url: string,
  rounds: { id: string; programmeId: string; periodEnd: Date; closedAt: Date | null }[],
) {
  if (!rounds.length) return 0;
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    let rows = 0;
    for (const r of rounds)
      rows += await prisma.$transaction((tx) => freezeRoundSnapshot(tx, r, r.closedAt!), {
        timeout: 30 * 60_000,
      });
    return rows;
  } finally {
    await prisma.$disconnect();
  }
}
