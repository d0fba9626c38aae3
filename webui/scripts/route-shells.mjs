// The node serves the UI as static files, with no fallback to index.html for unknown paths. So
// that every client-side route can be opened directly or reloaded (e.g. /admin/rules), the build
// writes a copy of index.html at <route>/index.html; Jetty serves it as that folder's welcome file.
// Route parameters travel in the query string (/orders?id=42), never in the path.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target/classes/sharewise-webui');
const routes = JSON.parse(readFileSync(join(root, 'src/routes.json'), 'utf8'));
const shell = readFileSync(join(out, 'index.html'), 'utf8');
let written = 0;
for (const route of routes) {
  if (route === '/') continue;
  const folder = join(out, route);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'index.html'), shell);
  written++;
}
console.log(`route shells: ${written} folders get index.html`);
