// Shared state of the web app: the signed-in user and helpers the views use.
import { ApiError, type User } from "./api";
import { h } from "./dom";
import { t, tr } from "./i18n";

export interface App {
  user: User;
  // Re-renders the current page (after a change).
  refresh(): void;
  navigate(hash: string): void;
  setUserLanguage(code: string): Promise<void>;
  // Shows `count` unseen notifications in the navigation (0 hides the badge).
  setUnseen(count: number): void;
}

// A message box for an error from the API, translated by its code.
export function errorBox(error: unknown): HTMLElement {
  const code = error instanceof ApiError ? error.code : "network";
  const fallback = error instanceof Error ? error.message : String(error);
  return h("p", { class: "error", role: "alert" }, tr(`error_${code}`, fallback));
}

// Runs an action from a button, showing errors in `slot` (replacing its contents).
export async function attempt(slot: HTMLElement, action: () => Promise<void>): Promise<void> {
  slot.replaceChildren();
  try {
    await action();
  } catch (error) {
    slot.replaceChildren(errorBox(error));
  }
}

export function statusLabel(status: string): string {
  return tr(`status_${status}`, status);
}

export function verdictLabel(verdict: string): string {
  return tr(`verdict_${verdict}`, verdict);
}

export function pageTitle(key: Parameters<typeof t>[0]): HTMLElement {
  return h("h1", {}, t(key));
}
