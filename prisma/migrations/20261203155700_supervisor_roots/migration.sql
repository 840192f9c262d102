-- A supervisor's roots on a day (lib/dashboard/nodes.ts, supervisorRootCandidatesSql): the
-- closure spans that gave an enterprise a parent, by when they opened, and the supervisor spans
-- that have closed. Both are rare: moves and hand-overs.
CREATE INDEX "EnterpriseClosureSpan_nested_validFrom_idx" ON "EnterpriseClosureSpan" ("validFrom")
  WHERE "depth" > 0;
CREATE INDEX "EnterpriseSupervisorSpan_closed_supervisorId_idx" ON "EnterpriseSupervisorSpan" ("supervisorId")
  WHERE "validTo" IS NOT NULL;
