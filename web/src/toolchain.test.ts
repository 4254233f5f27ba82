// The web toolchain must run on Debian 12's own Node.js (18.19 and later 18.x), which is what
// scripts/install-deps installs on a fresh machine. A CI image with a newer Node would not
// notice a package that needs Node 20, so this test reads the lockfile's engine ranges.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const DEBIAN_12_NODE = [18, 19, 0];

type Version = number[];

function parse(text: string): Version {
  return text.replace(/^v/, "").split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

// One comparator of an npm semver range ("^18.0.0", ">= 14.16", "~1.2", "18.x", ">=20").
function satisfiesComparator(v: Version, comparator: string): boolean {
  const m = /^(\^|~|>=|<=|>|<|=)?\s*v?([\dxX*.]+)$/.exec(comparator);
  if (!m) throw new Error(`unreadable engine range part: ${comparator}`);
  const op = m[1] ?? "";
  const parts = m[2].split(".").filter((p) => p !== "");
  const given = parts.filter((p) => /^\d+$/.test(p)).length;
  const base = parse(parts.map((p) => (/^\d+$/.test(p) ? p : "0")).join("."));
  const cmp = compare(v, base);
  switch (op) {
    case ">=": return cmp >= 0;
    case ">": return cmp > 0;
    case "<=": return cmp <= 0;
    case "<": return cmp < 0;
    case "^": {
      const first = base.findIndex((n, i) => n !== 0 || i === given - 1 || i === 2);
      return cmp >= 0 && v.slice(0, first + 1).every((n, i) => n === base[i]);
    }
    case "~":
      return cmp >= 0 && v.slice(0, given > 1 ? 2 : 1).every((n, i) => n === base[i]);
    default: // "18", "18.x", "=18.19.0"
      return v.slice(0, given).every((n, i) => n === base[i]);
  }
}

function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split("||").some((alternative) => {
    const comparators = alternative.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, "$1").split(/\s+/).filter(Boolean);
    return comparators.every((c) => c === "*" || satisfiesComparator(v, c));
  });
}

describe("engine ranges", () => {
  it("are read like npm reads them", () => {
    expect(satisfies("18.19.0", ">=18")).toBe(true);
    expect(satisfies("18.19.0", ">= 14.16")).toBe(true);
    expect(satisfies("18.19.0", "^18.0.0 || ^20.0.0 || >=22.0.0")).toBe(true);
    expect(satisfies("18.19.0", "^10 || ^12 || ^13.7 || ^14 || >=15.0.1")).toBe(true);
    expect(satisfies("18.19.0", ">=20")).toBe(false);
    expect(satisfies("18.19.0", "^20.19.0 || >=22.12.0")).toBe(false);
    expect(satisfies("18.19.0", "^18.20.0")).toBe(false);
    expect(satisfies("18.19.0", "~18.19")).toBe(true);
    expect(satisfies("18.19.0", "18.x")).toBe(true);
    expect(satisfies("18.19.0", ">=16 <18")).toBe(false);
  });
});

describe("the web toolchain", () => {
  it("runs on Debian 12's Node.js 18", () => {
    const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
    const version = DEBIAN_12_NODE.join(".");
    const checked: string[] = [];
    const refused: string[] = [];
    for (const [path, p] of Object.entries(lock.packages as Record<string, any>)) {
      const range = p.engines?.node;
      if (!path || !range || p.optional) continue;
      checked.push(path);
      if (!satisfies(version, range)) refused.push(`${path}@${p.version} needs node ${range}`);
    }
    expect(checked).toContain("node_modules/vite");
    expect(refused).toEqual([]);
  });
});
