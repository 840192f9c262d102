import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { listAudit } from "./queries";
import { AuditPage, AuditQuery } from "./schemas";

export const listAuditEndpoint = endpoint(
  {
    method: "get",
    path: "/audit",
    tag: "Audit",
    summary:
      "The audit journal, newest first, 50 a page (keyset: pass nextCursor), filtered by object " +
      "type and id, actor and China days. National administrators read every record; others " +
      "those of the users they manage and of the objects in their scope (administrators)",
    permission: "audit.read",
    query: AuditQuery,
    response: AuditPage,
  },
  ({ actor, query }) => listAudit(actor, query),
);
