import type { TS } from "./typescript.js";
import type { SourceLocation } from "../model/types.js";

/** Location of `offset` in a file: 1-based line and column. */
export function locationAt(sourceFile: TS.SourceFile, file: string, offset: number): SourceLocation {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { file, line: line + 1, column: character + 1 };
}

/** Location of the first token of `node`, skipping its leading trivia. */
export function locationOf(sourceFile: TS.SourceFile, file: string, node: TS.Node): SourceLocation {
  return locationAt(sourceFile, file, node.getStart(sourceFile));
}
