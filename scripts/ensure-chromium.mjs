/**
 * Makes sure Debian's headless Chromium is installed at /usr/bin/chromium-headless-shell for the
 * Playwright suite. Playwright's own browser download cannot work offline; Debian's package comes
 * from apt, which is reachable. The headless shell (the browser Playwright itself runs headless)
 * is the same engine without the desktop browser's UI and GPU processes: a smaller install, and
 * less CPU per test on a small machine. Plain Node, no dependencies: usable before `npm install`.
 *
 *   node scripts/ensure-chromium.mjs
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const CHROMIUM_PATH = "/usr/bin/chromium-headless-shell";
const PACKAGE = "chromium-headless-shell";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LOG = path.join(ROOT, ".data", "logs", "apt-chromium.log");

function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

/** Returns true when Chromium is available (already or after installing); false with a message otherwise. */
export function ensureChromium({ log = console.log } = {}) {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.platform !== "linux" || process.getuid?.() !== 0) {
    console.error(
      `Chromium is missing (${CHROMIUM_PATH}) and installing it needs root.\n` +
        `Install it once with:  sudo apt-get update && sudo apt-get install -y ${PACKAGE}\n` +
        `then run the tests again.`,
    );
    return false;
  }
  fs.mkdirSync(path.dirname(LOG), { recursive: true });
  fs.writeFileSync(LOG, "");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const steps = [
    ["apt-get", ["update"]],
    ["apt-get", ["install", "-y", "--no-install-recommends", PACKAGE]],
  ];
  log(`Installing Chromium with apt-get (log: ${path.relative(ROOT, LOG)}) ...`);
  const started = Date.now();
  for (const [cmd, args] of steps) {
    const fd = fs.openSync(LOG, "a");
    fs.writeSync(fd, `\n$ ${cmd} ${args.join(" ")}\n`);
    const result = spawnSync(cmd, args, { stdio: ["ignore", fd, fd], env });
    fs.closeSync(fd);
    if (result.status !== 0 || result.error) {
      console.error(`\`${cmd} ${args.join(" ")}\` failed. Last lines of ${LOG}:\n${tail(LOG)}`);
      return false;
    }
  }
  if (!fs.existsSync(CHROMIUM_PATH)) {
    console.error(
      `apt-get finished but ${CHROMIUM_PATH} is still missing. Log: ${LOG}\n${tail(LOG)}`,
    );
    return false;
  }
  log(`Chromium installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exit(ensureChromium() ? 0 : 1);
}
