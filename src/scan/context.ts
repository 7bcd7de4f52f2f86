import type { TS } from "./typescript.js";
import type { DiagnosticName } from "../diagnostics/codes.js";
import type { TypeNode } from "../model/types.js";
import type { FileScope } from "./scope.js";
import type { ModuleTable } from "./modules.js";
import type { RecursiveInstances } from "./recursive-instances.js";

/** Type parameters in scope while expanding a generic declaration. */
export type TypeEnv = ReadonlyMap<string, TypeNode>;

export const NO_TYPE_PARAMETERS: TypeEnv = new Map();

/** Stands in for a type that failed to convert; a diagnostic was reported, so nothing is emitted. */
export const ERROR_TYPE: TypeNode = { kind: "primitive", name: "unknown" };

/** Shared, read-mostly state of one scan. */
export interface ScanContext {
  readonly modules: ModuleTable;
  /** Generic declarations currently being expanded, to stop runaway recursion. */
  readonly expanding: string[];
  /** Finished generic instances by declaration and arguments: each is expanded once per scan. */
  readonly instances: Map<string, TypeNode>;
  /** Generic instances that refer to themselves: declarations of their own. */
  readonly recursive: RecursiveInstances;
  /** How many generic instances this scan expanded; bounded so pathological generics cannot exhaust memory. */
  expansions: number;
  /** The types of `const` declarations, worked out once; "pending" while one is (a cycle is reported). */
  readonly constantTypes: Map<TS.VariableDeclaration, TypeNode | "pending">;
  report(name: DiagnosticName, message: string, scope: FileScope, at: TS.Node | number): void;
}
