import "server-only";
import { getDb } from "@/lib/db/client";

/** The programmes a workbook can belong to, newest first, for the import page's picker. */
export function importProgrammes() {
  return getDb().programme.findMany({
    select: { id: true, code: true, nameZh: true, nameEn: true },
    orderBy: [{ startDate: "desc" }, { code: "asc" }],
  });
}
