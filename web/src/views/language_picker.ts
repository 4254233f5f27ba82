import { h } from "../dom";
import { language, languages, t } from "../i18n";

export function languagePicker(onChange: (code: string) => void): HTMLElement {
  const select = h("select", { "aria-label": t("language"), "data-testid": "language" }) as HTMLSelectElement;
  for (const l of languages) {
    const option = h("option", { value: l.code }, l.name) as HTMLOptionElement;
    option.selected = l.code === language();
    select.append(option);
  }
  select.addEventListener("change", () => onChange(select.value));
  return select;
}
