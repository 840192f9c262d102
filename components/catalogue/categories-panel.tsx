"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "react-aria-components";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice, field, useErrorText } from "@/components/ui/form";
import { asLocale } from "@/components/ui/formats";
import { table } from "@/components/ui/section";
import { afterCatalogueWrite, deleteCategory } from "@/lib/catalogue/query-options";
import type { CategoryDto } from "@/lib/catalogue/schemas";
import { localName } from "@/lib/i18n/config";
import { CategoryDialog } from "./category-dialog";

/** The programme's categories with their task and ledger item counts; owners edit and delete. */
export function CategoriesPanel({
  programmeId,
  categories,
  canManage,
}: {
  programmeId: string;
  categories: CategoryDto[];
  canManage: boolean;
}) {
  const t = useTranslations("catalogue.catalogue");
  const locale = asLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [deleted, setDeleted] = useState(false);
  const nextOrder = Math.max(0, ...categories.map((c) => c.sortOrder)) + 1;
  return (
    <div className="space-y-3">
      {canManage && <CategoryDialog programmeId={programmeId} nextOrder={nextOrder} />}
      {deleted && <Notice tone="success">{t("deleted")}</Notice>}
      {categories.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noCategories")}</p>
      ) : (
        <div className={table.wrapper}>
          <table className={table.table} data-testid="categories-table">
            <caption className="sr-only">{t("categories")}</caption>
            <thead>
              <tr>
                <th scope="col" className={table.th}>
                  {t("col.code")}
                </th>
                <th scope="col" className={table.th}>
                  {t("categories")}
                </th>
                <th scope="col" className={table.thNum}>
                  {t("sortOrder")}
                </th>
                <th scope="col" className={table.thNum}>
                  {t("col.tasks")}
                </th>
                <th scope="col" className={table.thNum}>
                  {t("col.items")}
                </th>
                {canManage && (
                  <th scope="col" className={table.th}>
                    {t("col.actions")}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {categories.map((c) => (
                <tr key={c.id} className={table.tr} data-testid="category-row" data-code={c.code}>
                  <td className={table.td}>{c.code}</td>
                  <th scope="row" className={`${table.td} text-left font-medium`}>
                    {localName(c, locale)}
                  </th>
                  <td className={table.tdNum}>{c.sortOrder}</td>
                  <td className={table.tdNum}>{c.tasks}</td>
                  <td className={table.tdNum}>{c.ledgerItems}</td>
                  {canManage && (
                    <td className={table.td}>
                      <div className="flex flex-wrap gap-2">
                        <CategoryDialog programmeId={programmeId} category={c} />
                        <ConfirmDialog
                          title={t("deleteCategoryTitle")}
                          message={t("deleteCategoryMessage", { name: localName(c, locale) })}
                          tone="danger"
                          confirmLabel={t("delete")}
                          errorMessage={errorText}
                          onConfirm={async () => {
                            setDeleted(false);
                            await deleteCategory(c.id);
                            setDeleted(true);
                            afterCatalogueWrite(queryClient);
                            router.refresh();
                          }}
                          trigger={
                            <Button
                              className={field.danger}
                              aria-label={`${t("delete")} ${c.code}`}
                            >
                              {t("delete")}
                            </Button>
                          }
                        />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
