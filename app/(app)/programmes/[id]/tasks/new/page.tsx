import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ProgrammeNav } from "@/components/catalogue/programme-nav";
import { TaskForm } from "@/components/catalogue/task-form";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { inlineLink } from "@/components/ui/styles";
import { requireActor } from "@/lib/auth/session";
import { getProgramme } from "@/lib/catalogue/queries";

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("catalogue.task");
  return { title: t("newTitle") };
}

/** A new task in a programme's catalogue (owners). */
export default async function NewTaskPage({ params }: Props) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const actor = await requireActor();
  const programme = await getProgramme(actor, id);
  if (!programme) notFound();
  if (!programme.canManage) return <ForbiddenPanel />;
  const t = await getTranslations("catalogue.task");
  return (
    <div className="space-y-5" data-testid="task-page">
      <PageHeader title={t("newTitle")} intro={programme.code}>
        <Link href={`/programmes/${programme.id}/catalogue`} className={inlineLink}>
          {t("backToCatalogue")}
        </Link>
      </PageHeader>
      <ProgrammeNav programmeId={programme.id} />
      <TaskForm programmeId={programme.id} categories={programme.categories} canManage />
    </div>
  );
}
