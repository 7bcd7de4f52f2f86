import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareFolder, writeManagedTree } from "../../src/output/tree.js";
import { joinText, sameText, TextPieces, type FileText } from "../../src/output/file-text.js";

/** `text` cut at the given offsets. */
const cut = (text: string, ...at: number[]): TextPieces => {
  const bounds = [0, ...at, text.length];
  return new TextPieces(bounds.slice(1).map((end, index) => text.slice(bounds[index], end)));
};

describe("sameText", () => {
  const text = "{\n  \"a\": \"ü ✓ 𝄞\",\n  \"b\": [1, 2]\n}\n";

  it("tells equal characters apart from different ones, however each side is cut", () => {
    const cuts: FileText[] = [text, cut(text, 3), cut(text, 1, 2, 3, 20), cut(text, 10, 11), cut(text, 14, 16), new TextPieces([text]), new TextPieces(["", text, ""])];
    for (const a of cuts) for (const b of cuts) expect(sameText(a, b)).toBe(true);
    const other = text.replace("[1, 2]", "[1, 3]");
    for (const a of cuts) {
      expect(sameText(a, other)).toBe(false);
      expect(sameText(a, cut(other, 5, 30))).toBe(false);
      expect(sameText(a, cut(`${text} `, 7))).toBe(false);
    }
  });

  it("refuses pieces cut inside a surrogate pair: each piece is encoded on its own", () => {
    expect(() => cut("a𝄞b", 2)).toThrow("surrogate pair");
    expect(cut("a𝄞b", 1, 3).pieces).toEqual(["a", "𝄞", "b"]);
  });

  it("joins pieces into the text they stand for", () => {
    expect(joinText(cut(text, 4, 9))).toBe(text);
    expect(cut(text, 4).length).toBe(text.length);
  });
});

describe("files written and compared in pieces", () => {
  it("holds the same bytes as the joined text, multi-byte characters straddling pieces and write chunks", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "schemagate-pieces-"));
    const out = path.join(root, "out");
    // Longer than one 256 KiB chunk, with four-byte characters at every alignment.
    const whole = Array.from({ length: 40_000 }, (_, index) => `${"x".repeat(index % 4)}𝄞ü${index}`).join("");
    // Pieces end between characters; the 256 KiB write chunks end anywhere.
    const between = (at: number) => (/[\udc00-\udfff]/.test(whole[at]!) ? at + 1 : at);
    const pieces = cut(whole, 2, 3, between(70_001), between(70_002), between(200_000));
    await writeManagedTree(out, new Map([["bundle.json", pieces], ["empty.json", new TextPieces([])]]));
    expect(await readFile(path.join(out, "bundle.json"), "utf8")).toBe(whole);
    expect(await readFile(path.join(out, "empty.json"), "utf8")).toBe("");
    const same = await compareFolder(new Map<string, FileText>([["bundle.json", cut(whole, between(99_999))], ["empty.json", ""]]), out);
    expect(same.changed).toEqual([]);
    const longer = await compareFolder(new Map([["bundle.json", cut(`${whole}!`, 5)]]), out);
    expect(longer.changed).toEqual(["bundle.json"]);
    const shorter = await compareFolder(new Map([["bundle.json", cut(whole.slice(0, -1), 5)]]), out);
    expect(shorter.changed).toEqual(["bundle.json"]);
  });
});
