import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { AssignForm } from "@/components/assignments/assign-form";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { asLocale } from "@/components/ui/formats";
import { PageHeader } from "@/components/ui/page-header";
import { inlineLink } from "@/components/ui/styles";
import { getProgrammeCatalogue, selectionOptions } from "@/lib/assignments/programme";
import { IdParams } from "@/lib/assignments/schemas";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { localName } from "@/lib/i18n/config";
import { isoDay } from "@/lib/time";

type Props = { params: Promise<{ id: string }> };

/** The programme with its catalogue, or null for a malformed id, a missing one or one out of view. */
const load = cache(async (rawId: string) => {
  const actor = await requireActor();
  const parsed = IdParams.safeParse({ id: rawId });
  return parsed.success ? getProgrammeCatalogue(actor, parsed.data.id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const programme = await load((await params).id);
  const t = await getTranslations("assignments.assign");
  if (!programme) return { title: (await getTranslations("notFound"))("title") };
  return { title: `${t("title")} · ${programme.code}` };
}

/** Assign tasks of a programme's catalogue to enterprises in bulk (分解下达); administrators. */
export default async function AssignPage({ params }: Props) {
  const actor = await requireActor();
  const programme = await load((await params).id);
  if (!programme) notFound();
  if (!can(actor, "catalogue.manage")) return <ForbiddenPanel />;
  const [t, locale, options] = await Promise.all([
    getTranslations("assignments.assign"),
    getLocale().then(asLocale),
    selectionOptions(actor, { owned: true }),
  ]);
  return (
    <div className="space-y-5" data-testid="assign-page" data-programme-id={programme.id}>
      <PageHeader
        title={t("heading", { programme: localName(programme, locale) })}
        intro={t("intro")}
      >
        <Link href={`/programmes/${programme.id}/matrix`} className={inlineLink}>
          {t("openMatrix")}
        </Link>
      </PageHeader>
      <AssignForm
        programmeId={programme.id}
        categories={programme.categories}
        tasks={programme.tasks.map((task) => ({
          ...task,
          defaultDueDate: task.defaultDueDate ? isoDay(task.defaultDueDate) : null,
        }))}
        options={options}
        canAudit={can(actor, "audit.read")}
      />
    </div>
  );
}
