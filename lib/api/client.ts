/**
 * The browser side of the JSON API for the review, rounds, notices and notifications screens.
 * Client-safe: no server-only imports. Errors come back as `{ error: { code, message, fields?,
 * details? } }`; field messages are already in the caller's language.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function apiRequest<T>(
  url: string,
  init?: RequestInit & { json?: unknown },
): Promise<T> {
  const { json, ...rest } = init ?? {};
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        ...(json !== undefined ? { "content-type": "application/json" } : {}),
        ...rest.headers,
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network", "Network error");
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: {
        code?: string;
        message?: string;
        fields?: Record<string, string>;
        details?: Record<string, unknown>;
      };
    } | null;
    const error = body?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "internal",
      error?.message ?? response.statusText,
      error?.fields ?? {},
      error?.details ?? {},
    );
  }
  return (await response.json()) as T;
}

/** The message key (under "review.errors" style namespaces) for an error without field messages. */
export function errorKind(
  error: unknown,
): "conflict" | "forbidden" | "notFound" | "network" | "validation" | "unknown" {
  if (!(error instanceof ApiError)) return "unknown";
  if (error.status === 409) return "conflict";
  if (error.status === 403) return "forbidden";
  if (error.status === 404) return "notFound";
  if (error.status === 422) return "validation";
  if (error.status === 0) return "network";
  return "unknown";
}
