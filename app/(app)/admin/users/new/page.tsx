import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UserForm } from "@/components/users/user-form";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { grantableSupervisors } from "@/lib/users/form-options";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("newTitle") };
}

/** An administrator creates a user within the supervisors they administer. */
export default async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, "user.manage")) return <ForbiddenPanel />;
  const [t, supervisors] = await Promise.all([
    getTranslations("users"),
    grantableSupervisors(actor),
  ]);
  return (
    <div className="space-y-5" data-testid="new-user-page">
      <PageHeader title={t("newTitle")} intro={t("newIntro")}>
        <Link href="/admin/users" className="text-sm text-brand-700 underline">
          {t("backToList")}
        </Link>
      </PageHeader>
      <Section id="new-user" title={t("edit.detailsHeading")}>
        <UserForm user={null} supervisors={supervisors} canGrantAll={actor.scopeAll} />
      </Section>
    </div>
  );
}
