/** What a built Node bundle imports, its shared chunks followed: esbuild splits each folder's bundles into chunks. */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export interface BundleImports {
  /** the npm packages, by package name */
  packages: string[];
  /** the bundle and every chunk it reaches, absolute paths */
  files: string[];
}

const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);

/**
 * The packages and files `entry` loads: with `dynamic`, also what its `import()` calls may load; without,
 * only what a process loads before the entry's first line runs.
 */
export function bundleImports(entry: string, opts: { dynamic: boolean }): BundleImports {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    // esbuild puts each static import at a line start
    const statement = /^\s*(?:import|export)(?=[\s{*"'])(?!\s*[(:])[^;"']*?(?:\bfrom\s*)?["']([^"']+)["']/gm;
    const dynamic = /\bimport\(\s*["']([^"']+)["']\s*\)/g;
    const specifiers = [...source.matchAll(statement), ...(opts.dynamic ? source.matchAll(dynamic) : [])].map(
      (m) => m[1]!,
    );
    for (const s of specifiers) {
      if (s.startsWith('.')) visit(path.resolve(path.dirname(file), s));
      else if (!s.startsWith('node:') && !builtinModules.includes(s)) packages.add(packageOf(s));
    }
  };
  visit(path.resolve(entry));
  return { packages: [...packages].sort(), files: [...files] };
}
