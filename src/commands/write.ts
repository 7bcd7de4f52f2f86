import path from "node:path";
import { resolveManagedConfig, type SettingFlags } from "../config.js";
import { assertSeparate, resolveManagedFolder } from "../output/managed-folder.js";
import { fillManagedTree } from "../output/tree.js";
import { AUDIENCES, type Audience } from "../model/types.js";
import { audienceOfManagedFile, generateManagedTree, loadModel } from "../pipeline.js";
import { noteTo, reportDiagnostics, withTimings, type CommonOptions } from "./io.js";

export interface WriteOptions extends CommonOptions, SettingFlags {
  readonly experimental?: boolean;
  /** Both audiences in one run and one swap. */
  readonly all?: boolean;
}

/**
 * Regenerates one audience's tree (and the inventory) in the configured managed
 * folder, keeping the other audience's; with `all`, both audiences.
 */
export async function write(options: WriteOptions): Promise<number> {
  return withTimings(options, async (timings) => {
    const settings = await resolveManagedConfig(options.cwd, options, "write");
    const config = { ...settings, output: await resolveManagedFolder(settings.output) };
    await assertSeparate(config.input, config.output);
    const { model, diagnostics } = await loadModel(config, timings);
    reportDiagnostics(diagnostics, config, options);
    if (!model) return 1;
    const audiences: readonly Audience[] = options.all ? AUDIENCES : [options.experimental ? "experimental" : "stable"];
    const keep = (entry: string) => !audiences.some((audience) => audience === audienceOfManagedFile(entry));
    const written = await fillManagedTree(
      config.output,
      (writer) => generateManagedTree(model, audiences, config, timings, (files) => writer.add(files)),
      { keep, report: noteTo(options), onStep: options.onSwapStep },
      timings,
    );
    const where = path.relative(options.cwd, settings.output) || ".";
    options.output.stdout(`wrote ${written.files} files (${audiences.join(" and ")}) to ${where}, ${written.changed} changed\n`);
    return 0;
  });
}
