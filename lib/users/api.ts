import "server-only";
import { z } from "zod";
import { endpoint } from "@/lib/api/endpoint";
import { currentSessionId } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "./change-own-password";
import { createUser } from "./create-user";
import { getUser, listUsers } from "./queries";
import { resetPassword } from "./reset-password";
import {
  ChangeOwnPasswordInput,
  CreatedUser,
  CreateUserInput,
  PasswordResetInput,
  PasswordResetResult,
  UpdateUserInput,
  UserDto,
  UserList,
  UserListQuery,
  UserParams,
} from "./schemas";
import { updateUser } from "./update-user";

const TAG = "Users and access";

export const listUsersEndpoint = endpoint(
  {
    method: "get",
    path: "/users",
    tag: TAG,
    summary:
      "The users the caller manages (every grant under a supervisor they own), by username, 50 a " +
      "page (keyset: pass nextCursor) (administrators)",
    permission: "user.manage",
    query: UserListQuery,
    response: UserList,
  },
  ({ actor, query }) => listUsers(actor, query),
);

export const createUserEndpoint = endpoint(
  {
    method: "post",
    path: "/users",
    tag: TAG,
    summary:
      "Create a user with a role and grants under the caller's supervisors; without a password " +
      "one is generated and answered once (administrators)",
    permission: "user.manage",
    body: CreateUserInput,
    response: CreatedUser,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) => createUser(actor, { input: body, locale, requestId }),
);

export const getUserEndpoint = endpoint(
  {
    method: "get",
    path: "/users/{id}",
    tag: TAG,
    summary: "One user the caller manages (anyone else is a 404) (administrators)",
    permission: "user.manage",
    params: UserParams,
    response: UserDto,
  },
  async ({ actor, params }) => {
    const user = await getUser(actor, params.id);
    if (!user) throw new AppError("not_found");
    return user;
  },
);

export const updateUserEndpoint = endpoint(
  {
    method: "patch",
    path: "/users/{id}",
    tag: TAG,
    summary:
      "Edit a user: name, e-mail, language, role, grants (replaced when given), active. Send the " +
      "version read; a stale one is a 409. Deactivation takes effect on the user's next request " +
      "(administrators)",
    permission: "user.manage",
    params: UserParams,
    body: UpdateUserInput,
    response: UserDto,
  },
  ({ actor, params, body, locale, requestId }) =>
    updateUser(actor, { id: params.id, input: body, locale, requestId }),
);

export const resetPasswordEndpoint = endpoint(
  {
    method: "post",
    path: "/users/{id}/password-reset",
    tag: TAG,
    summary:
      "Set a temporary password (given, or generated and answered once) and unlock the account " +
      "(administrators)",
    permission: "user.manage",
    params: UserParams,
    body: PasswordResetInput,
    response: PasswordResetResult,
  },
  ({ actor, params, body, locale, requestId }) =>
    resetPassword(actor, { id: params.id, input: body, locale, requestId }),
);

export const changeOwnPasswordEndpoint = endpoint(
  {
    method: "post",
    path: "/me/password",
    tag: "Account",
    summary:
      "Change the caller's own password: the current one, and a new one of at least 10 " +
      "characters that is not the username (signed-in sessions only, not API tokens)",
    permission: "enterprise.read",
    body: ChangeOwnPasswordInput,
    response: z.object({ changed: z.literal(true) }),
  },
  async ({ actor, body, locale, requestId, request }) =>
    changeOwnPassword(actor, {
      input: body,
      locale,
      requestId,
      keepSessionId: await currentSessionId(request),
    }),
);
