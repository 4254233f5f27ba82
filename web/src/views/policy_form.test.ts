import { describe, expect, test } from "vitest";
import { linesOf } from "./policy_form";

describe("linesOf", () => {
  test("trims, collapses spaces, drops empty lines and repeats, keeps order", () => {
    expect(linesOf("  Riga Dairy \r\n\n\tMigdal   Optics\nRiga Dairy\n  \n")).toEqual(["Riga Dairy", "Migdal Optics"]);
  });
  test("keeps right-to-left and accented names as typed", () => {
    expect(linesOf("מגדל אופטיקה\nRīgas Piens")).toEqual(["מגדל אופטיקה", "Rīgas Piens"]);
  });
  test("an empty text is an empty list", () => {
    expect(linesOf("")).toEqual([]);
  });
});
