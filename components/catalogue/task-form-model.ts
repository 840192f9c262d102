import type { IndicatorDto, TaskDto } from "@/lib/catalogue/schemas";
import { orNull } from "./use-catalogue-form";

export type IndicatorValues = {
  id?: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unit: IndicatorDto["unit"];
  direction: IndicatorDto["direction"];
  baseline: number | null;
  target: number | null;
};

/** The task form's values: texts and days as strings ("" = none), as the inputs hold them. */
export type TaskFormValues = {
  categoryId: string;
  code: string;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  doneCriteriaZh: string;
  doneCriteriaEn: string;
  isMain: boolean;
  weight: number;
  defaultDueDate: string;
  indicators: IndicatorValues[];
};

export const emptyIndicator = (): IndicatorValues => ({
  code: "",
  nameZh: "",
  nameEn: "",
  unit: "COUNT",
  direction: "INCREASE",
  baseline: null,
  target: null,
});

export function emptyTask(categoryId: string): TaskFormValues {
  return {
    categoryId,
    code: "",
    titleZh: "",
    titleEn: "",
    descriptionZh: "",
    descriptionEn: "",
    doneCriteriaZh: "",
    doneCriteriaEn: "",
    isMain: true,
    weight: 1,
    defaultDueDate: "",
    indicators: [],
  };
}

export function taskValues(task: TaskDto): TaskFormValues {
  return {
    categoryId: task.categoryId,
    code: task.code,
    titleZh: task.titleZh,
    titleEn: task.titleEn,
    descriptionZh: task.descriptionZh ?? "",
    descriptionEn: task.descriptionEn ?? "",
    doneCriteriaZh: task.doneCriteriaZh ?? "",
    doneCriteriaEn: task.doneCriteriaEn ?? "",
    isMain: task.isMain,
    weight: task.weight,
    defaultDueDate: task.defaultDueDate ?? "",
    indicators: task.indicators.map((i) => ({
      id: i.id,
      code: i.code,
      nameZh: i.nameZh,
      nameEn: i.nameEn,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline,
      target: i.target,
    })),
  };
}

/** The values as the API takes them: blanks are null, a new indicator has no id. */
export function taskInput(v: TaskFormValues) {
  return {
    ...v,
    descriptionZh: orNull(v.descriptionZh),
    descriptionEn: orNull(v.descriptionEn),
    doneCriteriaZh: orNull(v.doneCriteriaZh),
    doneCriteriaEn: orNull(v.doneCriteriaEn),
    defaultDueDate: orNull(v.defaultDueDate),
    indicators: v.indicators.map(({ id, ...rest }) => (id ? { id, ...rest } : rest)),
  };
}
