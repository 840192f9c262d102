"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { AuditLink } from "@/components/audit/audit-link";
import { Notice } from "@/components/ui/form";
import { inlineLink } from "@/components/ui/styles";
import { matrixSearch } from "@/lib/assignments/query-options";
import type { AssignResult } from "@/lib/assignments/schemas";

/** What an assignment did: items created, skipped and updated, per task, with where to look next. */
export function AssignResultPanel({
  result,
  programmeId,
  canAudit,
}: {
  result: AssignResult;
  programmeId: string;
  canAudit: boolean;
}) {
  const t = useTranslations("assignments.result");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  const matrixHref = `/programmes/${programmeId}/matrix?${matrixSearch({
    taskIds: result.tasks.map((task) => task.taskId),
  }).toString()}`;
  return (
    <Notice tone="success" testId="assign-result">
      <p data-testid="assign-result-summary" data-created={result.created}>
        {t("summary", {
          created: n(result.created),
          enterprises: n(result.enterprisesWithNew),
          existing: n(result.existing),
        })}
      </p>
      {result.updated > 0 && <p>{t("updated", { updated: n(result.updated) })}</p>}
      {result.tasks.length > 1 && (
        <ul className="mt-1 list-disc pl-5">
          {result.tasks.map((task) => (
            <li key={task.taskId}>
              {t("perTask", {
                code: task.code,
                created: n(task.created),
                existing: n(task.existing),
              })}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 flex flex-wrap gap-4">
        <Link href={matrixHref} className={inlineLink} data-testid="assign-result-matrix">
          {t("openMatrix")}
        </Link>
        <Link href={`/ledger?programmeId=${programmeId}`} className={inlineLink}>
          {t("openLedger")}
        </Link>
        {canAudit && result.assignmentId && (
          <AuditLink entityType="Assignment" entityId={result.assignmentId} />
        )}
      </p>
    </Notice>
  );
}
