import type { TS } from "./typescript.js";
import type { SourceLocation } from "../model/types.js";

/** Location of `offset` in a file: 1-based line and column. */
export function locationAt(sourceFile: TS.SourceFile, file: string, offset: number): SourceLocation {
  const starts = sourceFile.getLineStarts();
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
