"use client";

import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Notice, useErrorText } from "@/components/ui/form";
import { formatDateTime } from "@/components/ui/formats";
import { field } from "@/components/ui/styles";
import { updateUser } from "@/lib/users/query-options";
import type { UserDto } from "@/lib/users/schemas";
import { Button } from "react-aria-components";

/** Active or deactivated, locked or not; deactivate or reactivate after a confirmation. */
export function UserStatusPanel({ user, isSelf }: { user: UserDto; isSelf: boolean }) {
  const t = useTranslations("users.edit");
  const format = useFormatter();
  const router = useRouter();
  const errorText = useErrorText();
  const deactivating = user.active;
  return (
    <div className="space-y-3" data-testid="user-status" data-active={String(user.active)}>
      <p className="text-sm text-slate-800">
        {user.active ? t("statusActive") : t("statusInactive")}
      </p>
      {user.lockedUntil && (
        <Notice tone="info" testId="user-locked">
          {t("lockedUntil", { time: formatDateTime(format, new Date(user.lockedUntil)) })}
        </Notice>
      )}
      {isSelf ? (
        <p className="text-sm text-slate-700">{t("self")}</p>
      ) : (
        <ConfirmDialog
          title={t(deactivating ? "deactivateTitle" : "reactivateTitle", {
            name: user.displayName,
          })}
          message={t(deactivating ? "deactivateMessage" : "reactivateMessage", {
            name: user.displayName,
          })}
          tone={deactivating ? "danger" : "primary"}
          confirmLabel={t(deactivating ? "deactivate" : "reactivate")}
          onConfirm={async () => {
            try {
              await updateUser(user.id, { version: user.version, active: !deactivating });
            } finally {
              // Also after a 409: the page then shows the user as it is now.
              router.refresh();
            }
          }}
          errorMessage={errorText}
          testId="user-status-dialog"
          trigger={
            <Button
              className={deactivating ? field.danger : field.primary}
              data-testid={deactivating ? "deactivate-user" : "reactivate-user"}
            >
              {t(deactivating ? "deactivate" : "reactivate")}
            </Button>
          }
        />
      )}
    </div>
  );
}
