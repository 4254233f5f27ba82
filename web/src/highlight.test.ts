import { describe, expect, it } from "vitest";
import { segments, type Finding } from "./highlight";

function finding(start: number, end: number): Finding {
  return { category: "x", clause: "x.y", severity: "review", start, end, text: "", message: "",
           advice: "", detail: "" };
}

describe("segments", () => {
  it("maps UTF-8 byte offsets to string positions", () => {
    // "Rīgas" has a two-byte ī: bytes 0..6, the following space is byte 6.
    const text = "Rīgas Piens ir klients";
    const s = segments(text, [finding(0, 12)]);
    expect(s[0]).toEqual({ text: "Rīgas Piens", finding: 0 });
    expect(s[1]).toEqual({ text: " ir klients", finding: null });
  });

  it("handles Hebrew and keeps plain text around findings", () => {
    const text = "היום עם מגדל אופטיקה";
    const start = new TextEncoder().encode("היום עם ").length;
    const end = new TextEncoder().encode(text).length;
    const s = segments(text, [finding(start, end)]);
    expect(s.map((x) => x.text)).toEqual(["היום עם ", "מגדל אופטיקה"]);
    expect(s[1].finding).toBe(0);
  });

  it("drops overlapping findings after the first and empty ones", () => {
    const s = segments("abcdef", [finding(1, 4), finding(2, 3), finding(5, 5)]);
    expect(s).toEqual([
      { text: "a", finding: null },
      { text: "bcd", finding: 0 },
      { text: "ef", finding: null },
    ]);
  });
});
