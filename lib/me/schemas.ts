import { z } from "zod";
import { ACTIONS, ROLES } from "@/lib/auth/policy";

export const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    scopeAll: z.boolean(),
    supervisorIds: z.array(z.uuid()),
    enterpriseIds: z.array(z.uuid()),
    permissions: z.array(z.enum(ACTIONS)),
    via: z.enum(["session", "token"]),
  })
  .meta({ id: "Me" });
