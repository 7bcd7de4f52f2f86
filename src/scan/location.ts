import { ts } from "ts-morph";
import type { SourceLocation } from "../model/types.js";

/** Location of `offset` in a file: 1-based line and column. */
export function locationAt(sourceFile: ts.SourceFile, file: string, offset: number): SourceLocation {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { file, line: line + 1, column: character + 1 };
}

/** Location of the first token of `node`, skipping its leading trivia. */
export function locationOf(sourceFile: ts.SourceFile, file: string, node: ts.Node): SourceLocation {
  return locationAt(sourceFile, file, node.getStart(sourceFile));
}
