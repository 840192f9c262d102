/**
 * Per-file test databases on the run's embedded PostgreSQL (started by global-setup.ts).
 *
 *   const db = await createTestDatabase();   // empty, migrated
 *   const db = await seededTestDatabase();   // migrated + demo data (lib/db/seed)
 *   ...db.prisma...
 *   afterAll(() => db.drop());
 *
 * Each call clones a template with CREATE DATABASE ... TEMPLATE, so files never share state.
 * By default the new database also becomes process.env.DATABASE_URL for lib code that reads it
 * (getDb() in lib/db/client.ts); pass { setEnv: false } to opt out.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { inject } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { SEEDED_TEMPLATE_DB, TEMPLATE_DB, assertLocalDatabaseUrl } from "./local";

declare module "vitest" {
  export interface ProvidedContext {
    /** e.g. postgresql://reform:reform-local@127.0.0.1:41234 (no database name) */
    pgBaseUrl: string;
  }
}

export { assertLocalDatabaseUrl } from "./local";

export type TestDatabase = {
  /** Connection string of this file's own database. */
  url: string;
  name: string;
  prisma: PrismaClient;
  /** Disconnects and drops the database. Call it in afterAll. */
  drop(): Promise<void>;
};

export type TestDatabaseOptions = {
  /** Set process.env.DATABASE_URL to the new database (default true). */
  setEnv?: boolean;
};

function baseUrl(): string {
  const base = inject("pgBaseUrl");
  if (!base) {
    throw new Error(
      "No test database server: run integration tests through the vitest 'integration' project " +
        "(npm run test:integration), whose global setup starts it.",
    );
  }
  assertLocalDatabaseUrl(base);
  return base;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({
    connectionString: `${baseUrl()}/postgres`,
    connectionTimeoutMillis: 10_000,
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function uniqueName(prefix: string) {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

export function createPrisma(url: string): PrismaClient {
  assertLocalDatabaseUrl(url);
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 5, connectionTimeoutMillis: 10_000 }),
  });
}

async function cloneDatabase(
  template: string,
  options: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const name = uniqueName("test");
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = `${baseUrl()}/${name}`;
  if (options.setEnv ?? true) process.env.DATABASE_URL = url;
  const prisma = createPrisma(url);
  let dropped = false;
  return {
    url,
    name,
    prisma,
    async drop() {
      if (dropped) return;
      dropped = true;
      await prisma.$disconnect().catch(() => {});
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      if (process.env.DATABASE_URL === url) delete process.env.DATABASE_URL;
    },
  };
}

/** A fresh, migrated, empty database of this test file's own. */
export function createTestDatabase(options?: TestDatabaseOptions): Promise<TestDatabase> {
  return cloneDatabase(TEMPLATE_DB, options);
}

/**
 * A fresh database with the demo data. The seeded template is built once per run, by whichever
 * worker asks first (an advisory lock makes the others wait), then cloned like the empty one.
 */
export async function seededTestDatabase(options?: TestDatabaseOptions): Promise<TestDatabase> {
  await ensureSeededTemplate();
  return cloneDatabase(SEEDED_TEMPLATE_DB, options);
}

const SEED_LOCK = 727_001;

type SeedModule = {
  seedDemo(
    prisma: PrismaClient,
    options?: { log?: (line: string) => void },
  ): Promise<{ seeded: boolean; enterprises: number; ledgerItems: number; entries: number }>;
};

/** Loaded by path, not by a static specifier, so the harness typechecks while the seed is absent. */
async function loadSeedModule(): Promise<SeedModule> {
  const file = path.join(process.cwd(), "lib", "db", "seed", "index.ts");
  if (!fs.existsSync(file))
    throw new Error("seededTestDatabase(): lib/db/seed/index.ts does not exist yet");
  return (await import(/* @vite-ignore */ file)) as SeedModule;
}

async function ensureSeededTemplate(): Promise<void> {
  await withAdmin(async (admin) => {
    await admin.query("SELECT pg_advisory_lock($1)", [SEED_LOCK]);
    try {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [
        SEEDED_TEMPLATE_DB,
      ]);
      if (exists.rowCount) return;

      // Build under a temporary name and rename at the end, so a failed seed leaves no template.
      const building = uniqueName("seeding");
      await admin.query(`CREATE DATABASE "${building}" TEMPLATE "${TEMPLATE_DB}"`);
      const prisma = createPrisma(`${baseUrl()}/${building}`);
      try {
        const { seedDemo } = await loadSeedModule();
        await seedDemo(prisma);
      } catch (error) {
        await prisma.$disconnect().catch(() => {});
        await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
        throw error;
      }
      await prisma.$disconnect();
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1",
        [building],
      );
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${SEEDED_TEMPLATE_DB}"`);
      await admin.query(
        `ALTER DATABASE "${SEEDED_TEMPLATE_DB}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`,
      );
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK]).catch(() => {});
    }
  });
}
