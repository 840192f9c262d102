"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from "react-aria-components";
import { field } from "@/components/ui/styles";
import { AriaProvider } from "./aria-provider";

export type ComboboxItem = { id: string; label: string; description?: string };

export type ComboboxProps<T extends ComboboxItem> = {
  label: string;
  /** Search the server; honour `signal`, a newer query aborts the older one. */
  load: (query: string, signal: AbortSignal) => Promise<T[]>;
  selectedId: string | null;
  /** Text of the selected item, needed when it was chosen earlier (e.g. a form being edited). */
  selectedLabel?: string | null;
  onChange: (item: T | null) => void;
  /** Submits the selected id in a plain HTML form. */
  name?: string;
  placeholder?: string;
  description?: React.ReactNode;
  errorMessage?: string;
  isRequired?: boolean;
  isDisabled?: boolean;
  /** Milliseconds between the last keystroke and the request. */
  debounceMs?: number;
  className?: string;
  testId?: string;
};

type Result<T> = { query: string; attempt: number; items: T[]; failed: boolean };

/**
 * Pick one of many records found on the server as the user types. The text in the box is only a
 * search: leaving the field puts back the selected item's label, so what is shown is what is set.
 */
export function Combobox<T extends ComboboxItem>({
  label,
  load,
  selectedId,
  selectedLabel,
  onChange,
  name,
  placeholder,
  description,
  errorMessage,
  isRequired,
  isDisabled,
  debounceMs = 250,
  className,
  testId,
}: ComboboxProps<T>) {
  const t = useTranslations("ui.combobox");
  const inputRef = useRef<HTMLInputElement>(null);
  // The last item picked here, so its label shows even if the caller passes only the id.
  const [picked, setPicked] = useState<T | null>(null);
  const currentLabel = selectedLabel ?? (picked?.id === selectedId ? picked.label : "");
  const [inputValue, setInputValue] = useState(currentLabel);
  // null: not searching, the box shows the selection; a string: results for it are listed.
  const [query, setQuery] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<Result<T> | null>(null);

  // A selection changed by the caller (form reset, another control) replaces the text.
  const [syncedId, setSyncedId] = useState(selectedId);
  if (syncedId !== selectedId) {
    setSyncedId(selectedId);
    setInputValue(currentLabel);
    setQuery(null);
  }

  const runLoad = useEffectEvent((q: string, signal: AbortSignal) => load(q, signal));
  useEffect(() => {
    if (query === null) return;
    const controller = new AbortController();
    const timer = setTimeout(
      () => {
        runLoad(query, controller.signal).then(
          (items) => {
            if (!controller.signal.aborted) setResult({ query, attempt, items, failed: false });
          },
          () => {
            if (!controller.signal.aborted) setResult({ query, attempt, items: [], failed: true });
          },
        );
      },
      query === "" ? 0 : debounceMs,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, attempt, debounceMs]);

  const loading =
    query !== null && (result === null || result.query !== query || result.attempt !== attempt);
  const failed = !loading && result?.failed === true;
  const results = query !== null ? (result?.items ?? []) : [];
  // While not searching, the selected item is the whole collection so React Aria knows its text.
  const items: ComboboxItem[] =
    query === null ? (selectedId ? [{ id: selectedId, label: currentLabel }] : []) : results;

  const reset = (text: string) => {
    setInputValue(text);
    setQuery(null);
  };

  const select = (key: Key | null) => {
    const id = key === null ? null : String(key);
    if (id === selectedId) return reset(currentLabel);
    const item = results.find((candidate) => candidate.id === id) ?? null;
    if (id !== null && !item) return reset(currentLabel);
    setPicked(item);
    reset(item?.label ?? "");
    onChange(item);
  };

  const status = loading
    ? t("loading")
    : failed
      ? t("error")
      : query !== null && result
        ? t("results", { count: results.length })
        : "";

  return (
    <AriaProvider>
      <ComboBox
        className={clsx("group", className)}
        data-testid={testId}
        items={items}
        selectedKey={selectedId}
        onSelectionChange={select}
        inputValue={inputValue}
        onInputChange={(text) => {
          setInputValue(text);
          // Emptying the box clears the selection, as it does in a native form field.
          if (text.trim() === "" && selectedId) {
            setPicked(null);
            onChange(null);
          }
          setQuery(text.trim());
        }}
        onOpenChange={(isOpen) => {
          if (!isOpen) return;
          if (query === null) setQuery("");
          else if (failed) setAttempt((n) => n + 1);
        }}
        allowsEmptyCollection
        name={name}
        formValue="key"
        isRequired={isRequired}
        isDisabled={isDisabled}
        isInvalid={Boolean(errorMessage)}
        // Errors come from the caller (zod, server): no native bubbles or blocked submits.
        validationBehavior="aria"
      >
        <Label className={field.label}>{label}</Label>
        <div className="relative">
          <Input
            ref={inputRef}
            placeholder={placeholder}
            className={clsx(field.input(Boolean(errorMessage)), "pr-20")}
          />
          <div className="absolute top-1 right-1 bottom-0 flex items-center gap-0.5">
            {loading && (
              <span
                aria-hidden="true"
                className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700"
              />
            )}
            {(selectedId || inputValue) && !isDisabled && (
              <Button
                slot={null}
                aria-label={t("clear", { label })}
                data-testid={testId ? `${testId}-clear` : undefined}
                className="rounded px-1.5 text-lg leading-6 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-700"
                onPress={() => {
                  setPicked(null);
                  reset("");
                  if (selectedId) onChange(null);
                  inputRef.current?.focus();
                }}
              >
                <span aria-hidden="true">×</span>
              </Button>
            )}
            <Button className="rounded px-1.5 leading-6 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700">
              <span aria-hidden="true" className="text-xs">
                ▾
              </span>
            </Button>
          </div>
        </div>
        {description && (
          <Text slot="description" className={field.hint}>
            {description}
          </Text>
        )}
        <FieldError className="mt-1 block text-sm text-red-800">{errorMessage}</FieldError>
        <span role="status" className="sr-only">
          {status}
        </span>
        <Popover
          placement="bottom start"
          className="w-(--trigger-width) min-w-64 overflow-auto rounded-md border border-slate-300 bg-white shadow-lg"
        >
          <ListBox<ComboboxItem>
            className="max-h-72 overflow-auto py-1 outline-none"
            renderEmptyState={() => (
              <p className={clsx("px-3 py-2 text-sm", failed ? "text-red-800" : "text-slate-600")}>
                {loading ? t("loading") : failed ? t("error") : t("noResults")}
              </p>
            )}
          >
            {(item) => (
              <ListBoxItem
                id={item.id}
                textValue={item.label}
                className="cursor-default px-3 py-2 text-sm text-slate-900 outline-none data-focused:bg-brand-50 data-selected:font-semibold"
              >
                <Text slot="label" className="block">
                  {item.label}
                </Text>
                {item.description && (
                  <Text slot="description" className="block text-xs font-normal text-slate-600">
                    {item.description}
                  </Text>
                )}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </AriaProvider>
  );
}
