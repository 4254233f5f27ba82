// The Chorus JSON API (/api/v1, described by /api/v1/openapi.json). The session lives in an
// HttpOnly cookie; every state-changing call sends the CSRF token from GET /api/v1/session.

export interface User {
  id: number;
  email: string;
  name: string;
  role: "admin" | "reviewer" | "employee";
  language: string;
}

export class ApiError extends Error {
  constructor(
    public status: number,
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

let csrfToken = "";
let sessionExpired: () => void = () => undefined;

// Called when a signed-in call is answered 401 (the session expired or was revoked).
export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler;
}

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (method !== "GET") headers["X-CSRF-Token"] = csrfToken;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  let data: any = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    if (response.status === 401 && path !== "/session") sessionExpired();
    throw new ApiError(
      response.status,
      data?.error?.code ?? "network",
      data?.error?.message ?? response.statusText,
    );
  }
  return data as T;
}

// Sends a file as the whole request body (archive uploads), not as JSON.
export async function apiUpload<T = any>(path: string, file: Blob): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    method: "POST",
    headers: { "X-CSRF-Token": csrfToken, "Content-Type": "application/octet-stream" },
    body: file,
    credentials: "same-origin",
  });
  let data: any = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, data?.error?.code ?? "network", data?.error?.message ?? response.statusText);
  }
  return data as T;
}
