/** Programmatic API: the same typed functions the CLI calls. */
export { check } from "./commands/check.js";
export { diff, type DiffOptions } from "./commands/diff.js";
export { diffModels } from "./diff/index.js";
export type { Change } from "./diff/types.js";
export { DIFF_RULES, type RuleId, type Severity as ChangeSeverity } from "./diff/rules.js";
export { generate } from "./commands/generate.js";
export { inventory } from "./commands/inventory.js";
export { write } from "./commands/write.js";
export type { Output, CommonOptions } from "./commands/io.js";
export { runCli } from "./cli/program.js";
export type * from "./model/types.js";
export type * from "./model/inventory-types.js";
export type { Diagnostic } from "./diagnostics/diagnostic.js";
export { DIAGNOSTIC_CODES } from "./diagnostics/codes.js";
