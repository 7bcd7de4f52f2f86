import type { TS } from "./typescript.js";
import type { SourceLocation } from "../model/types.js";

/** Location of `offset` in a file: 1-based line and column. */
export function locationAt(sourceFile: TS.SourceFile, file: string, offset: number): SourceLocation {
  return locationAmong(sourceFile.getLineStarts(), file, offset);
}

/** Location of `offset` given the offsets where the file's lines start. */
export function locationAmong(starts: readonly number[], file: string, offset: number): SourceLocation {
  // The last line starting at or before `offset`.
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { file, line: low + 1, column: offset - starts[low]! + 1 };
}

/** Location of the first token of `node`, skipping its leading trivia. */
export function locationOf(sourceFile: TS.SourceFile, file: string, node: TS.Node): SourceLocation {
  return locationAt(sourceFile, file, node.getStart(sourceFile));
}

/** Where each line of `text` starts, with the line breaks TypeScript counts (LF, CRLF, CR, U+2028, U+2029). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(/\r\n?|[\n\u2028\u2029]/g)) starts.push(match.index + match[0].length);
  return starts;
}
