"use client";

import { useEffect, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { EntryFormValues } from "./entry-form-model";
import type { Upload } from "./evidence-uploader";

/**
 * The evidence files of a draft. The uploader owns the files; the form sends the ids of those
 * that finished. The list lives with the form so a failed submit (409/422) keeps it.
 */
export function useEvidenceUploads({ setValue, formState }: UseFormReturn<EntryFormValues>) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const uploadedIds = uploads
    .filter((u) => u.state === "done" && u.evidence)
    .map((u) => u.evidence!.id);
  const pending = uploads.some((u) => u.state === "uploading");
  const uploadedKey = uploadedIds.join(",");
  const isSubmitted = formState.isSubmitted;
  useEffect(() => {
    setValue("evidenceIds", uploadedKey ? uploadedKey.split(",") : [], {
      shouldValidate: isSubmitted,
      shouldDirty: true,
    });
  }, [uploadedKey, setValue, isSubmitted]);
  return { uploads, setUploads, pending, clear: () => setUploads([]) };
}
