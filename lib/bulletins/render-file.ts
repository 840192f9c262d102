import "server-only";
import { fork } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import type { Bulletin } from "./format";
import { renderBulletinPdf, type RenderOptions } from "./render-pdf";
import { renderBulletinXlsx } from "./render-xlsx";
import type { BulletinFormat } from "./schemas";

/**
 * Renders a bulletin file. react-pdf drives its own React reconciler, which needs React's full
 * build; a process started with the react-server condition (the job worker, see
 * scripts/worker.ts) only gets React's server build, so there the PDF renders in a short-lived
 * child process without that condition (pdf-child.ts). The web server and tests render in
 * process.
 */
export async function renderBulletinFile(
  bulletin: Bulletin,
  format: BulletinFormat,
  options: RenderOptions = {},
): Promise<Buffer> {
  if (format === "xlsx") return renderBulletinXlsx(bulletin, options);
  if (!process.execArgv.some((arg) => arg.includes("react-server")))
    return renderBulletinPdf(bulletin, options);
  return renderInChild(bulletin, options);
}

async function renderInChild(bulletin: Bulletin, options: RenderOptions): Promise<Buffer> {
  const script = path.join(/* turbopackIgnore: true */ process.cwd(), "lib/bulletins/pdf-child.ts");
  const child = fork(script, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const file = await new Promise<string>((resolve, reject) => {
    child.once("message", (m: { file?: string; error?: string }) =>
      m.file ? resolve(m.file) : reject(new Error(m.error ?? "PDF rendering failed")),
    );
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`PDF renderer exited with ${code}`)));
    child.send({ bulletin, options });
  });
  try {
    return await fs.readFile(file);
  } finally {
    await fs.rm(file, { force: true });
  }
}
