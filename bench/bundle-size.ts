import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
  /** Gzipped size of every script and stylesheet the renderer build emits, in KiB. */
  totalKB: number;
  /** Gzipped size of what index.html loads before anything lazy (entry scripts and stylesheets), in KiB. */
  initialKB: number;
  files: { file: string; gzipKB: number }[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function measureBundle(rendererDir: string): BundleSize {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const files = walk(rendererDir)
    .filter((path) => /\.(m?js|css)$/.test(path))
    .map((path) => ({ file: relative(rendererDir, path), gzip: gzipSync(readFileSync(path), { level: 9 }).byteLength }));
  const initial = files.filter((f) => html.includes(f.file.split('\\').join('/')));
  return {
    totalKB: kb(files.reduce((sum, f) => sum + f.gzip, 0)),
    initialKB: kb(initial.reduce((sum, f) => sum + f.gzip, 0)),
    files: files.map((f) => ({ file: f.file, gzipKB: kb(f.gzip) })).sort((a, b) => b.gzipKB - a.gzipKB),
  };
}
