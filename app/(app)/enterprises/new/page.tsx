import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { EnterpriseForm } from "@/components/enterprises/enterprise-form";
import { formDefaults } from "@/components/enterprises/enterprise-form-values";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { asLocale } from "@/components/ui/formats";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { getEnterprise } from "@/lib/enterprises/queries";
import { IdParams } from "@/lib/enterprises/schemas";
import { listOwnedSupervisors, listSupervisors } from "@/lib/enterprises/supervisors";
import { localName } from "@/lib/i18n/config";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("registry.form");
  return { title: t("newTitle") };
}

/** Register an enterprise; `?parentId=` starts it as a subsidiary of that enterprise. */
export default async function NewEnterprisePage({
  searchParams,
}: {
  searchParams: Promise<{ parentId?: string | string[] }>;
}) {
  const actor = await requireActor();
  const supervisors = can(actor, "catalogue.manage") ? await listOwnedSupervisors(actor) : [];
  if (!supervisors.length) return <ForbiddenPanel />;
  const [t, locale, partySupervisors] = await Promise.all([
    getTranslations("registry.form"),
    getLocale().then(asLocale),
    listSupervisors(),
  ]);
  const raw = (await searchParams).parentId;
  const parsed = IdParams.safeParse({ id: Array.isArray(raw) ? raw[0] : raw });
  const parent = parsed.success ? await getEnterprise(actor, parsed.data.id) : null;

  return (
    <div className="space-y-5">
      <PageHeader title={t("newTitle")} intro={t("newIntro")} />
      <EnterpriseForm
        mode="create"
        supervisors={supervisors}
        partySupervisors={partySupervisors}
        parentLabel={parent ? localName(parent, locale) : null}
        defaults={formDefaults(null, { parent, supervisorId: supervisors[0]?.id })}
      />
    </div>
  );
}
