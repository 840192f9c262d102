/** Shared by the global setup (main process) and the helpers (test workers). No vitest imports. */

export const TEMPLATE_DB = "template_reform";
/** The migrated template plus the demo data; built on first use by seededTestDatabase(). */
export const SEEDED_TEMPLATE_DB = "template_reform_seeded";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop databases: they must never reach anything but the local test server. */
export function assertLocalDatabaseUrl(url: string): void {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error(`Refusing to run tests against an unparsable database URL`);
  }
  if (!LOOPBACK.has(host)) {
    throw new Error(`Refusing to run tests against a non-local database (host "${host}")`);
  }
}
