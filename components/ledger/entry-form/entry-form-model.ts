import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { toNestErrors } from "@hookform/resolvers";
import type { z } from "zod";
import {
  issueMessage as validationMessage,
  type ValidationTranslate,
} from "@/lib/i18n/issue-message";
import {
  ClaimCompletionInput,
  RecordProgressInput,
  type EntryDto,
  type IndicatorDto,
} from "@/lib/ledger/schemas";

/**
 * The entry form's model: what the inputs hold (strings, one slot per task indicator), how it
 * becomes the API's body, and how the API's field paths ("indicatorValues.0.value") map back to
 * the inputs. The same zod schemas as the API validate it in the browser.
 */
export type EntryMode = "progress" | "claim";

export type EntryFormValues = {
  period: string;
  /** The narrative of a progress entry, or the statement of a completion claim. */
  narrative: string;
  percentDone: string;
  status: "NOT_STARTED" | "IN_PROGRESS";
  indicators: { indicatorId: string; value: string }[];
  links: { url: string; title: string }[];
  /** Uploaded evidence files (kept in step with the uploader). */
  evidenceIds: string[];
};

export type FieldName =
  | "period"
  | "narrative"
  | "percentDone"
  | "status"
  | "evidenceIds"
  | `indicators.${number}.value`
  | `links.${number}.url`
  | `links.${number}.title`;

export function emptyValues(
  indicators: IndicatorDto[],
  period: string,
  percentDone: number,
  status: string,
): EntryFormValues {
  return {
    period,
    narrative: "",
    percentDone: String(percentDone),
    status: status === "NOT_STARTED" ? "NOT_STARTED" : "IN_PROGRESS",
    indicators: indicators.map((i) => ({ indicatorId: i.id, value: "" })),
    links: [],
    evidenceIds: [],
  };
}

/** An earlier entry as the starting point of its correction (its files stay with it). */
export function valuesFromEntry(indicators: IndicatorDto[], entry: EntryDto): EntryFormValues {
  const given = new Map(entry.indicatorValues.map((v) => [v.indicatorId, v.value]));
  return {
    period: entry.period,
    narrative: entry.narrative,
    percentDone: String(entry.percentDone),
    status: entry.status === "NOT_STARTED" ? "NOT_STARTED" : "IN_PROGRESS",
    indicators: indicators.map((i) => ({
      indicatorId: i.id,
      value: given.has(i.id) ? String(given.get(i.id)) : "",
    })),
    links: entry.evidence
      .filter((e) => e.kind === "LINK" && e.url)
      .map((e) => ({ url: e.url ?? "", title: e.title ?? "" })),
    evidenceIds: [],
  };
}

export type Payload = {
  body: RecordProgressInput | ClaimCompletionInput;
  /** Position in the body -> position in the form, for indicators and links left blank. */
  indicatorIndex: number[];
  linkIndex: number[];
};

export function toPayload(
  mode: EntryMode,
  values: EntryFormValues,
  version: number,
  correctsId?: string,
): Payload {
  const indicators = values.indicators
    .map((v, formIndex) => ({ ...v, value: v.value.trim(), formIndex }))
    .filter((v) => v.value !== "");
  const links = values.links
    .map((l, formIndex) => ({ url: l.url.trim(), title: l.title.trim(), formIndex }))
    .filter((l) => l.url !== "" || l.title !== "");
  const common = {
    version,
    period: values.period,
    indicatorValues: indicators.map((v) => ({ indicatorId: v.indicatorId, value: v.value })),
    evidenceIds: values.evidenceIds,
    links: links.map((l) => (l.title ? { url: l.url, title: l.title } : { url: l.url })),
  };
  const percent = values.percentDone.trim();
  const body: RecordProgressInput | ClaimCompletionInput =
    mode === "claim"
      ? { ...common, statement: values.narrative }
      : {
          ...common,
          narrative: values.narrative,
          // A number the schema can judge: "" is missing, "abc" is NaN (not a number).
          percentDone: (percent === "" ? undefined : Number(percent)) as number,
          status: values.status,
          ...(correctsId ? { correctsId } : {}),
        };
  return {
    body,
    indicatorIndex: indicators.map((v) => v.formIndex),
    linkIndex: links.map((l) => l.formIndex),
  };
}

/** Where an API/schema path belongs in the form; null = a message for the whole form. */
export function fieldFor(
  path: string,
  payload: Pick<Payload, "indicatorIndex" | "linkIndex">,
): FieldName | null {
  const [head, index, leaf] = path.split(".");
  switch (head) {
    case "period":
    case "percentDone":
    case "status":
      return head;
    case "narrative":
    case "statement":
      return "narrative";
    case "evidenceIds":
      return "evidenceIds";
    case "indicatorValues": {
      const formIndex = index === undefined ? undefined : payload.indicatorIndex[Number(index)];
      return formIndex === undefined ? null : `indicators.${formIndex}.value`;
    }
    case "links": {
      const formIndex = index === undefined ? undefined : payload.linkIndex[Number(index)];
      if (formIndex === undefined) return null;
      return leaf === "title" ? `links.${formIndex}.title` : `links.${formIndex}.url`;
    }
    default:
      return null;
  }
}

type Translate = (key: string, values?: Record<string, number>) => string;

/** A zod issue as a message in the user's language (the same mapping as the API's, plus the form's own). */
export function issueMessage(
  issue: z.core.$ZodIssue,
  t: ValidationTranslate,
  tForm: Translate,
): string {
  if (issue.path[0] === "evidenceIds" && issue.code === "too_small")
    return tForm("evidenceRequired");
  return validationMessage(issue, t);
}

/** react-hook-form resolver: validate the body the API would get, report on the form's inputs. */
export function entryResolver(
  mode: EntryMode,
  t: ValidationTranslate,
  tForm: Translate,
): Resolver<EntryFormValues> {
  const schema = mode === "claim" ? ClaimCompletionInput : RecordProgressInput;
  return async (values, _context, options) => {
    const payload = toPayload(mode, values, 1);
    const parsed = schema.safeParse(payload.body);
    if (parsed.success) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      const name = fieldFor(issue.path.map(String).join("."), payload);
      if (!name || flat[name]) continue;
      flat[name] = { type: issue.code, message: issueMessage(issue, t, tForm) };
    }
    if (Object.keys(flat).length === 0) return { values, errors: {} };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}
