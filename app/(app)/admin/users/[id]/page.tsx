import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { AuditLink } from "@/components/audit/audit-link";
import { ResetPasswordForm } from "@/components/users/reset-password-form";
import { UserForm } from "@/components/users/user-form";
import { UserStatusPanel } from "@/components/users/user-status-panel";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { grantableSupervisors } from "@/lib/users/form-options";
import { getUser } from "@/lib/users/queries";
import { UserParams } from "@/lib/users/schemas";

type Props = { params: Promise<{ id: string }> };

/** The user if the actor manages them; a malformed id, a missing or an unmanaged user: null. */
const load = cache(async (rawId: string) => {
  const actor = await requireActor();
  const parsed = UserParams.safeParse({ id: rawId });
  const user =
    parsed.success && can(actor, "user.manage") ? await getUser(actor, parsed.data.id) : null;
  return { actor, user };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { user } = await load((await params).id);
  if (!user) return { title: (await getTranslations("notFound"))("title") };
  return { title: (await getTranslations("users"))("edit.title", { name: user.displayName }) };
}

/** One managed user: details and grants, status, password reset, tokens and journal. */
export default async function UserPage({ params }: Props) {
  const { actor, user } = await load((await params).id);
  if (!can(actor, "user.manage")) return <ForbiddenPanel />;
  if (!user) notFound();
  const [t, supervisors] = await Promise.all([
    getTranslations("users"),
    grantableSupervisors(actor),
  ]);
  const isSelf = user.id === actor.id;
  return (
    <div className="space-y-5" data-testid="user-page" data-user-id={user.id}>
      <PageHeader title={t("edit.title", { name: user.displayName })} intro={user.username}>
        <div className="flex flex-wrap gap-4">
          <Link href="/admin/users" className="text-sm text-brand-700 underline">
            {t("backToList")}
          </Link>
          <Link
            href={`/admin/tokens?userId=${user.id}`}
            className="text-sm text-brand-700 underline"
          >
            {t("tokensOfUser")}
          </Link>
          {can(actor, "audit.read") && <AuditLink entityType="User" entityId={user.id} />}
        </div>
      </PageHeader>
      <Section id="user-details" title={t("edit.detailsHeading")}>
        <UserForm user={user} supervisors={supervisors} canGrantAll={actor.scopeAll} />
      </Section>
      <div className="grid gap-5 lg:grid-cols-2">
        <Section id="user-status" title={t("edit.statusHeading")}>
          <UserStatusPanel user={user} isSelf={isSelf} />
        </Section>
        {!isSelf && (
          <Section id="user-reset" title={t("reset.heading")}>
            <ResetPasswordForm userId={user.id} />
          </Section>
        )}
      </div>
    </div>
  );
}
