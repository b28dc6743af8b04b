// The solution side of the web resources: built files in sync, descriptors and forms schema-valid, every form
// handler resolvable in its library, every web resource a root component.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { bundleAll, root, solutionWebResources } from '../scripts/build.mjs';
import { DecisionLabels, FeasibilityStatusLabels, FunctionLabels, SignalKindLabels } from '../src/shared/choices';

const solution = join(root, '..', 'solution');
const formFolders = ['Entities/Opportunity/FormXml/main', 'Entities/Account/FormXml/main', 'Entities/Task/FormXml/main'].map((f) => join(solution, f));

function files(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const descriptors = files(solutionWebResources, '.data.xml');
const forms = formFolders.flatMap((d) => files(d, '.xml'));
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1] ?? '';
const attrs = (xml: string, element: string, attr: string) =>
  [...xml.matchAll(new RegExp(`<${element}\\b[^>]*\\b${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);

describe('web resources in the solution', () => {
  it('are exactly what the build produces (run `npm run build` after changing src/ or panel/)', async () => {
    const built = await bundleAll();
    const onDisk = files(solutionWebResources, '').filter((f) => !f.endsWith('.data.xml'));
    expect(onDisk.map((f) => relative(solutionWebResources, f)).sort()).toEqual([...built.keys()].sort());
    for (const [name, text] of built) {
      expect(readFileSync(join(solutionWebResources, name), 'utf8'), `${name} is stale`).toBe(text);
    }
  });

  it('each has a descriptor naming it, with the type of its extension', () => {
    const types: Record<string, string> = { js: '3', html: '1', css: '2' };
    expect(descriptors).toHaveLength(6);
    const ids = new Set<string>();
    for (const file of descriptors) {
      const xml = readFileSync(file, 'utf8');
      const name = relative(solutionWebResources, file).replace(/\.data\.xml$/, '');
      expect(tag(xml, 'Name')).toBe(name);
      expect(tag(xml, 'FileName')).toBe(`/WebResources/${name}`);
      expect(tag(xml, 'WebResourceType')).toBe(types[name.split('.').pop()!]);
      expect(existsSync(join(solutionWebResources, name))).toBe(true);
      ids.add(tag(xml, 'WebResourceId').toLowerCase());
    }
    expect(ids.size).toBe(descriptors.length);
  });

  it('are root components of the solution (type 61)', () => {
    const manifest = readFileSync(join(solution, 'Other/Solution.xml'), 'utf8');
    const roots = [...manifest.matchAll(/<RootComponent type="61" schemaName="([^"]+)" behavior="0" \/>/g)].map((m) => m[1]);
    const names = descriptors.map((f) => tag(readFileSync(f, 'utf8'), 'Name'));
    expect(roots.sort()).toEqual(names.sort());
  });
});

describe('forms', () => {
  const webResources = new Map(descriptors.map((f) => {
    const xml = readFileSync(f, 'utf8');
    return [tag(xml, 'Name'), tag(xml, 'WebResourceId').toLowerCase()] as const;
  }));

  it('load only libraries of the solution and call handlers those libraries define', async () => {
    const built = await bundleAll();
    expect(forms).toHaveLength(3);
    for (const form of forms) {
      const xml = readFileSync(form, 'utf8');
      const libraries = attrs(xml, 'Library', 'name');
      expect(libraries.length).toBeGreaterThan(0);
      for (const library of libraries) expect(webResources.has(library), `${library} is not a web resource`).toBe(true);
      const handlers = [...xml.matchAll(/<Handler functionName="([^"]+)" libraryName="([^"]+)"/g)];
      expect(handlers.length).toBeGreaterThan(0);
      for (const [, fn, library] of handlers) {
        expect(libraries).toContain(library);
        // Run the library as Dataverse does (a classic script in a window) and resolve the dotted name.
        const sandbox: Record<string, unknown> = {};
        runInNewContext(built.get(library)!, sandbox);
        const target = fn.split('.').reduce<any>((o, key) => o?.[key], sandbox);
        expect(typeof target, `${fn} in ${library}`).toBe('function');
      }
    }
  });

  it('host the collaboration panel on the opportunity form by name and id', () => {
    const xml = readFileSync(forms.find((f) => f.includes('Opportunity'))!, 'utf8');
    expect(xml).toContain('<control id="WebResource_collaboration" classid="{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}">');
    expect(tag(xml, 'Url')).toBe('crmc_/panel/collaboration.html');
    expect(tag(xml, 'WebResourceId').toLowerCase()).toBe(webResources.get('crmc_/panel/collaboration.html'));
    for (const column of ['estimatedvalue', 'crmc_discountpercent', 'crmc_requesteddelivery', 'crmc_paymentterms', 'statecode', 'crmc_feasibilitystatus', 'crmc_feasibilitysummary'])
      expect(attrs(xml, 'control', 'datafieldname')).toContain(column);
  });
});

describe('choices', () => {
  /** value → English label of an option set in solution/: a global one (OptionSets/) or one inside its table. */
  function options(file: string, optionSet: string): Record<number, string> {
    const xml = readFileSync(join(solution, file), 'utf8');
    const start = xml.indexOf(`<optionset Name="${optionSet}"`);
    expect(start, `${optionSet} in ${file}`).toBeGreaterThanOrEqual(0);
    const block = xml.slice(start, xml.indexOf('</optionset>', start));
    const pairs = [...block.matchAll(/<option value="(\d+)"[^>]*>\s*<labels>\s*<label description="([^"]*)" languagecode="1033"/g)];
    return Object.fromEntries(pairs.map((m) => [Number(m[1]), m[2]]));
  }

  it('carry the values and labels of the solution (a value the scripts do not know shows as a bare number)', () => {
    expect(FunctionLabels).toEqual(options('OptionSets/crmc_function.xml', 'crmc_function'));
    expect(DecisionLabels).toEqual(options('Entities/crmc_FeasibilityReview/Entity.xml', 'crmc_feasibilityreview_crmc_decision'));
    expect(FeasibilityStatusLabels).toEqual(options('Entities/Opportunity/Entity.xml', 'opportunity_crmc_feasibilitystatus'));
    expect(SignalKindLabels).toEqual(options('Entities/crmc_FieldSignal/Entity.xml', 'crmc_fieldsignal_crmc_kind'));
  });
});

// ---- schema validation with xmllint (libxml2-utils) against Microsoft's XSDs --------------------------------

/** The schema folder: $CRMC_SCHEMAS, the repository's schemas/, or the shared checkout beside it. */
function schemaDir(): string {
  const candidates = [
    process.env.CRMC_SCHEMAS,
    join(root, '..', 'schemas'),
    join(root, '..', '..', 'shared', 'dataverse-schemas'),
    '/work/shared/dataverse-schemas',
  ].filter((d): d is string => !!d);
  for (const dir of candidates) {
    const compat = join(dir, 'libxml2-compat', 'CustomizationsSolution.xsd'); // xmllint cannot read the pristine patterns
    if (existsSync(compat)) return join(dir, 'libxml2-compat');
  }
  throw new Error(`No libxml2-compat Dataverse schemas found in: ${candidates.join(', ')}`);
}

function validate(paths: string[]): { ok: boolean; output: string } {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error) throw new Error('xmllint is not installed: apt-get install -y libxml2-utils');
  // SolutionPackager splits customizations.xml: a form file holds one <forms> block, a descriptor one <WebResource>.
  const dir = mkdtempSync(join(tmpdir(), 'crmc-xsd-'));
  const wrapper = join(dir, 'solution-parts.xsd');
  writeFileSync(
    wrapper,
    `<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified">
  <xs:include schemaLocation="${join(schemaDir(), 'CustomizationsSolution.xsd')}" />
  <xs:element name="forms" type="SystemFormsType" />
  <xs:element name="WebResource" type="webresourcetype" />
</xs:schema>
`,
  );
  const run = spawnSync('xmllint', ['--noout', '--schema', wrapper, ...paths], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stderr + run.stdout };
}

describe('schema validity', () => {
  it('forms and web resource descriptors validate against CustomizationsSolution.xsd / FormXml.xsd', () => {
    const result = validate([...forms, ...descriptors]);
    expect(result.output).not.toContain('fails to validate');
    expect(result.ok, result.output).toBe(true);
  });

  it('the check rejects a broken form (it is not vacuous)', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'crmc-bad-')), 'form.xml');
    writeFileSync(broken, readFileSync(forms[0], 'utf8').replace('<formLibraries>', '<formLibraries><Bogus />'));
    expect(validate([broken]).ok).toBe(false);
  });
});
