import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { actionsOf } from "@/lib/auth/policy";
import { Me } from "./schemas";

export const getMe = endpoint(
  {
    method: "get",
    path: "/me",
    tag: "Account",
    summary: "The caller: role, scope and permissions",
    permission: "enterprise.read",
    response: Me,
  },
  async ({ actor }) => ({
    ...actor,
    supervisorIds: [...actor.supervisorIds],
    enterpriseIds: [...actor.enterpriseIds],
    permissions: [...actionsOf(actor.role)],
  }),
);
