"use client";

import {
  get,
  useFormContext,
  type FieldValues,
  type Path,
  type RegisterOptions,
} from "react-hook-form";
import { FieldMessage, RequiredMark, field } from "@/components/ui/form";

type Common<T extends FieldValues> = {
  name: Path<T>;
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
  testId?: string;
};

/** Ids of a field's hint and message, for aria-describedby; "." is not welcome in ids. */
function ids(name: string) {
  const id = `f-${name.replaceAll(".", "-")}`;
  return { id, hint: `${id}-hint`, error: `${id}-error` };
}

function useField<T extends FieldValues>(name: Path<T>, hint?: string) {
  const { register, formState } = useFormContext<T>();
  const message = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  const i = ids(name);
  const describedBy = [hint ? i.hint : null, message ? i.error : null].filter(Boolean).join(" ");
  return {
    register,
    message,
    i,
    aria: {
      id: i.id,
      "aria-invalid": message ? true : undefined,
      "aria-describedby": describedBy || undefined,
    },
  };
}

function Frame({
  label,
  hint,
  required,
  className,
  i,
  message,
  children,
}: {
  label: string;
  hint?: string;
  required?: boolean;
  className?: string;
  i: ReturnType<typeof ids>;
  message?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={className}>
      <label htmlFor={i.id} className={field.label}>
        {label}
        {required && <RequiredMark />}
      </label>
      {children}
      {hint && (
        <p id={i.hint} className={field.hint}>
          {hint}
        </p>
      )}
      <FieldMessage id={i.error} message={message} />
    </div>
  );
}

/** A one-line text input bound to the form in context. */
export function TextField<T extends FieldValues>(props: Common<T> & { multiline?: boolean }) {
  const { register, message, i, aria } = useField<T>(props.name, props.hint);
  const Input = props.multiline ? "textarea" : "input";
  return (
    <Frame {...props} i={i} message={message}>
      <Input
        {...(props.multiline ? { rows: 3 } : { type: "text", autoComplete: "off" })}
        {...register(props.name)}
        {...aria}
        data-testid={props.testId}
        className={field.input(Boolean(message))}
      />
    </Frame>
  );
}

/** A number input; blank is null when `nullable`, else NaN (reported as "enter a number"). */
export function NumberField<T extends FieldValues>(
  props: Common<T> & { nullable?: boolean; step?: string; min?: number; max?: number },
) {
  const { register, message, i, aria } = useField<T>(props.name, props.hint);
  const options: RegisterOptions<T, Path<T>> = props.nullable
    ? { setValueAs: (v: unknown) => (v === "" || v === null ? null : Number(v)) }
    : { valueAsNumber: true };
  return (
    <Frame {...props} i={i} message={message}>
      <input
        type="number"
        inputMode="decimal"
        step={props.step ?? "any"}
        {...register(props.name, options)}
        {...aria}
        data-testid={props.testId}
        className={field.input(Boolean(message))}
      />
    </Frame>
  );
}

/** A native select; `asNumber` stores the option's value as a number. */
export function SelectField<T extends FieldValues>(
  props: Common<T> & { options: { value: string; label: string }[]; asNumber?: boolean },
) {
  const { register, message, i, aria } = useField<T>(props.name, props.hint);
  return (
    <Frame {...props} i={i} message={message}>
      <select
        {...register(props.name, props.asNumber ? { setValueAs: (v: unknown) => Number(v) } : {})}
        {...aria}
        data-testid={props.testId}
        className={field.input(Boolean(message))}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField<T extends FieldValues>(props: Common<T>) {
  const { register, message, i, aria } = useField<T>(props.name, props.hint);
  return (
    <div className={props.className}>
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          {...register(props.name)}
          {...aria}
          data-testid={props.testId}
          className="h-4 w-4 rounded border-slate-400 text-brand-700 focus-visible:outline-2 focus-visible:outline-brand-700"
        />
        <label htmlFor={i.id} className="text-sm font-medium text-slate-800">
          {props.label}
        </label>
      </div>
      {props.hint && (
        <p id={i.hint} className={field.hint}>
          {props.hint}
        </p>
      )}
      <FieldMessage id={i.error} message={message} />
    </div>
  );
}
