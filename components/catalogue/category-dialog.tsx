"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "react-aria-components";
import { FormProvider, useForm } from "react-hook-form";
import { Dialog } from "@/components/ui/dialog";
import { Notice, field } from "@/components/ui/form";
import { afterCatalogueWrite, createCategory, updateCategory } from "@/lib/catalogue/query-options";
import { categoryFieldsSchema, type CategoryDto } from "@/lib/catalogue/schemas";
import { NumberField, TextField } from "./fields";
import { useCatalogueResolver, useServerErrors } from "./use-catalogue-form";

type Values = { code: string; nameZh: string; nameEn: string; sortOrder: number };
const same = (v: Values) => v;

/** New category, or edit one (`category` given), in a dialog opened by its own button. */
export function CategoryDialog({
  programmeId,
  category,
  nextOrder = 1,
}: {
  programmeId: string;
  category?: CategoryDto;
  nextOrder?: number;
}) {
  const t = useTranslations("catalogue.catalogue");
  const title = category ? t("editCategory") : t("newCategory");
  return (
    <Dialog
      title={title}
      testId="category-dialog"
      trigger={
        <Button
          className={category ? field.secondary : field.primary}
          data-testid={category ? "edit-category" : "new-category"}
          aria-label={category ? `${t("edit")} ${category.code}` : undefined}
        >
          {category ? t("edit") : t("newCategory")}
        </Button>
      }
    >
      {(close) => (
        <CategoryForm
          programmeId={programmeId}
          category={category}
          nextOrder={nextOrder}
          onDone={close}
        />
      )}
    </Dialog>
  );
}

function CategoryForm({
  programmeId,
  category,
  nextOrder,
  onDone,
}: {
  programmeId: string;
  category?: CategoryDto;
  nextOrder: number;
  onDone: () => void;
}) {
  const t = useTranslations("catalogue");
  const router = useRouter();
  const queryClient = useQueryClient();
  const resolver = useCatalogueResolver<Values>(categoryFieldsSchema, same);
  const form = useForm<Values>({
    resolver,
    defaultValues: category
      ? {
          code: category.code,
          nameZh: category.nameZh,
          nameEn: category.nameEn,
          sortOrder: category.sortOrder,
        }
      : { code: "", nameZh: "", nameEn: "", sortOrder: nextOrder },
  });
  const errors = useServerErrors(form);
  const onSubmit = form.handleSubmit(async (values) => {
    errors.clear();
    try {
      if (category) await updateCategory(category.id, values);
      else await createCategory({ ...values, programmeId });
      afterCatalogueWrite(queryClient);
      router.refresh();
      onDone();
    } catch (error) {
      errors.handle(error);
    }
  });
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className="space-y-4" data-testid="category-form">
        {errors.formError && <Notice tone="error">{errors.formError}</Notice>}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField<Values> name="code" label={t("form.code")} required testId="category-code" />
          <NumberField<Values>
            name="sortOrder"
            label={t("catalogue.sortOrder")}
            step="1"
            required
          />
          <TextField<Values>
            name="nameZh"
            label={t("form.nameZh")}
            required
            testId="category-nameZh"
          />
          <TextField<Values>
            name="nameEn"
            label={t("form.nameEn")}
            required
            testId="category-nameEn"
          />
        </div>
        <div className="flex justify-end gap-2">
          <button type="button" className={field.secondary} onClick={onDone}>
            {t("form.cancel")}
          </button>
          <button
            type="submit"
            className={field.primary}
            disabled={form.formState.isSubmitting}
            data-testid="category-submit"
          >
            {form.formState.isSubmitting ? t("form.saving") : t("form.save")}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
