import { resetPasswordEndpoint } from "@/lib/users/api";

export const POST = resetPasswordEndpoint.handler;
