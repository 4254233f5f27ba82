// Paging for the list views: the server answers every list with
// page = {number, limit, more}; this draws "previous" and "next" under the list and keeps the
// page each view is on while the app refreshes it.
import { h } from "../dom";
import { formatNumber, t } from "../i18n";

export interface Page {
  number: number;
  limit: number;
  more: boolean;
}

const current = new Map<string, number>();

// The page a list view is on (1 until it moves).
export function pageOf(list: string): number {
  return current.get(list) ?? 1;
}

// Back to the first page (the list's filter changed).
export function resetPage(list: string): void {
  current.delete(list);
}

// "?page=N" for the list's request.
export function pageQuery(list: string): string {
  return `?page=${pageOf(list)}`;
}

// Previous/next buttons for `list`; null when everything fits on one page.
export function pager(list: string, page: Page | undefined, refresh: () => void): HTMLElement | null {
  if (!page || (page.number <= 1 && !page.more)) return null;
  const go = (n: number) => () => {
    current.set(list, n);
    refresh();
  };
  return h("nav", { class: "row pager", "data-testid": `pager-${list}` },
    h("button", { type: "button", disabled: page.number <= 1, onclick: go(page.number - 1), "data-testid": "page-previous" },
      t("page_previous")),
    h("span", { class: "muted" }, t("page_number", { n: formatNumber(page.number) })),
    h("button", { type: "button", disabled: !page.more, onclick: go(page.number + 1), "data-testid": "page-next" },
      t("page_next")));
}
