// Copies the built copydesk binary into server/ so `vsce package` bundles it (used when neither
// copydesk.path nor PATH provide one). Source: $COPYDESK_BIN, else target/release, else target/debug.
// When there is no binary, server/ is emptied and the extension relies on the setting or PATH.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const repo = path.resolve(root, '../..');
const exe = process.platform === 'win32' ? 'copydesk.exe' : 'copydesk';
const candidates = [
  process.env.COPYDESK_BIN,
  path.join(repo, 'target', 'release', exe),
  path.join(repo, 'target', 'debug', exe),
].filter(Boolean);
const serverDir = path.join(root, 'server');
fs.rmSync(serverDir, { recursive: true, force: true });
fs.mkdirSync(serverDir, { recursive: true });
const src = candidates.find((p) => fs.existsSync(p));
if (!src) {
  console.log(`copy-server: no copydesk binary found (looked at ${candidates.join(', ')}); packaging without a bundled server.`);
  process.exit(0);
}
const dest = path.join(serverDir, exe);
fs.copyFileSync(src, dest);
fs.chmodSync(dest, 0o755);
console.log(`copy-server: bundled ${src} -> server/${exe} (${(fs.statSync(dest).size / 1e6).toFixed(1)} MB)`);
