// Bundles the TypeScript entry points into classic scripts (IIFE, one global namespace: CrmCollab.*) and copies
// them with the panel's HTML and CSS to dist/ and to solution/WebResources/, where the packer picks them up.
// `bundleAll()` is also used by the sync test, so what is checked is exactly what the build writes.
import { build } from 'esbuild';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
export const solutionWebResources = join(root, '..', 'solution', 'WebResources');

const banner = '/* CrmCollab web resource, generated from webresources/src by `npm run build`: do not edit. */';

/** Web resource name → TypeScript entry point and the global it defines. */
export const scripts = [
  { name: 'crmc_/scripts/opportunity.js', entry: 'src/opportunity/index.ts', global: 'CrmCollab.Opportunity' },
  { name: 'crmc_/scripts/account.js', entry: 'src/account/index.ts', global: 'CrmCollab.Account' },
  { name: 'crmc_/scripts/task.js', entry: 'src/task/index.ts', global: 'CrmCollab.Task' },
  { name: 'crmc_/panel/collaboration.js', entry: 'src/panel/index.ts', global: 'CrmCollab.Panel' },
];

/** Web resource name → file copied as it is. */
export const statics = [
  { name: 'crmc_/panel/collaboration.html', source: 'panel/collaboration.html' },
  { name: 'crmc_/panel/collaboration.css', source: 'panel/collaboration.css' },
];

/** Every web resource's content, keyed by its name. */
export async function bundleAll() {
  const out = new Map();
  for (const s of scripts) {
    const result = await build({
      absWorkingDir: root,
      entryPoints: [s.entry],
      bundle: true,
      format: 'iife',
      globalName: s.global,
      target: 'es2017',
      platform: 'browser',
      charset: 'utf8',
      legalComments: 'none',
      banner: { js: banner },
      write: false,
      logLevel: 'silent',
    });
    out.set(s.name, result.outputFiles[0].text);
  }
  for (const s of statics) out.set(s.name, await readFile(join(root, s.source), 'utf8'));
  return out;
}

async function writeAll(baseDir, files) {
  for (const [name, text] of files) {
    const file = join(baseDir, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await bundleAll();
  await writeAll(join(root, 'dist'), files);
  await writeAll(solutionWebResources, files);
  console.log(`built ${files.size} web resources into dist/ and solution/WebResources/`);
}
