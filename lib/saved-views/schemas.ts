import { z } from "zod";

/** A user's named ledger view: the query string of /ledger (client-safe). */
export const SavedViewDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: z.string().meta({ description: "The /ledger query string, without the leading ?" }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "SavedView" });
export type SavedViewDto = z.infer<typeof SavedViewDto>;

export const SavedViewList = z
  .object({ items: z.array(SavedViewDto) })
  .meta({ id: "SavedViewList" });

export const SaveViewInput = z
  .object({
    name: z.string().trim().min(1).max(60),
    query: z.string().trim().max(2000),
  })
  .meta({ id: "SaveViewInput" });
export type SaveViewInput = z.input<typeof SaveViewInput>;

export const SavedViewParams = z.object({ id: z.uuid() });
