import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { formDefaults } from "@/components/enterprises/enterprise-form-values";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { asLocale } from "@/components/ui/formats";
import { PageHeader } from "@/components/ui/page-header";
import { managesSupervisor } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getEnterprise } from "@/lib/enterprises/queries";
import { IdParams } from "@/lib/enterprises/schemas";
import { listOwnedSupervisors, listSupervisors } from "@/lib/enterprises/supervisors";
import { localName } from "@/lib/i18n/config";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registry.form");
  return { title: t("edit") };
}

/** Edit an enterprise's attributes (a rename keeps the former name); owners of its supervisor only. */
export default async function EditEnterprisePage({ params }: Props) {
  const actor = await requireActor();
  const parsed = IdParams.safeParse({ id: (await params).id });
  const enterprise = parsed.success ? await getEnterprise(actor, parsed.data.id) : null;
  if (!enterprise) notFound();
  if (!managesSupervisor(actor, "catalogue.manage", enterprise.supervisor.id))
    return <ForbiddenPanel />;
  const [t, locale, supervisors, partySupervisors] = await Promise.all([
    getTranslations("registry.form"),
    getLocale().then(asLocale),
    listOwnedSupervisors(actor),
    listSupervisors(),
  ]);
  const e = enterprise;
  return (
    <div className="space-y-5">
      <PageHeader title={t("editTitle", { name: localName(e, locale) })} intro={t("editIntro")} />
      <EnterpriseForm
        mode="edit"
        enterpriseId={e.id}
        version={e.version}
        supervisors={supervisors}
        partySupervisors={partySupervisors}
        defaults={formDefaults(e)}
      />
    </div>
  );
}
