import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CreateTokenForm } from "@/components/tokens/create-token-form";
import { TokensTable } from "@/components/tokens/tokens-table";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { can } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { addDays, chinaDay, isoDay } from "@/lib/time";
import { getUser } from "@/lib/users/queries";
import { listTokens } from "@/lib/users/token-queries";
import { TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, TokenListQuery } from "@/lib/users/token-schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("tokens");
  return { title: t("title") };
}

/** API tokens of the users this administrator manages (and their own); create and revoke. */
export default async function AdminTokensPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, "user.manage")) return <ForbiddenPanel />;
  const raw = await searchParams;
  const parsed = TokenListQuery.safeParse({
    userId: typeof raw.userId === "string" ? raw.userId : undefined,
    cursor: typeof raw.cursor === "string" ? raw.cursor : undefined,
  });
  const query = parsed.success ? parsed.data : TokenListQuery.parse({});
  const forUser = query.userId ? await getUser(actor, query.userId) : null;
  if (query.userId && !forUser) notFound();
  const [t, tokens] = await Promise.all([getTranslations("tokens"), listTokens(actor, query)]);
  const today = chinaDay();
  const more = new URLSearchParams();
  if (forUser) more.set("userId", forUser.id);
  if (tokens.nextCursor) more.set("cursor", tokens.nextCursor);
  return (
    <div className="space-y-5" data-testid="tokens-page">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Section id="create-token" title={t("createHeading")}>
        <CreateTokenForm
          pickUser
          initialUser={
            forUser
              ? { id: forUser.id, label: forUser.displayName, description: forUser.username }
              : { id: actor.id, label: actor.displayName, description: actor.username }
          }
          minExpiresOn={isoDay(today)}
          defaultExpiresOn={isoDay(addDays(today, TOKEN_DEFAULT_DAYS))}
          maxExpiresOn={isoDay(addDays(today, TOKEN_MAX_DAYS))}
        />
      </Section>
      <Section
        id="tokens"
        title={forUser ? `${t("listHeading")}: ${forUser.displayName}` : t("listHeading")}
      >
        <TokensTable tokens={tokens.items} showUser />
        {tokens.nextCursor && (
          <Link
            href={`/admin/tokens?${more.toString()}`}
            className="mt-3 inline-block text-sm text-brand-700 underline"
          >
            {t("more")}
          </Link>
        )}
      </Section>
    </div>
  );
}
