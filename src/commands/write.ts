import path from "node:path";
import { CONFIG_FILE, findConfig } from "../config.js";
import { UsageError } from "../errors.js";
import { writeManagedTree } from "../output/tree.js";
import { audienceOfManagedFile, generateManagedTree, loadModel } from "../pipeline.js";
import { reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface WriteOptions extends CommonOptions {
  readonly experimental?: boolean;
}

/** Regenerates one audience's tree (and the inventory) in the configured managed folder, keeping the other audience's. */
export async function write(options: WriteOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const config = await findConfig(options.cwd);
    if (!config) throw new UsageError(`write needs ${CONFIG_FILE} (in this folder or above) naming "input" and "output"`);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const audience = options.experimental ? "experimental" : "stable";
    const files = generateManagedTree(model, audience, config, timings);
    await timings.time("write", () =>
      writeManagedTree(config.output, files, { keep: (entry) => audienceOfManagedFile(entry) !== audience }),
    );
    const where = path.relative(options.cwd, config.output) || ".";
    options.output.stdout(`wrote ${files.size} files (${audience}) to ${where}\n`);
    return 0;
  });
}
