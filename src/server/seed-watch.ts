/**
 * Watches the seed directory and calls back once the files have been quiet for `debounceMs`: an
 * editor saving a file, or a deploy copying several, fires many events, and a reload per event
 * would load half-written data.
 */
import { watch, type FSWatcher } from 'node:fs';

export interface SeedWatcher {
  close(): void;
}

/** `ignore` says which changed paths (relative to `dir`) are not data, e.g. the snapshot's. */
export function watchSeedDir(
  dir: string,
  debounceMs: number,
  onChange: () => void,
  ignore: (changed: string) => boolean = () => false,
): SeedWatcher {
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dir, { recursive: true, persistent: false }, (_, changed) => {
    if (changed !== null && ignore(changed)) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  // A watcher error (e.g. the directory removed) must not crash the server: reloads by SIGHUP
  // still work, and a removed directory would be refused by the loader anyway.
  watcher.on('error', () => undefined);
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
