import "server-only";
import { AppError } from "@/lib/errors";
import { EVIDENCE_MAX_BYTES } from "./schemas";

/** Room for the form's boundaries and part headers around the file. */
const FORM_OVERHEAD = 16 * 1024;

/** The body passed the size limit: the endpoint answers 413. */
export class UploadTooLarge extends Error {
  constructor() {
    super("upload too large");
  }
}

/**
 * Reads the multipart body of an evidence upload, counting bytes as they arrive: a declared
 * Content-Length over the limit is refused before reading anything, and a body that passes the
 * limit while streaming (chunked, or a lying Content-Length) is cancelled at that moment, so at
 * most the limit is ever held in memory.
 */
export async function readEvidenceUpload(request: Request): Promise<File | null> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data"))
    throw new AppError("bad_request", "Expected multipart/form-data");
  const limit = EVIDENCE_MAX_BYTES + FORM_OVERHEAD;
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw new UploadTooLarge();
  if (!request.body) throw new AppError("bad_request", "Expected multipart/form-data");

  let size = 0;
  let tooLarge = false;
  const counted = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit) {
          tooLarge = true;
          controller.error(new UploadTooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { "content-type": type } }).formData();
  } catch {
    if (tooLarge) throw new UploadTooLarge();
    throw new AppError("bad_request", "Expected multipart/form-data");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return null;
  if (file.size > EVIDENCE_MAX_BYTES) throw new UploadTooLarge();
  return file;
}
