import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { ROLES } from "@/lib/auth/policy";

/** Lower-case letters, digits, dot, dash and underscore; the demo's `liaison-hn-valin` fits. */
const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/);
const displayName = z.string().trim().min(1).max(100);
const email = z.union([z.literal(""), z.email().max(200)]).optional();
/** The new-password rule (the server also refuses the username itself, with its own message). */
export const newPassword = z.string().min(10).max(256);

const grants = {
  supervisorIds: z
    .array(z.uuid())
    .max(50)
    .meta({ description: "Grants: every enterprise supervised by these SASACs" }),
  enterpriseIds: z
    .array(z.uuid())
    .max(200)
    .meta({ description: "Grants: these enterprises and their whole subtrees" }),
};

export const CreateUserInput = z
  .object({
    username,
    displayName,
    email,
    locale: z.enum(LOCALES).default("zh-CN"),
    role: z.enum(ROLES),
    scopeAll: z.boolean().default(false).meta({
      description: "National scope: only an administrator with national scope may set it",
    }),
    supervisorIds: grants.supervisorIds.default([]),
    enterpriseIds: grants.enterpriseIds.default([]),
    password: newPassword
      .optional()
      .meta({ description: "Initial password; left out, one is generated and answered once" }),
  })
  .meta({ id: "CreateUserInput" });

export const UpdateUserInput = z
  .object({
    version: z.number().int().min(1),
    displayName: displayName.optional(),
    email,
    locale: z.enum(LOCALES).optional(),
    role: z.enum(ROLES).optional(),
    scopeAll: z.boolean().optional(),
    supervisorIds: grants.supervisorIds.optional(),
    enterpriseIds: grants.enterpriseIds.optional(),
    active: z
      .boolean()
      .optional()
      .meta({ description: "false deactivates: the user's sessions and tokens stop at once" }),
  })
  .meta({ id: "UpdateUserInput" });

export const PasswordResetInput = z
  .object({
    password: newPassword.optional().meta({
      description: "The temporary password; left out, one is generated and answered once",
    }),
  })
  .meta({ id: "PasswordResetInput" });

export const PasswordResetResult = z
  .object({
    userId: z.uuid(),
    /** Only when the server generated it: shown once, never stored in clear. */
    temporaryPassword: z.string().nullable(),
    unlocked: z.boolean(),
  })
  .meta({ id: "PasswordResetResult" });
export type PasswordResetResult = z.infer<typeof PasswordResetResult>;

export const ChangeOwnPasswordInput = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword })
  .meta({ id: "ChangeOwnPasswordInput" });

const GrantSupervisor = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
});
const GrantEnterprise = GrantSupervisor.extend({ supervisorId: z.uuid() });

export const UserDto = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    locale: z.enum(LOCALES),
    role: z.enum(ROLES),
    scopeAll: z.boolean(),
    active: z.boolean(),
    locked: z.boolean(),
    /** Until when repeated failed sign-ins lock the account (null: not locked). */
    lockedUntil: z.iso.datetime().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    supervisors: z.array(GrantSupervisor),
    enterprises: z.array(GrantEnterprise),
  })
  .meta({ id: "User" });
export type UserDto = z.infer<typeof UserDto>;

export const CreatedUser = UserDto.extend({
  /** Only when the server generated the initial password: shown once. */
  temporaryPassword: z.string().nullable(),
}).meta({ id: "CreatedUser" });
export type CreatedUser = z.infer<typeof CreatedUser>;

export const USER_PAGE_SIZE = 50;
export const UserListQuery = z.object({
  q: z.string().trim().max(64).optional().meta({ description: "Part of a username or name" }),
  role: z.enum(ROLES).optional(),
  active: z.enum(["true", "false"]).optional(),
  cursor: z
    .string()
    .max(64)
    .optional()
    .meta({ description: "nextCursor of the previous page (the last username)" }),
  limit: z.coerce.number().int().min(1).max(200).default(USER_PAGE_SIZE),
});
export type UserListQuery = z.input<typeof UserListQuery>;
export const UserList = z
  .object({ items: z.array(UserDto), nextCursor: z.string().nullable() })
  .meta({ id: "UserList" });
export type UserList = z.infer<typeof UserList>;

export const UserParams = z.object({ id: z.uuid() });
