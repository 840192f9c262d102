import "server-only";
import { endpoint } from "@/lib/api/endpoint";
import { createToken } from "./create-token";
import { revokeToken } from "./revoke-token";
import { listTokens } from "./token-queries";
import {
  CreatedToken,
  CreateTokenInput,
  TokenDto,
  TokenList,
  TokenListQuery,
  TokenParams,
} from "./token-schemas";

const TAG = "API tokens";

export const listTokensEndpoint = endpoint(
  {
    method: "get",
    path: "/tokens",
    tag: TAG,
    summary:
      "API tokens the caller may see: their own and those of the users they manage, newest " +
      "first, with prefix, last use, expiry and revocation (never the secret)",
    permission: "enterprise.read",
    query: TokenListQuery,
    response: TokenList,
  },
  ({ actor, query }) => listTokens(actor, query),
);

export const createTokenEndpoint = endpoint(
  {
    method: "post",
    path: "/tokens",
    tag: TAG,
    summary:
      "Create an API token acting with its user's role and scope: for oneself (administrators " +
      "and liaisons) or for a user one manages (administrators). The secret is answered once. " +
      "Signed-in sessions only: a token cannot create tokens",
    permission: "enterprise.read",
    body: CreateTokenInput,
    response: CreatedToken,
    successStatus: 201,
  },
  ({ actor, body, locale, requestId }) => createToken(actor, { input: body, locale, requestId }),
);

export const revokeTokenEndpoint = endpoint(
  {
    method: "delete",
    path: "/tokens/{id}",
    tag: TAG,
    summary:
      "Revoke a token (its owner, or an administrator who manages the owner); it answers 401 " +
      "from then on",
    permission: "enterprise.read",
    params: TokenParams,
    response: TokenDto,
  },
  ({ actor, params, requestId }) => revokeToken(actor, { id: params.id, requestId }),
);
