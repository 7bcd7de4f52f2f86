/**
 * A generated file's text: a string, or the strings it is the concatenation of.
 * A bundle of thousands of schemas whose texts are kept from the run before
 * (`watch`) stays in pieces from the emitter to the disk: joining tens of
 * megabytes into one string costs fresh memory the size of it, which here costs
 * more than everything else done with the text.
 */
export type FileText = string | TextPieces;

/** Pieces are cut between characters, never inside a surrogate pair: each is encoded as UTF-8 on its own. */
export class TextPieces {
  /** In UTF-16 code units, as `String.prototype.length`. */
  readonly length: number;

  constructor(readonly pieces: readonly string[]) {
    let length = 0;
    for (const piece of pieces) {
      if (length > 0 && isLowSurrogate(piece.charCodeAt(0))) throw new Error("TextPieces: a piece starts inside a surrogate pair");
      length += piece.length;
    }
    this.length = length;
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The text as one string. */
export function joinText(text: FileText): string {
  return typeof text === "string" ? text : text.pieces.join("");
}

/** The strings whose concatenation the text is. */
export function piecesOf(text: FileText): readonly string[] {
  return typeof text === "string" ? [text] : text.pieces;
}

/** Whether two texts are the same characters, however they are cut into pieces; pieces shared by both are not compared. */
export function sameText(a: FileText, b: FileText): boolean {
  if (typeof a === "string" && typeof b === "string") return a === b;
  if (a.length !== b.length) return false;
  const left = piecesOf(a);
  const right = piecesOf(b);
  let i = 0;
  let j = 0;
  let atLeft = 0;
  let atRight = 0;
  for (;;) {
    while (i < left.length && atLeft === left[i]!.length) [i, atLeft] = [i + 1, 0];
    while (j < right.length && atRight === right[j]!.length) [j, atRight] = [j + 1, 0];
    if (i === left.length || j === right.length) return i === left.length && j === right.length;
    const x = left[i]!;
    const y = right[j]!;
    if (atLeft === 0 && atRight === 0 && x.length === y.length) {
      if (x !== y) return false;
      [atLeft, atRight] = [x.length, y.length];
      continue;
    }
    const common = Math.min(x.length - atLeft, y.length - atRight);
    if (x.slice(atLeft, atLeft + common) !== y.slice(atRight, atRight + common)) return false;
    atLeft += common;
    atRight += common;
  }
}
