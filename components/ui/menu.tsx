"use client";

import clsx from "clsx";
import { useTranslations } from "next-intl";
import {
  Button,
  Menu,
  MenuItem,
  MenuTrigger,
  Popover,
  type Key,
  type Placement,
} from "react-aria-components";
import { field } from "@/components/ui/styles";
import { AriaProvider } from "./aria-provider";

export type MenuItemDef = {
  id: string;
  label: React.ReactNode;
  /** Plain text of the label, for type-ahead when `label` is not a string. */
  textValue?: string;
  /** Called when chosen; a link item (`href`) navigates through the Next router instead. */
  onAction?: () => void;
  href?: string;
  isDisabled?: boolean;
  tone?: "default" | "danger";
  testId?: string;
};

export type MenuButtonProps = {
  /** The visible button text; leave out for a "⋯" button named "More actions". */
  label?: React.ReactNode;
  "aria-label"?: string;
  items: MenuItemDef[];
  variant?: "secondary" | "primary" | "plain";
  placement?: Placement;
  className?: string;
  testId?: string;
};

const TRIGGER = {
  primary: field.primary,
  secondary: field.secondary,
  plain:
    "inline-flex items-center justify-center rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-700",
};

export const menuClasses = {
  popover:
    "min-w-44 overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg outline-none",
  menu: "max-h-80 overflow-auto outline-none",
  item: (danger: boolean) =>
    clsx(
      "flex cursor-default items-center gap-2 px-3 py-2 text-sm outline-none",
      "data-disabled:text-slate-400 data-focused:bg-brand-50",
      danger ? "text-red-800" : "text-slate-900 data-focused:text-brand-900",
    ),
};

/** A button that opens a list of actions or links (arrow keys, type-ahead, Escape). */
export function MenuButton({
  label,
  "aria-label": ariaLabel,
  items,
  variant = "secondary",
  placement = "bottom end",
  className,
  testId,
}: MenuButtonProps) {
  const t = useTranslations("ui");
  const byId = new Map(items.map((item) => [item.id, item]));
  return (
    <AriaProvider>
      <MenuTrigger>
        <Button
          aria-label={ariaLabel ?? (label === undefined ? t("moreActions") : undefined)}
          data-testid={testId}
          className={clsx(TRIGGER[variant], "gap-1", className)}
        >
          {label ?? <span aria-hidden="true">⋯</span>}
          {label !== undefined && (
            <span aria-hidden="true" className="text-xs">
              ▾
            </span>
          )}
        </Button>
        <Popover placement={placement} className={menuClasses.popover}>
          <Menu
            className={menuClasses.menu}
            items={items}
            disabledKeys={items.filter((item) => item.isDisabled).map((item) => item.id)}
            onAction={(key: Key) => byId.get(String(key))?.onAction?.()}
          >
            {(item) => (
              <MenuItem
                id={item.id}
                href={item.href}
                textValue={item.textValue ?? (typeof item.label === "string" ? item.label : "")}
                data-testid={item.testId}
                className={menuClasses.item(item.tone === "danger")}
              >
                {item.label}
              </MenuItem>
            )}
          </Menu>
        </Popover>
      </MenuTrigger>
    </AriaProvider>
  );
}

export type CheckMenuButtonProps = {
  label: React.ReactNode;
  "aria-label"?: string;
  options: { id: string; label: string }[];
  /** The ids that are checked. */
  selected: string[];
  onChange: (selected: string[]) => void;
  /** Ids that cannot be unchecked or checked (e.g. the last visible column). */
  disabled?: string[];
  className?: string;
  testId?: string;
};

/** A menu of checkboxes (menuitemcheckbox) that stays open while the user ticks several. */
export function CheckMenuButton({
  label,
  "aria-label": ariaLabel,
  options,
  selected,
  onChange,
  disabled,
  className,
  testId,
}: CheckMenuButtonProps) {
  return (
    <AriaProvider>
      <MenuTrigger>
        <Button
          aria-label={ariaLabel}
          data-testid={testId}
          className={clsx(field.secondary, "gap-1 px-3 py-1.5", className)}
        >
          {label}
          <span aria-hidden="true" className="text-xs">
            ▾
          </span>
        </Button>
        <Popover placement="bottom end" className={menuClasses.popover}>
          <Menu
            className={menuClasses.menu}
            items={options}
            selectionMode="multiple"
            selectedKeys={selected}
            disabledKeys={disabled}
            onSelectionChange={(keys) => {
              if (keys === "all") onChange(options.map((option) => option.id));
              else onChange([...keys].map(String));
            }}
          >
            {(option) => (
              <MenuItem id={option.id} textValue={option.label} className={menuClasses.item(false)}>
                {({ isSelected }) => (
                  <>
                    <span
                      aria-hidden="true"
                      className={clsx(
                        "flex h-4 w-4 items-center justify-center rounded-sm border text-xs",
                        isSelected
                          ? "border-brand-700 bg-brand-700 text-white"
                          : "border-slate-400 bg-white",
                      )}
                    >
                      {isSelected ? "✓" : ""}
                    </span>
                    {option.label}
                  </>
                )}
              </MenuItem>
            )}
          </Menu>
        </Popover>
      </MenuTrigger>
    </AriaProvider>
  );
}
