import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { ProfileList } from "@/components/account/profile-list";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/lib/auth/session";
import { addDays, chinaDay, isoDay } from "@/lib/time";
import { getOwnProfile } from "@/lib/users/queries";
import { listTokens } from "@/lib/users/token-queries";
import { SELF_TOKEN_ROLES, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from "@/lib/users/token-schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** Every signed-in user's own page: profile, password, and their API tokens where allowed. */
export default async function AccountPage() {
  const actor = await requireActor();
  const [t, user, tokens] = await Promise.all([
    getTranslations("account"),
    getOwnProfile(actor),
    listTokens(actor, { mine: "true" }),
  ]);
  if (!user) notFound();
  const mayCreate = SELF_TOKEN_ROLES.includes(actor.role);
  const today = chinaDay();
  return (
    <div className="space-y-5" data-testid="account-page">
      <PageHeader title={t("title")} />
      <div className="grid gap-5 lg:grid-cols-2">
        <Section id="profile" title={t("profileHeading")}>
          <ProfileList user={user} />
        </Section>
        <Section id="password" title={t("passwordHeading")}>
          <ChangePasswordForm />
        </Section>
      </div>
      {(mayCreate || tokens.items.length > 0) && (
        <Section id="my-tokens" title={t("tokensHeading")} description={t("tokensIntro")}>
          <div className="space-y-5">
            {mayCreate && (
              <CreateTokenForm
                minExpiresOn={isoDay(today)}
                defaultExpiresOn={isoDay(addDays(today, TOKEN_DEFAULT_DAYS))}
                maxExpiresOn={isoDay(addDays(today, TOKEN_MAX_DAYS))}
              />
            )}
            <TokensTable tokens={tokens.items} showUser={false} />
          </div>
        </Section>
      )}
    </div>
  );
}
