import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';

/** One script for a benchmark to evaluate in a page: its entry, global name, and how it is built. */
export interface ClassicScript {
  /** The entry module, relative to the repository root. */
  entry: string;
  /** The global the IIFE assigns (its exports). */
  name: string;
  /** A folder name under the system's temporary folder for the build. */
  dirName: string;
  minify: boolean;
  target: string;
}

/** Builds `entry` as one self-contained classic script (IIFE), as the extension injects its capture script, and returns its text. */
export async function buildClassicScript(root: string, { entry, name, dirName, minify, target }: ClassicScript): Promise<string> {
  const outDir = join(tmpdir(), dirName);
  const fileName = 'script.js';
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: true,
      target,
      minify,
      sourcemap: false,
      lib: { entry: join(root, entry), formats: ['iife'], name, fileName: () => fileName },
    },
  });
  return readFileSync(join(outDir, fileName), 'utf8');
}
