import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditLink } from "@/components/audit/audit-link";
import { CategoriesPanel } from "@/components/catalogue/categories-panel";
import { ProgrammeNav } from "@/components/catalogue/programme-nav";
import { TasksTable } from "@/components/catalogue/tasks-table";
import { asLocale } from "@/components/ui/formats";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { field } from "@/components/ui/styles";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getProgramme, listTasks } from "@/lib/catalogue/queries";
import { localName } from "@/lib/i18n/config";

type Props = { params: Promise<{ id: string }> };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const actor = await requireActor();
  const programme = UUID.test(id) ? await getProgramme(actor, id) : null;
  if (!programme) return { title: (await getTranslations("notFound"))("title") };
  const t = await getTranslations("catalogue.catalogue");
  return { title: t("title", { name: localName(programme, asLocale(await getLocale())) }) };
}

/** A programme's catalogue: its categories, and its tasks with search. */
export default async function CataloguePage({ params }: Props) {
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const actor = await requireActor();
  const programme = await getProgramme(actor, id);
  if (!programme) notFound();
  const [t, tasks, locale] = await Promise.all([
    getTranslations("catalogue"),
    listTasks(actor, { programmeId: programme.id }),
    getLocale(),
  ]);
  return (
    <div className="space-y-5" data-testid="catalogue-page" data-programme-id={programme.id}>
      <PageHeader
        title={t("catalogue.title", { name: localName(programme, asLocale(locale)) })}
        intro={programme.code}
      >
        {can(actor, "audit.read") && <AuditLink entityType="Programme" entityId={programme.id} />}
      </PageHeader>
      <ProgrammeNav programmeId={programme.id} />
      {!programme.canManage && <p className="text-sm text-slate-700">{t("readOnly")}</p>}
      <Section
        id="categories"
        title={t("catalogue.categories")}
        description={t("catalogue.categoriesIntro")}
      >
        <CategoriesPanel
          programmeId={programme.id}
          categories={programme.categories}
          canManage={programme.canManage}
        />
      </Section>
      <Section
        id="tasks"
        title={t("catalogue.tasks")}
        actions={
          programme.canManage && programme.categories.length > 0 ? (
            <Link
              href={`/programmes/${programme.id}/tasks/new`}
              className={field.primary}
              data-testid="new-task"
            >
              {t("catalogue.newTask")}
            </Link>
          ) : undefined
        }
      >
        <TasksTable
          programmeId={programme.id}
          categories={programme.categories}
          initial={tasks.items}
        />
      </Section>
    </div>
  );
}
