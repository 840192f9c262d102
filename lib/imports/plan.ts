import "server-only";
import type { Actor } from "@/lib/auth/policy";
import type { Db, DbTx } from "@/lib/db/client";
import type { AuditBatch } from "./audit-batch";
import type { ParsedSheet } from "./parse-sheets";
import type { Problems } from "./problems";

export type SheetCount = { id: string; created: number; updated: number; unchanged: number };

export type CheckContext = {
  db: Db;
  actor: Actor;
  /** The programme of a catalogue or ledger workbook (checked for the actor beforehand). */
  programme: { id: string; supervisorId: string } | null;
  sheets: Map<string, ParsedSheet>;
  problems: Problems;
};

export type ApplyContext = {
  actor: Actor;
  at: Date;
  requestId?: string;
  audit: AuditBatch;
  /** Rows applied so far (for a job's progress bar). */
  progress(rows: number): Promise<void>;
};

/** What an import would change, per sheet, and how to change it (run only without problems). */
export type Plan = {
  counts: SheetCount[];
  apply(tx: DbTx, ctx: ApplyContext): Promise<void>;
};

export const count = (id: string): SheetCount => ({ id, created: 0, updated: 0, unchanged: 0 });
