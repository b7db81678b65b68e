/**
 * Writes the prepared PGlite cluster (src/db/pglite-template.ts) for the code it is run from: `prepare` (run by
 * `npm install`) makes it for src/, `npm run build` for dist/. A failure is only a warning: without the file,
 * an empty DATA_DIR is created by PGlite as before, just slower.
 */
const started = performance.now();
const code = process.argv[2] === 'dist' ? '../dist/db/pglite-template.js' : '../src/db/pglite-template.ts';
try {
  const { writePgliteTemplate } = (await import(code)) as typeof import('../src/db/pglite-template.ts');
  const path = await writePgliteTemplate();
  console.log(`cardnavi: PGlite template ${path} (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  console.warn(`cardnavi: warning: no PGlite template (${String(error)}); a new DATA_DIR will take longer`);
}
process.exit(0);
