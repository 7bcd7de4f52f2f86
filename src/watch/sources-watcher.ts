import path from "node:path";
import { watch, type FSWatcher } from "chokidar";
import { SOURCE_EXTENSIONS } from "../input/sources.js";

/**
 * Tells when the definitions or the config may have changed. chokidar watches
 * each folder under the input (new folders included, renamed ones followed),
 * which survives editors that save by writing a temporary file and renaming it
 * over the original; its `atomic` handling turns such a save into one change.
 * What exactly changed does not matter here: every cycle reads the input again,
 * so a notice is only a reason to look.
 */
export interface SourcesWatcher {
  /** Watches these paths instead (the input or config may move when the config changes). */
  update(paths: WatchedPaths): void;
  close(): Promise<void>;
}

export interface WatchedPaths {
  /** The input folder or `.ts` file. */
  readonly input: string;
  /** The config file, when there is one. */
  readonly config?: string;
}

export async function watchSources(paths: WatchedPaths, onChange: (file: string) => void, onError: (error: Error) => void): Promise<SourcesWatcher> {
  let current = paths;
  const watcher: FSWatcher = watch(list(paths), {
    ignoreInitial: true,
    atomic: true,
    ignored: (file) => isIgnored(current, file),
  });
  watcher.on("all", (event, file) => {
    if (event === "addDir" || event === "unlinkDir" || isWatchedFile(current, file)) onChange(file);
  });
  watcher.on("error", (error) => onError(error as Error));
  await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
  return {
    update(next) {
      const before = new Set(list(current));
      const after = new Set(list(next));
      current = next;
      const gone = [...before].filter((file) => !after.has(file));
      const added = [...after].filter((file) => !before.has(file));
      if (gone.length > 0) watcher.unwatch(gone);
      if (added.length > 0) watcher.add(added);
    },
    close: () => watcher.close(),
  };
}

function list(paths: WatchedPaths): string[] {
  return paths.config === undefined ? [paths.input] : [paths.input, paths.config];
}

/** What reading the input skips (dot folders and files, node_modules) is not watched either; the config always is. */
function isIgnored(paths: WatchedPaths, file: string): boolean {
  if (file === paths.config) return false;
  const relative = path.relative(paths.input, file);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return false;
  return relative.split(path.sep).some((segment) => segment.startsWith(".") || segment === "node_modules");
}

function isWatchedFile(paths: WatchedPaths, file: string): boolean {
  return file === paths.config || file === paths.input || SOURCE_EXTENSIONS.some((extension) => file.endsWith(extension));
}
