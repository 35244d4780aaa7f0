// Bundles each entry point into one file under dist/: the extension, the language server, the
// server's thread for parsing large messages (transportWorker) and the CLI.
// `--production` minifies for the .vsix; the default build keeps names and source maps for debugging.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');

const entryPoints = {
  extension: 'client/src/extension.ts',
  server: 'server/src/server.ts',
  transportWorker: 'server/src/transportWorker.ts',
  cli: 'server/src/cli.ts',
};

async function main() {
  await esbuild.build({
    entryPoints,
    outdir: 'dist',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    // jsonc-parser's UMD build requires its parts at run time, which a bundle cannot resolve; its ES module build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    minify: production,
    sourcemap: !production,
    sourcesContent: false,
    logLevel: 'warning',
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
