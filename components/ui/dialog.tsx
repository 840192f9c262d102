"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import { useState } from "react";
import {
  Button,
  Dialog as AriaDialog,
  DialogTrigger,
  Heading,
  Modal,
  ModalOverlay,
} from "react-aria-components";
import { field } from "@/components/ui/styles";

const SIZES = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" } as const;

export type DialogProps = {
  title: React.ReactNode;
  /** Content; a function gets `close` so that a form can close the dialog when it is done. */
  children: React.ReactNode | ((close: () => void) => React.ReactNode);
  /** Controlled open state. Leave out both to let `trigger` open the dialog. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** A React Aria `Button` (or any pressable) that opens the dialog. */
  trigger?: React.ReactElement;
  size?: keyof typeof SIZES;
  /** Click outside and Escape close the dialog unless this is false (e.g. while saving). */
  isDismissable?: boolean;
  role?: "dialog" | "alertdialog";
  testId?: string;
};

/** A modal dialog: focus is trapped inside and returns to the trigger when it closes. */
export function Dialog({
  title,
  children,
  isOpen,
  onOpenChange,
  trigger,
  size = "md",
  isDismissable = true,
  role = "dialog",
  testId,
}: DialogProps) {
  const t = useTranslations("ui");
  const modal = (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={!isDismissable}
      className="fixed inset-0 z-50 flex items-start justify-center overflow-y-auto bg-slate-900/50 p-4 sm:items-center"
    >
      <Modal className={clsx("w-full rounded-lg bg-white shadow-xl", SIZES[size])}>
        <AriaDialog role={role} data-testid={testId} className="outline-none">
          {({ close }) => (
            <>
              <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-5 py-3">
                <Heading slot="title" className="text-base font-semibold text-slate-900">
                  {title}
                </Heading>
                <Button
                  onPress={close}
                  isDisabled={!isDismissable}
                  aria-label={t("close")}
                  className="-mr-2 rounded p-1 text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-700 disabled:opacity-40"
                >
                  <span aria-hidden="true" className="block h-5 w-5 text-xl leading-5">
                    ×
                  </span>
                </Button>
              </div>
              <div className="px-5 py-4">
                {typeof children === "function" ? children(close) : children}
              </div>
            </>
          )}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
  if (!trigger) return modal;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      {trigger}
      {modal}
    </DialogTrigger>
  );
}

export type ConfirmDialogProps = {
  title: React.ReactNode;
  message: React.ReactNode;
  /** Defaults to "Confirm" / "Cancel" in the user's language. */
  confirmLabel?: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  /** May be async: the buttons stay disabled until it settles; a throw keeps the dialog open. */
  onConfirm: () => void | Promise<void>;
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  trigger?: React.ReactElement;
  /** Shown when `onConfirm` throws; defaults to a generic "try again". */
  errorMessage?: (error: unknown) => string | undefined;
  testId?: string;
};

/** Ask before an action that cannot be undone or that tells other people (an alertdialog). */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  tone = "primary",
  onConfirm,
  isOpen,
  onOpenChange,
  trigger,
  errorMessage,
  testId,
}: ConfirmDialogProps) {
  const t = useTranslations("ui");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The error of a previous attempt is not shown again when the dialog reopens. While pending the
  // dialog cannot be dismissed and Cancel is disabled, so only a settled confirm closes it.
  const changeOpen = (open: boolean) => {
    setError(null);
    onOpenChange?.(open);
  };

  return (
    <Dialog
      title={title}
      isOpen={isOpen}
      onOpenChange={changeOpen}
      trigger={trigger}
      size="sm"
      role="alertdialog"
      isDismissable={!pending}
      testId={testId}
    >
      {(close) => (
        <>
          <div className="text-sm text-slate-800">{message}</div>
          {error && (
            <p role="alert" className="mt-3 text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="mt-5 flex flex-wrap justify-end gap-2">
            <Button
              slot={null}
              onPress={close}
              isDisabled={pending}
              // A destructive action is not one keypress away: focus starts on Cancel.
              autoFocus={tone === "danger"}
              className={field.secondary}
            >
              {cancelLabel ?? t("cancel")}
            </Button>
            <Button
              slot={null}
              isPending={pending}
              autoFocus={tone === "primary"}
              data-testid={testId ? `${testId}-confirm` : undefined}
              className={tone === "danger" ? field.danger : field.primary}
              onPress={async () => {
                setPending(true);
                setError(null);
                try {
                  await onConfirm();
                  setPending(false);
                  close();
                } catch (caught) {
                  setPending(false);
                  setError(errorMessage?.(caught) ?? t("actionFailed"));
                }
              }}
            >
              {pending ? t("working") : (confirmLabel ?? t("confirm"))}
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
