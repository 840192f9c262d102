import { remindLateUnitsEndpoint } from "@/lib/rounds/api";

export const POST = remindLateUnitsEndpoint.handler;
