/**
 * Prisma's schema engine compiled to WebAssembly. The Prisma CLI's `migrate` commands need a
 * native engine that only downloads from Prisma's servers; on an intranet that never works, so we
 * drive the same engine (same SQL, same `_prisma_migrations` table) from Node.
 * Used by scripts and tests only, never by the Next.js server bundle.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
export const SCHEMA_PATH = path.join(process.cwd(), "prisma", "schema.prisma");
/** The schema as of the newest migration: what the next migration is diffed from. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema-snapshot.prisma.txt");

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

let wasmReady: Promise<{ SchemaEngine: { new: (...a: unknown[]) => Promise<Engine> } }> | undefined;

async function loadWasm() {
  wasmReady ??= (async () => {
    const dir = path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm");
    const bg = await import(path.join(dir, "schema_engine_bg.js"));
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
    // Without this an engine panic surfaces only as "reading 'set_message'".
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        console.error(`Prisma schema engine panic: ${message}`);
      },
    };
    return bg;
  })();
  return wasmReady;
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

/**
 * The engine's WebAssembly glue arms timers it never clears, which would keep a script alive
 * ~10 s after it finished: unref the timers created while it works (pending database I/O keeps
 * the process alive meanwhile anyway).
 */
async function withUnrefTimers<T>(fn: () => Promise<T>): Promise<T> {
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
    const timer = original(...args);
    timer.unref?.();
    return timer;
  }) as typeof setTimeout;
  try {
    return await fn();
  } finally {
    globalThis.setTimeout = original;
  }
}

async function withEngine<T>(
  databaseUrl: string,
  datamodel: string,
  fn: (e: Engine) => Promise<T>,
) {
  return withUnrefTimers(() => runEngine(databaseUrl, datamodel, fn));
}

async function runEngine<T>(databaseUrl: string, datamodel: string, fn: (e: Engine) => Promise<T>) {
  const { SchemaEngine } = await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(
    // The engine does not close its pool: idle connections end by themselves and don't hold the
    // process (or block CREATE DATABASE ... TEMPLATE on the migrated database for long).
    new PrismaPg({
      connectionString: databaseUrl,
      max: 2,
      connectionTimeoutMillis: 10_000,
      idleTimeoutMillis: 500,
      allowExitOnIdle: true,
    }),
  );
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, datamodel]] },
    (line: string) => {
      // "Cache miss for key ..." lines are noise; keep the rest for error reports.
      if (!String(line).includes("Cache miss")) logs.push(String(line));
    },
    adapter,
  );
  try {
    return await fn(engine);
  } catch (error) {
    if (logs.length) console.error(logs.slice(-5).join("\n"));
    throw error;
  } finally {
    engine.free();
  }
}

function readMigrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, "migration_lock.toml");
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: `${file} is missing` },
        },
      };
    }),
  };
}

/** Applies every migration in prisma/migrations not yet applied; returns the names applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const datamodel = fs.readFileSync(SCHEMA_PATH, "utf8");
  return withEngine(databaseUrl, datamodel, async (engine) => {
    const out = await engine.applyMigrations({
      migrationsList: readMigrationsList(),
      filters: NO_FILTER,
    });
    return out.appliedMigrationNames;
  });
}

/** SQL that takes a database from the snapshot schema (or nothing) to the current schema. */
export async function diffSchemaSql(databaseUrl: string): Promise<string> {
  const current = fs.readFileSync(SCHEMA_PATH, "utf8");
  const from = fs.existsSync(SNAPSHOT_PATH)
    ? {
        tag: "schemaDatamodel",
        files: [{ path: SCHEMA_PATH, content: fs.readFileSync(SNAPSHOT_PATH, "utf8") }],
      }
    : { tag: "empty" };
  return withEngine(databaseUrl, current, async (engine) => {
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: current }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return out.stdout ?? "";
  });
}
