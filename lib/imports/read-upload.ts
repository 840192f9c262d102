import "server-only";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/messages";
import { IMPORT_MAX_BYTES } from "./schemas";

/** Room for the form's other fields and boundaries around the file. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * Reads a multipart upload, refusing it as soon as more than the limit has arrived (a declared
 * Content-Length over the limit is refused before reading anything), so a 50 MB file costs
 * 20 MB of memory at most and never reaches the parser.
 */
export async function readUpload(request: Request, locale: Locale): Promise<FormData> {
  const t = translator(locale);
  const tooLarge = () =>
    new AppError("validation_failed", undefined, {
      file: t("imports.fileErrors.tooLarge", { max: IMPORT_MAX_BYTES / 1024 / 1024 }),
    });
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("bad_request", "Expected multipart/form-data");
  const limit = IMPORT_MAX_BYTES + FORM_OVERHEAD;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) throw new AppError("bad_request", "Expected multipart/form-data");

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const form = await new Response(body, { headers: { "content-type": type } })
    .formData()
    .catch(() => {
      throw new AppError("bad_request", "Expected multipart/form-data");
    });
  const file = form.get("file");
  if (file instanceof File && file.size > IMPORT_MAX_BYTES) throw tooLarge();
  return form;
}
