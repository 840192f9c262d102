"use client";

import clsx from "clsx";
import {
  Button,
  Dialog,
  DialogTrigger,
  Heading,
  OverlayArrow,
  Popover as AriaPopover,
  type Placement,
} from "react-aria-components";
import { field } from "@/components/ui/styles";

export type PopoverProps = {
  /** The content of the trigger button. */
  trigger: React.ReactNode;
  /** Name of the trigger when it shows only an icon. */
  "aria-label"?: string;
  /** A heading at the top of the panel; it also names the panel for screen readers. */
  title?: React.ReactNode;
  /** Names the panel when there is no `title`. */
  panelLabel?: string;
  /** Content; a function gets `close`. */
  children: React.ReactNode | ((close: () => void) => React.ReactNode);
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  placement?: Placement;
  triggerClassName?: string;
  className?: string;
  testId?: string;
};

/**
 * A non-modal panel anchored to a button: filters, details, small forms. Focus moves into the
 * panel and back to the button on Escape or a click outside.
 */
export function Popover({
  trigger,
  "aria-label": ariaLabel,
  title,
  panelLabel,
  children,
  isOpen,
  onOpenChange,
  placement = "bottom start",
  triggerClassName,
  className,
  testId,
}: PopoverProps) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      <Button
        aria-label={ariaLabel}
        data-testid={testId}
        className={clsx(field.secondary, "gap-1 px-3 py-1.5", triggerClassName)}
      >
        {trigger}
      </Button>
      <AriaPopover
        placement={placement}
        offset={8}
        className={clsx(
          "max-w-[min(28rem,calc(100vw-2rem))] rounded-md border border-slate-300 bg-white shadow-lg outline-none",
          className,
        )}
      >
        <OverlayArrow className="group">
          <svg
            width={12}
            height={12}
            viewBox="0 0 12 12"
            className="block fill-white stroke-slate-300 group-data-[placement=bottom]:rotate-180"
          >
            <path d="M0 0 L6 6 L12 0" />
          </svg>
        </OverlayArrow>
        <Dialog aria-label={title ? undefined : panelLabel} className="p-3 outline-none">
          {({ close }) => (
            <>
              {title && (
                <Heading slot="title" className="mb-2 text-sm font-semibold text-slate-900">
                  {title}
                </Heading>
              )}
              {typeof children === "function" ? children(close) : children}
            </>
          )}
        </Dialog>
      </AriaPopover>
    </DialogTrigger>
  );
}
