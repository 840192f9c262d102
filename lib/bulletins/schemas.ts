import { z } from "zod";
import { DashboardQuery } from "@/lib/dashboard/schemas";
import { LOCALES } from "@/lib/i18n/config";

/**
 * Bulletins (通报): the dashboard of one node as of a day, as a PDF or Excel file for a promotion
 * meeting. Client-safe: the download control builds its addresses from these.
 */
export const BULLETIN_FORMATS = ["pdf", "xlsx"] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

export const BulletinQuery = DashboardQuery.safeExtend({
  format: z.enum(BULLETIN_FORMATS).default("pdf"),
  lang: z
    .enum(LOCALES)
    .optional()
    .meta({ description: "Language of the file. Default: the caller's interface language" }),
}).meta({ id: "BulletinQuery" });
export type BulletinQuery = z.output<typeof BulletinQuery>;
export type BulletinQueryInput = z.input<typeof BulletinQuery>;

export const BULLETIN_JOB_STATES = ["queued", "running", "done", "failed"] as const;

export const BulletinJob = z
  .object({
    id: z.uuid(),
    state: z.enum(BULLETIN_JOB_STATES),
    progress: z.number().int().min(0).max(100),
    format: z.enum(BULLETIN_FORMATS),
    fileName: z.string().nullable(),
    /** Where to fetch the file once `state` is "done" (same scope check as the bulletin). */
    downloadUrl: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "BulletinJob" });
export type BulletinJob = z.infer<typeof BulletinJob>;

export const BulletinJobParams = z.object({ id: z.uuid() });

export const MEDIA_TYPES: Record<BulletinFormat, string> = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The address of a bulletin for a dashboard query (the download control and the e2e test use it). */
export function bulletinUrl(query: BulletinQueryInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  return `/api/v1/bulletins?${params.toString()}`;
}
