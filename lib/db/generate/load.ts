/**
 * Bulk-load plumbing of the generator: rows built in TypeScript go in as one
 * `INSERT ... SELECT * FROM unnest($1::type[], ...)` per chunk; the big tables are filled by
 * INSERT ... SELECT in SQL. While they load, their secondary indexes are dropped and rebuilt
 * afterwards from their own definitions (one sort per index instead of millions of random
 * inserts), and foreign-key triggers are skipped when the role may do so (the data is
 * consistent by construction; the generator's test checks it).
 */
import type pg from "pg";
import { isoDay } from "@/lib/time";

export type ColumnTypes = Record<string, string>;

function param(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return type === "date" ? isoDay(value) : value.toISOString();
  return value;
}

/** Inserts rows; every listed column is taken from each row (missing = NULL). */
export async function insertRows(
  client: pg.ClientBase,
  table: string,
  columns: ColumnTypes,
  rows: readonly Record<string, unknown>[],
  chunk = 20_000,
) {
  const names = Object.keys(columns);
  const sql =
    `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) ` +
    `SELECT * FROM unnest(${names.map((n, i) => `$${i + 1}::${columns[n]}[]`).join(", ")})`;
  for (let i = 0; i < rows.length; i += chunk) {
    const slice = rows.slice(i, i + chunk);
    await client.query(
      sql,
      names.map((n) => slice.map((r) => param(r[n], columns[n]!))),
    );
  }
}

export type SavedIndex = { name: string; definition: string };

/** Drops the indexes of `tables` that back no constraint (primary keys stay); returns them. */
export async function dropSecondaryIndexes(
  client: pg.ClientBase,
  tables: readonly string[],
): Promise<SavedIndex[]> {
  const { rows } = await client.query<SavedIndex>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = current_schema()
     WHERE t.relname = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [tables],
  );
  for (const r of rows) await client.query(`DROP INDEX "${r.name}"`);
  return rows;
}

export async function recreateIndexes(client: pg.ClientBase, saved: readonly SavedIndex[]) {
  for (const r of saved) await client.query(r.definition);
}

/** Foreign-key and other triggers off for this session, when the role is a superuser. */
export async function skipTriggers(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ rolsuper: boolean }>(
    "SELECT rolsuper FROM pg_roles WHERE rolname = current_user",
  );
  if (!rows[0]?.rolsuper) return false;
  await client.query("SET session_replication_role = replica");
  return true;
}

/** Exact row counts of the tables, in order. */
export async function countRows(client: pg.ClientBase, tables: readonly string[]) {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`);
    out[t] = Number(rows[0]!.n);
  }
  return out;
}

/**
 * Fewer checkpoints while loading (a national load writes more WAL than the default max_wal_size
 * many times over, and every checkpoint makes the next writes log whole pages): raised for the
 * load when the role may, and put back afterwards.
 */
export async function relaxCheckpoints(client: pg.ClientBase, superuser: boolean) {
  if (!superuser) return async () => {};
  await client.query("ALTER SYSTEM SET max_wal_size = '16GB'");
  await client.query("ALTER SYSTEM SET checkpoint_timeout = '30min'");
  await client.query("SELECT pg_reload_conf()");
  return async () => {
    await client.query("ALTER SYSTEM RESET max_wal_size");
    await client.query("ALTER SYSTEM RESET checkpoint_timeout");
    await client.query("SELECT pg_reload_conf()");
  };
}
