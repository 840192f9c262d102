import { setApplicabilityEndpoint } from "@/lib/assignments/api";

export const PATCH = setApplicabilityEndpoint.handler;
