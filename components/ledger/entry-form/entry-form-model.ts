import { z } from "zod";
import {
  claimCompletionInputFor,
  type ClaimCompletionInput,
  RecordProgressInput,
  type EntryDto,
  type IndicatorDto,
} from "@/lib/ledger/schemas";

/**
 * The entry form's model: what the inputs hold (strings, one slot per task indicator), how it
 * becomes the API's body, and how the API's field paths ("indicatorValues.0.value") map back to
 * the inputs. The same zod schemas as the API validate it in the browser (`entryFormSchema`).
 */
export type EntryMode = "progress" | "claim";

const EntryFormShape = z.object({
  period: z.string(),
  /** The narrative of a progress entry, or the statement of a completion claim. */
  narrative: z.string(),
  percentDone: z.string(),
  status: z.enum(["NOT_STARTED", "IN_PROGRESS"]),
  indicators: z.array(z.object({ indicatorId: z.string(), value: z.string() })),
  links: z.array(z.object({ url: z.string(), title: z.string() })),
  /** Uploaded evidence files (kept in step with the uploader). */
  evidenceIds: z.array(z.string()),
  /** A claim's justification when a target is not met. */
  justification: z.string(),
});

export type EntryFormValues = z.infer<typeof EntryFormShape>;

export type FieldName =
  | "period"
  | "narrative"
  | "percentDone"
  | "status"
  | "evidenceIds"
  | "justification"
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
    justification: "",
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
    justification: entry.justification ?? "",
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
  indicatorWarningsConfirmed?: boolean,
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
    ...(indicatorWarningsConfirmed ? { indicatorWarningsConfirmed: true } : {}),
  };
  const percent = values.percentDone.trim();
  const body: RecordProgressInput | ClaimCompletionInput =
    mode === "claim"
      ? {
          ...common,
          statement: values.narrative,
          ...(values.justification.trim() ? { justification: values.justification } : {}),
        }
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
    case "justification":
      return head;
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

/**
 * The form's schema for `useZodResolver(schema, { nested: true })`: the inputs become the body
 * the API would get, the API's own schema judges it, and each issue is reported on the input it
 * belongs to. Issues with no input of their own are left to the server's answer.
 */
export function entryFormSchema(mode: EntryMode, indicators: IndicatorDto[]) {
  // A claim is judged against the targets: the value given, else the latest reported.
  const api =
    mode === "claim"
      ? claimCompletionInputFor(
          indicators.map((i) => ({ ...i, previous: i.actuals.at(-1)?.value ?? null })),
        )
      : RecordProgressInput;
  return EntryFormShape.superRefine((values, ctx) => {
    const payload = toPayload(mode, values, 1);
    const parsed = api.safeParse(payload.body);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const name = fieldFor(issue.path.map(String).join("."), payload);
      if (!name) continue;
      const path = name.split(".").map((key) => (/^\d+$/.test(key) ? Number(key) : key));
      if (name === "evidenceIds" && issue.code === "too_small") {
        // A claim needs evidence: say so, rather than "choose at least 1".
        ctx.addIssue({ code: "custom", message: "evidenceRequired", path });
      } else {
        ctx.addIssue({ ...issue, path });
      }
    }
  });
}
