#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: the one command a newcomer runs.
 *
 * Plain Node with no dependencies, so it works before `npm install`:
 *   1. installs packages when node_modules is missing or package-lock.json changed,
 *   2. generates the Prisma client (`npm run db:client`) when it is missing or prisma/schema.prisma changed,
 *   3. hands over to scripts/serve.ts (under tsx): database, migrations, demo data, build, server.
 *
 *   node scripts/start.mjs          next build (when stale) + next start on PORT (default 3000)
 *   node scripts/start.mjs --dev    next dev
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const npmCommand = process.platform === "win32" ? "npm.cmd" : "npm";

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

export function checkNodeVersion() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(
      `Node.js ${process.versions.node} is too old: Reform Ledger needs Node.js 20.19 or newer.`,
    );
  }
}

/** `npm install` when node_modules is missing or older than package-lock.json. */
export function ensureInstalled({ log = console.log } = {}) {
  const lock = path.join(ROOT, "package-lock.json");
  const installed = path.join(ROOT, "node_modules", ".package-lock.json");
  const installedAt = mtime(installed);
  const lockAt = mtime(lock);
  const reason =
    installedAt === undefined
      ? "node_modules is missing"
      : lockAt !== undefined && lockAt > installedAt
        ? "package-lock.json changed"
        : undefined;
  if (!reason) return false;
  log(`Installing packages (${reason}) ...`);
  // Not `npm ci`: this registry lacks other platforms' optional packages, so `npm ci` rejects the
  // lockfile; `npm install` accepts it and leaves it unchanged.
  const result = spawnSync(npmCommand, ["install", "--no-audit", "--no-fund"], {
    cwd: ROOT,
    stdio: "inherit",
  });
  if (result.status !== 0) fail("`npm install` failed (see above).");
  // npm leaves the hidden lockfile alone when nothing changed; mark it fresh so we don't loop.
  if (fs.existsSync(installed)) {
    const now = new Date();
    fs.utimesSync(installed, now, now);
  }
  return true;
}

/** `prisma generate` when lib/generated/prisma is missing or older than prisma/schema.prisma. */
export function ensurePrismaClient({ log = console.log } = {}) {
  const schema = path.join(ROOT, "prisma", "schema.prisma");
  const client = path.join(ROOT, "lib", "generated", "prisma", "client.ts");
  const clientAt = mtime(client);
  const schemaAt = mtime(schema);
  if (clientAt !== undefined && (schemaAt === undefined || schemaAt <= clientAt)) return false;
  log(
    clientAt === undefined
      ? "Generating the Prisma client ..."
      : "Regenerating the Prisma client (schema changed) ...",
  );
  const prismaCli = path.join(ROOT, "node_modules", "prisma", "build", "index.js");
  const result = spawnSync(process.execPath, [prismaCli, "generate"], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    fail("`prisma generate` failed (see above).");
  }
  if (fs.existsSync(client)) {
    const now = new Date();
    fs.utimesSync(client, now, now);
  }
  return true;
}

/** Runs a TypeScript script with tsx inside this Node (no npx, one process fewer). */
export function spawnTsx(script, args = [], options = {}) {
  // react-server: lib modules marked `import "server-only"` resolve to its empty export, as under Next.
  const node = ["--conditions=react-server", "--import", "tsx"];
  return spawn(process.execPath, [...node, path.join(ROOT, script), ...args], {
    cwd: ROOT,
    stdio: "inherit",
    ...options,
  });
}

/** Relays SIGINT/SIGTERM to the child once and exits with the child's code. */
export function superviseChild(child) {
  let relayed = false;
  const relay = (signal) => {
    // On Ctrl-C the terminal signals the child too; relaying once more is harmless.
    if (relayed) return;
    relayed = true;
    child.kill(signal);
  };
  process.on("SIGINT", relay);
  process.on("SIGTERM", relay);
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

function main() {
  checkNodeVersion();
  const dev = process.argv.includes("--dev");
  ensureInstalled();
  ensurePrismaClient();
  superviseChild(spawnTsx("scripts/serve.ts", dev ? ["--dev"] : []));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
