// Builds assets/plotly-custom-<version>.min.js and its licence file from the npm package
// plotly.js (the version plotly for Python ships: plotly.offline.get_plotlyjs_version()).
import { build } from 'esbuild';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const version = require('plotly.js/package.json').version;
const traces = ['scatter', 'bar'];
const assets = new URL('../../assets/', import.meta.url);
const out = new URL(`plotly-custom-${version}.min.js`, assets);

const result = await build({
  entryPoints: ['entry.js'],
  outfile: out.pathname,
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'Plotly',
  target: 'es2016', // as plotly.js's own dist bundles
  // As plotly.js's esbuild-config.js: `global` is the window, no AMD, no Node debug flag.
  define: { global: 'window', 'define.amd': 'false', 'process.env.NODE_DEBUG': 'false' },
  // maplibre-gl's stylesheet is only for map traces (plotly's registry requires it).
  loader: { '.css': 'empty' },
  legalComments: 'external',
  banner: {
    js: `/** plotly.js v${version} — custom bundle (traces: ${traces.join(', ')}) built with esbuild from the npm package; licences: plotly-custom.LICENSE.txt */`,
  },
  metafile: true,
  logLevel: 'warning',
});

// Every npm package with code in the bundle, with its licence text (from the metafile).
const packages = new Map();
const bundled = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
for (const [input, { bytesInOutput }] of Object.entries(bundled.inputs)) {
  if (!bytesInOutput || input.endsWith(".css")) continue; // the empty stylesheet stub
  const match = input.match(/^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match && !packages.has(match[1])) packages.set(match[1], null);
}
const sections = [];
for (const dir of [...packages.keys()].sort()) {
  const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `(no licence file; package.json says ${meta.license})`;
  sections.push(`--- ${meta.name} ${meta.version} (${meta.license}) ---\n${text}`);
}
const legal = out.pathname + '.LEGAL.txt';
const notices = existsSync(legal) ? readFileSync(legal, 'utf8') : '';
const licence =
  `plotly.js v${version} (https://github.com/plotly/plotly.js), custom bundle of the traces ${traces.join(', ')},\n` +
  `built by scripts/plotly-bundle from the npm packages below (${packages.size} packages).\n\n` +
  sections.join('\n\n') +
  (notices ? '\n\n--- notices kept from comments in the bundled code ---\n' + notices : '') +
  '\n';
writeFileSync(new URL('plotly-custom.LICENSE.txt', assets), licence);
if (existsSync(legal)) rmSync(legal);
console.log(`wrote ${out.pathname}`);
