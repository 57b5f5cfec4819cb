/**
 * node scripts/astro-build.ts <outDir> [info|warn] — `astro build` of this
 * project into <outDir>, at a log level: `warn` (the default) prints only
 * warnings and errors; `info` adds Astro's progress and its list of routes.
 * scripts/build-site.ts runs it in a child process: its exit status is the verdict.
 */
import { build } from 'astro';

const [outDir, level = 'warn'] = process.argv.slice(2);
if (!outDir || (level !== 'warn' && level !== 'info')) {
  console.error('usage: node scripts/astro-build.ts <outDir> [info|warn]');
  process.exit(2);
}
await build({ root: process.cwd(), outDir, logLevel: level });
