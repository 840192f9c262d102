/**
 * The browser's writers for users, own password and API tokens (/api/v1/users, /me/password,
 * /tokens), and the user search of the token form's picker. The lists are server-rendered: after
 * a write the page calls `router.refresh()`, so no query keys are needed here.
 */
import type { z } from "zod";
import { apiRequest } from "@/lib/api/client";
import type {
  ChangeOwnPasswordInput,
  CreatedUser,
  CreateUserInput,
  PasswordResetInput,
  PasswordResetResult,
  UpdateUserInput,
  UserDto,
  UserList,
} from "./schemas";
import type { CreatedToken, CreateTokenInput, TokenDto } from "./token-schemas";

/** Active users the caller manages whose username or name contains `q` (the token form's picker). */
export async function searchUsers(q: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: "20", active: "true" });
  if (q) params.set("q", q);
  return (await apiRequest<UserList>(`/api/v1/users?${params.toString()}`, { signal })).items;
}

/** POST /api/v1/users. A 422 carries field messages. */
export function createUser(body: z.input<typeof CreateUserInput>) {
  return apiRequest<CreatedUser>("/api/v1/users", { method: "POST", json: body });
}

/** PATCH /api/v1/users/{id}. A 409 carries `details.current` (the user as it is now). */
export function updateUser(id: string, body: z.input<typeof UpdateUserInput>) {
  return apiRequest<UserDto>(`/api/v1/users/${id}`, { method: "PATCH", json: body });
}

/** POST /api/v1/users/{id}/password-reset: a generated password comes back once. */
export function resetPassword(id: string, body: z.input<typeof PasswordResetInput>) {
  return apiRequest<PasswordResetResult>(`/api/v1/users/${id}/password-reset`, {
    method: "POST",
    json: body,
  });
}

/** POST /api/v1/me/password. A wrong current password is a 422 on `currentPassword`. */
export function changeOwnPassword(body: z.input<typeof ChangeOwnPasswordInput>) {
  return apiRequest<{ changed: true }>("/api/v1/me/password", { method: "POST", json: body });
}

/** POST /api/v1/tokens: the secret is in this answer only. */
export function createToken(body: z.input<typeof CreateTokenInput>) {
  return apiRequest<CreatedToken>("/api/v1/tokens", { method: "POST", json: body });
}

/** DELETE /api/v1/tokens/{id}. */
export function revokeToken(id: string) {
  return apiRequest<TokenDto>(`/api/v1/tokens/${id}`, { method: "DELETE" });
}
