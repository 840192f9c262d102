import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UsersTable } from "@/components/users/users-table";
import { ForbiddenPanel } from "@/components/ui/forbidden-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { field } from "@/components/ui/styles";
import { can, ROLES } from "@/lib/auth/policy";
import { requireActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/users/queries";
import { UserListQuery } from "@/lib/users/schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("users");
  return { title: t("title") };
}

/** The users this administrator manages, searchable, a page of 50 at a time. */
export default async function UsersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  if (!can(actor, "user.manage")) return <ForbiddenPanel />;
  const raw = await searchParams;
  const pick = (key: string) => (typeof raw[key] === "string" && raw[key] ? raw[key] : undefined);
  const parsed = UserListQuery.safeParse({
    q: pick("q"),
    role: pick("role"),
    active: pick("active"),
    cursor: pick("cursor"),
  });
  const query = parsed.success ? parsed.data : UserListQuery.parse({});
  const [t, tRoles, users] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    listUsers(actor, query),
  ]);
  const next = new URLSearchParams();
  for (const key of ["q", "role", "active"] as const) if (query[key]) next.set(key, query[key]);
  const firstHref = `/admin/users${next.size ? `?${next.toString()}` : ""}`;
  if (users.nextCursor) next.set("cursor", users.nextCursor);

  return (
    <div className="space-y-5" data-testid="users-page">
      <PageHeader title={t("title")} intro={t("intro")}>
        <Link href="/admin/users/new" className={field.primary} data-testid="new-user">
          {t("newUser")}
        </Link>
      </PageHeader>
      <Section id="users" title={t("listHeading")}>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          <div>
            <label htmlFor="users-q" className={field.label}>
              {t("search")}
            </label>
            <input
              id="users-q"
              name="q"
              type="search"
              defaultValue={query.q ?? ""}
              placeholder={t("searchPlaceholder")}
              className={field.input(false)}
            />
          </div>
          <div>
            <label htmlFor="users-role" className={field.label}>
              {t("role")}
            </label>
            <select
              id="users-role"
              name="role"
              defaultValue={query.role ?? ""}
              className={field.input(false)}
            >
              <option value="">{t("allRoles")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="users-active" className={field.label}>
              {t("status")}
            </label>
            <select
              id="users-active"
              name="active"
              defaultValue={query.active ?? ""}
              className={field.input(false)}
            >
              <option value="">{t("allStatuses")}</option>
              <option value="true">{t("active")}</option>
              <option value="false">{t("inactive")}</option>
            </select>
          </div>
          <button type="submit" className={field.secondary}>
            {t("filter")}
          </button>
        </form>
        <UsersTable users={users.items} />
        <nav className="mt-3 flex gap-3 text-sm" aria-label={t("listHeading")}>
          {query.cursor && (
            <Link href={firstHref} className="text-brand-700 underline">
              {t("firstPage")}
            </Link>
          )}
          {users.nextCursor && (
            <Link
              href={`/admin/users?${next.toString()}`}
              className="text-brand-700 underline"
              data-testid="users-next"
            >
              {t("nextPage")}
            </Link>
          )}
        </nav>
      </Section>
    </div>
  );
}
