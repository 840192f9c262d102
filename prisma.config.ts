import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline: the Prisma CLI wants to download its native schema engine before `generate`. We never
// use it (migrations run through lib/db/migrate.ts and the WebAssembly engine), so point the CLI at
// a stub and it skips the download.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  process.cwd(),
  "scripts",
  "no-schema-engine.sh",
);

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
