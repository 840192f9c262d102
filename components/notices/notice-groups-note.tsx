"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { asLocale, bilingual } from "@/components/ui/formats";
import { noticeQueries } from "@/lib/notices/query-options";

/**
 * Before sending: how many notices issuing will create. A notice concerns one enterprise group,
 * so items of several groups make one notice per group, each with its own number.
 */
export function NoticeGroupsNote({ itemIds }: { itemIds: string[] }) {
  const t = useTranslations("notices.new");
  const locale = asLocale(useLocale());
  const groups = useQuery(noticeQueries.groups(itemIds));
  const list = itemIds.length ? groups.data?.groups : [];
  if (!list?.length) return null;
  return (
    <div
      className="rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950"
      role="status"
      data-testid="notice-groups"
      data-count={list.length}
    >
      <p>{t("groups", { count: list.length })}</p>
      {list.length > 1 && (
        <ul className="mt-1 list-disc pl-5">
          {list.map((g) => (
            <li key={g.id}>
              {bilingual(locale, g.nameZh, g.nameEn)} ({g.itemIds.length})
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
