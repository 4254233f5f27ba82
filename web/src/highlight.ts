// Splits a post into plain and highlighted segments from the engine's findings, whose start
// and end are byte offsets into the UTF-8 text (not JavaScript string indices).

export interface Finding {
  category: string;
  clause: string;
  severity: "caution" | "review" | "block";
  start: number;
  end: number;
  text: string;
  message: string;
  advice: string;
  detail: string;
  message_language?: string; // set when the server re-explained it in the reader's language
}

export interface Segment {
  text: string;
  finding: number | null; // index into findings, for highlighted segments
}

const encoder = new TextEncoder();

// UTF-16 index for every UTF-8 byte offset that starts a code point (and the end).
function byteToIndex(text: string): Map<number, number> {
  const map = new Map<number, number>();
  let bytes = 0;
  let index = 0;
  for (const ch of text) {
    map.set(bytes, index);
    bytes += encoder.encode(ch).length;
    index += ch.length;
  }
  map.set(bytes, index);
  return map;
}

function toIndex(map: Map<number, number>, byte: number, text: string): number {
  // Offsets inside a code point (never produced by the engine) round down to its start.
  for (let b = byte; b >= 0; b--) {
    const i = map.get(b);
    if (i !== undefined) return i;
  }
  return byte > 0 ? text.length : 0;
}

export function segments(text: string, findings: Finding[]): Segment[] {
  const map = byteToIndex(text);
  const ordered = findings
    .map((f, i) => ({ i, start: toIndex(map, f.start, text), end: toIndex(map, f.end, text) }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let pos = 0;
  for (const f of ordered) {
    if (f.start < pos) continue; // overlapping findings: the earlier, longer one is shown
    if (f.start > pos) out.push({ text: text.slice(pos, f.start), finding: null });
    out.push({ text: text.slice(f.start, f.end), finding: f.i });
    pos = f.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), finding: null });
  return out;
}
