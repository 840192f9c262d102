import { getLocale, getTranslations } from "next-intl/server";
import { asLocale } from "@/components/ui/formats";
import { scopeText } from "@/lib/users/scope-text";
import type { UserDto } from "@/lib/users/schemas";

/** The signed-in user's own details: name, role, scope, language. */
export async function ProfileList({ user }: { user: UserDto }) {
  const [t, tRoles, tLocale, locale] = await Promise.all([
    getTranslations("account"),
    getTranslations("roles"),
    getTranslations("locale"),
    getLocale().then(asLocale),
  ]);
  const rows: [string, string][] = [
    [t("displayName"), user.displayName],
    [t("username"), user.username],
    [t("role"), tRoles(user.role)],
    [t("scope"), scopeText(user, locale, t("scopeAll"), t("noScope"))],
    [t("language"), tLocale(user.locale)],
    ...(user.email ? [[t("email"), user.email] as [string, string]] : []),
  ];
  return (
    <dl
      className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]"
      data-testid="profile"
    >
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{label}</dt>
          <dd className="text-slate-900">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
