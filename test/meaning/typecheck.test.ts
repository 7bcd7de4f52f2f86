import { describe, expect, it } from "vitest";
import { AUDIENCES, loadAllArtifacts, type Artifacts } from "../support/artifacts.js";
import {
  checkVirtualProgram,
  formatProgramDiagnostic,
  RESOLUTION_MODES,
  type ProgramDiagnostic,
  type ResolutionMode,
} from "../support/virtual-program.js";

/**
 * Every emitted `.ts` file of every golden case and of `generated/`, both
 * audiences, type checks under `--strict` with `verbatimModuleSyntax`. One
 * program per resolution mode holds everything, each tree under its own
 * virtual folder, so the suite stays fast as cases are added.
 */

const artifacts = await loadAllArtifacts();
const trees = artifacts.flatMap((subject) => AUDIENCES.map((audience) => ({ subject, audience, root: rootOf(subject, audience) })));

function rootOf(subject: Artifacts, audience: string): string {
  return `${subject.name}/${audience}`;
}

const diagnosticsByMode = new Map<ResolutionMode, ProgramDiagnostic[]>();
function diagnosticsFor(mode: ResolutionMode): ProgramDiagnostic[] {
  let found = diagnosticsByMode.get(mode);
  if (!found) {
    const files = new Map<string, string>();
    for (const { subject, audience, root } of trees) {
      for (const [file, text] of subject.audiences[audience].typescript) files.set(`${root}/${file}`, text);
    }
    diagnosticsByMode.set(mode, (found = checkVirtualProgram(files, mode)));
  }
  return found;
}

describe("emitted TypeScript type checks in one strict program per resolution mode", () => {
  it("has trees to check", () => {
    expect(trees.length).toBeGreaterThan(0);
    for (const { subject, audience } of trees) {
      expect(subject.audiences[audience].typescript.has("index.ts"), `${subject.name}/${audience}/typescript/index.ts`).toBe(true);
    }
  });

  for (const mode of RESOLUTION_MODES) {
    describe(mode, () => {
      it("has no diagnostics outside the emitted trees", () => {
        const global = diagnosticsFor(mode).filter((diagnostic) => !trees.some(({ root }) => diagnostic.file.startsWith(`${root}/`)));
        expect(global.map(formatProgramDiagnostic)).toEqual([]);
      });
      for (const { root } of trees) {
        it(root, () => {
          const own = diagnosticsFor(mode).filter((diagnostic) => diagnostic.file.startsWith(`${root}/`));
          expect(own.map(formatProgramDiagnostic)).toEqual([]);
        });
      }
    });
  }
});
