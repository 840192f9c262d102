import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { watermarkFor } from "@/lib/watermark/for-actor";
import { buildBulletin } from "./build-bulletin";
import { bulletinFileName, bulletinRows } from "./format";
import { getBulletinJob, openBulletinJobFile, startBulletinJob } from "./jobs";
import { renderBulletinFile } from "./render-file";
import {
  BulletinJob,
  BulletinJobParams,
  BulletinQuery,
  MEDIA_TYPES,
  type BulletinFormat,
} from "./schemas";

const TAG = "Bulletins";

export const getBulletinEndpoint = endpoint(
  {
    method: "get",
    path: "/bulletins",
    tag: TAG,
    summary:
      "A bulletin (通报) of a node as of a day, as PDF or Excel. Small scopes answer the file; " +
      "large ones answer 202 with a job to poll (GET /bulletins/jobs/{id})",
    permission: "dashboard.read",
    query: BulletinQuery,
    invalidQuery: "validation_failed",
    response: z.unknown(),
    fileResponse: Object.values(MEDIA_TYPES),
    otherResponses: { 202: { description: "Rendering in the background", schema: BulletinJob } },
  },
  async ({ actor, query, locale }) => {
    const lang = query.lang ?? locale;
    const bulletin = await buildBulletin(actor, query, { locale: lang });
    if (!bulletin) throw new AppError("not_found");
    if (bulletinRows(bulletin) > serverEnv().BULLETIN_SYNC_MAX_ROWS) {
      const job = await startBulletinJob(actor, query, lang);
      return NextResponse.json(BulletinJob.parse(job), {
        status: 202,
        headers: { location: `/api/v1/bulletins/jobs/${job.id}`, "cache-control": "no-store" },
      });
    }
    const watermark = watermarkFor(actor) ?? undefined;
    const bytes = await renderBulletinFile(bulletin, query.format, { watermark });
    return fileResponse(bytes, bulletinFileName(bulletin, query.format), query.format);
  },
);

export const startBulletinJobEndpoint = endpoint(
  {
    method: "post",
    path: "/bulletins/jobs",
    tag: TAG,
    summary: "Render a bulletin in the background (whatever its size); poll the job for progress",
    permission: "dashboard.read",
    body: BulletinQuery,
    response: BulletinJob,
    successStatus: 202,
  },
  ({ actor, body, locale }) => startBulletinJob(actor, body, body.lang ?? locale),
);

export const getBulletinJobEndpoint = endpoint(
  {
    method: "get",
    path: "/bulletins/jobs/{id}",
    tag: TAG,
    summary: "A bulletin job of the caller: state, progress (0-100) and, when done, its file URL",
    permission: "dashboard.read",
    params: BulletinJobParams,
    response: BulletinJob,
  },
  ({ actor, params }) => getBulletinJob(actor, params.id),
);

export const downloadBulletinJobEndpoint = endpoint(
  {
    method: "get",
    path: "/bulletins/jobs/{id}/file",
    tag: TAG,
    summary: "Download a finished bulletin job's file (the caller's own, within its scope)",
    permission: "dashboard.read",
    params: BulletinJobParams,
    response: z.unknown(),
    fileResponse: Object.values(MEDIA_TYPES),
  },
  async ({ actor, params }) => {
    const file = await openBulletinJobFile(actor, params.id);
    return fileResponse(file.bytes, file.fileName, file.format);
  },
);

function fileResponse(bytes: Buffer, fileName: string, format: BulletinFormat): Response {
  // An ASCII fallback for old clients, the real (Chinese) name through RFC 6266's filename*.
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": MEDIA_TYPES[format],
      "content-length": String(bytes.byteLength),
      "content-disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
