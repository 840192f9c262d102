import { startBulletinJobEndpoint } from "@/lib/bulletins/api";

export const POST = startBulletinJobEndpoint.handler;
