import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditLink } from "@/components/audit/audit-link";
import { ProgrammeNav } from "@/components/catalogue/programme-nav";
import { TaskForm } from "@/components/catalogue/task-form";
import { PageHeader } from "@/components/ui/page-header";
import { inlineLink } from "@/components/ui/styles";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getProgramme, getTask } from "@/lib/catalogue/queries";

type Props = { params: Promise<{ id: string; taskId: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { taskId } = await params;
  const actor = await requireActor();
  const task = UUID.test(taskId) ? await getTask(actor, taskId) : null;
  if (!task) return { title: (await getTranslations("notFound"))("title") };
  return { title: (await getTranslations("catalogue.task"))("editTitle", { code: task.code }) };
}

/** One task of the catalogue with its indicators: owners edit it, everyone else reads it. */
export default async function TaskPage({ params }: Props) {
  const { id, taskId } = await params;
  if (!UUID.test(id) || !UUID.test(taskId)) notFound();
  const actor = await requireActor();
  const [programme, task] = await Promise.all([getProgramme(actor, id), getTask(actor, taskId)]);
  if (!programme || !task || task.programmeId !== programme.id) notFound();
  const t = await getTranslations("catalogue.task");
  return (
    <div className="space-y-5" data-testid="task-page" data-task-id={task.id}>
      <PageHeader title={t("editTitle", { code: task.code })} intro={programme.code}>
        <div className="flex items-center gap-3">
          <Link href={`/programmes/${programme.id}/catalogue`} className={inlineLink}>
            {t("backToCatalogue")}
          </Link>
          {can(actor, "audit.read") && <AuditLink entityType="Task" entityId={task.id} />}
        </div>
      </PageHeader>
      <ProgrammeNav programmeId={programme.id} />
      <TaskForm
        programmeId={programme.id}
        categories={programme.categories}
        task={task}
        canManage={programme.canManage}
      />
    </div>
  );
}
