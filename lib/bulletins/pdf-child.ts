/**
 * A one-shot PDF renderer run by render-file.ts as `node --import tsx` without the react-server
 * condition: receives a bulletin over IPC, writes the PDF to a temporary file, answers its path.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Bulletin } from "./format";
import { renderBulletinPdf, type RenderOptions } from "./render-pdf";

process.once("message", ({ bulletin, options }: { bulletin: Bulletin; options: RenderOptions }) => {
  void (async () => {
    try {
      const file = path.join(os.tmpdir(), `bulletin-${process.pid}-${Date.now()}.pdf`);
      await fs.writeFile(file, await renderBulletinPdf(bulletin, options));
      process.send?.({ file }, () => process.exit(0));
    } catch (error) {
      process.send?.({ error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      );
    }
  })();
});
