/**
 * The browser's one client for /api/v1: JSON requests, multipart uploads with progress, and one
 * error type. Client-safe (no server-only imports). Every feature's query-option factory
 * (lib/<feature>/query-options.ts) fetches through here, so errors look the same on every screen:
 * the API answers `{ error: { code, message, fields?, details? } }`, field messages already in the
 * caller's language.
 */

/** An error answer of the API, or a request that never got one (status 0: network, aborted). */
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

type ErrorBody = {
  error?: {
    code?: string;
    message?: string;
    fields?: Record<string, string>;
    details?: Record<string, unknown>;
  };
} | null;

function fromBody(status: number, statusText: string, body: ErrorBody): ApiError {
  const error = body?.error;
  return new ApiError(
    status,
    error?.code ?? "internal",
    error?.message ?? statusText,
    error?.fields ?? {},
    error?.details ?? {},
  );
}

/**
 * A JSON request. `json` is sent as the body with its content type. Rejects with ApiError; an
 * aborted request (query cancelled) rejects with the AbortError untouched, as TanStack Query expects.
 */
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
    throw fromBody(
      response.status,
      response.statusText,
      (await response.json().catch(() => null)) as ErrorBody,
    );
  }
  return (await response.json()) as T;
}

/**
 * A multipart upload of one file with progress (fetch cannot report upload progress,
 * XMLHttpRequest can). Rejects with ApiError; `abort()` cancels.
 */
export function apiUpload<T>(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  fieldName = "file",
): { promise: Promise<T>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.withCredentials = true;
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else {
        reject(fromBody(xhr.status, xhr.statusText, body as ErrorBody));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, "network", "Network error"));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "Aborted"));
    const form = new FormData();
    form.append(fieldName, file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Retry a read once, but never a 404/403 (the object is gone or out of scope: asking again won't help). */
export function retryUnlessMissing(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return false;
  return failureCount < 1;
}
