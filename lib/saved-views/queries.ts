import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { getDb } from "@/lib/db/client";
import type { SavedViewDto } from "./schemas";

export const savedViewSelect = { id: true, name: true, query: true, createdAt: true } as const;

export function toSavedView(v: { id: string; name: string; query: string; createdAt: Date }) {
  return { ...v, createdAt: v.createdAt.toISOString() } satisfies SavedViewDto;
}

/** The caller's own saved views, by name: nobody else's are ever listed. */
export async function listSavedViews(actor: Actor): Promise<SavedViewDto[]> {
  const rows = await getDb().savedView.findMany({
    where: { userId: actor.id },
    select: savedViewSelect,
    orderBy: [{ name: "asc" }],
  });
  return rows.map(toSavedView);
}
