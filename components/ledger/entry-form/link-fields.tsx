"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useFieldArray, useFormContext } from "react-hook-form";
import { field, FieldMessage } from "@/components/ui/form";
import type { EntryFormValues } from "./entry-form-model";
import { errorAt, type FieldIds } from "./field-errors";

/** Web links as evidence: rows of address and optional title, added and removed at will. */
export function LinkFields({ ids }: { ids: FieldIds }) {
  const t = useTranslations("ledger.form");
  const {
    register,
    control,
    formState: { errors },
  } = useFormContext<EntryFormValues>();
  const links = useFieldArray({ control, name: "links" });

  return (
    <fieldset className="space-y-2">
      <legend className={field.label}>{t("links")}</legend>
      {links.fields.map((link, index) => {
        const urlName = `links.${index}.url` as const;
        const titleName = `links.${index}.title` as const;
        const urlError = errorAt(errors, urlName);
        const titleError = errorAt(errors, titleName);
        return (
          <fieldset
            key={link.id}
            className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-[1fr_1fr_auto]"
            data-testid="link-row"
          >
            <legend className="sr-only">{t("linkLegend", { n: index + 1 })}</legend>
            <div>
              <label htmlFor={ids(urlName)} className="block text-xs font-medium text-slate-700">
                {t("linkUrl")}
              </label>
              <input
                id={ids(urlName)}
                type="url"
                inputMode="url"
                placeholder="https://"
                {...register(urlName)}
                aria-invalid={urlError ? true : undefined}
                aria-describedby={urlError ? ids(`${urlName}-error`) : undefined}
                className={clsx(field.input(Boolean(urlError)), "placeholder:text-slate-500")}
              />
              <FieldMessage id={ids(`${urlName}-error`)} message={urlError} />
            </div>
            <div>
              <label htmlFor={ids(titleName)} className="block text-xs font-medium text-slate-700">
                {t("linkTitle")}
              </label>
              <input
                id={ids(titleName)}
                type="text"
                {...register(titleName)}
                aria-invalid={titleError ? true : undefined}
                aria-describedby={titleError ? ids(`${titleName}-error`) : undefined}
                className={field.input(Boolean(titleError))}
              />
              <FieldMessage id={ids(`${titleName}-error`)} message={titleError} />
            </div>
            <div className="flex items-end">
              <button
                type="button"
                onClick={() => links.remove(index)}
                className="rounded px-2 py-2 text-sm text-slate-700 underline hover:text-red-800 focus-visible:outline-2 focus-visible:outline-brand-700"
              >
                {t("removeLink", { n: index + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        onClick={() => links.append({ url: "", title: "" })}
        className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700"
      >
        {t("addLink")}
      </button>
    </fieldset>
  );
}
