import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { asLocale } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { scopeText } from "@/lib/users/scope-text";
import type { UserDto } from "@/lib/users/schemas";

/** The managed users: name, role, scope, status; each name opens the user. */
export async function UsersTable({ users }: { users: UserDto[] }) {
  const [t, tRoles, locale] = await Promise.all([
    getTranslations("users"),
    getTranslations("roles"),
    getLocale().then(asLocale),
  ]);
  if (users.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <div className={table.wrapper}>
      <table className={table.table} data-testid="users-table">
        <thead>
          <tr>
            <th scope="col" className={table.th}>
              {t("username")}
            </th>
            <th scope="col" className={table.th}>
              {t("displayName")}
            </th>
            <th scope="col" className={table.th}>
              {t("role")}
            </th>
            <th scope="col" className={table.th}>
              {t("scope")}
            </th>
            <th scope="col" className={table.th}>
              {t("status")}
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className={table.tr} data-testid="user-row" data-username={u.username}>
              <td className={table.td}>
                <Link href={`/admin/users/${u.id}`} className={table.link}>
                  {u.username}
                </Link>
              </td>
              <td className={table.td}>{u.displayName}</td>
              <td className={table.td}>{tRoles(u.role)}</td>
              <td className={table.td}>{scopeText(u, locale, t("scopeAll"), t("noScope"))}</td>
              <td className={table.td}>
                <span className="flex flex-wrap gap-1">
                  {u.active ? (
                    <Badge tone="success">{t("active")}</Badge>
                  ) : (
                    <Badge tone="neutral">{t("inactive")}</Badge>
                  )}
                  {u.locked && <Badge tone="warning">{t("locked")}</Badge>}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
