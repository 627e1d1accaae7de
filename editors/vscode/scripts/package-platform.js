// Builds a platform-specific package, copydesk-<target>.vsix, with the release copydesk binary inside
// (server/copydesk, or server/copydesk.exe on Windows), as rust-analyzer and ruff ship theirs.
//
//   npm run package:platform                      # this machine's target, e.g. linux-x64
//   npm run package:platform -- --target darwin-arm64 --bin ../../target/aarch64-apple-darwin/release/copydesk
//
// The binary: --bin, else $COPYDESK_BIN, else <repo>/target/<rust triple>/release/copydesk when
// cross-compiled, else <repo>/target/release/copydesk, built with `cargo build --release --locked` (a
// no-op when it is up to date; CI passes the binary it has built, so it is built once). The copy is
// stripped (the release profile keeps debug info for profiling, which users do not need) when `strip`
// is available and the target is not Windows. Afterwards server/ is removed again, so
// `npm run package` keeps making the universal package without a server.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const repo = path.resolve(root, '../..');

/** VS Code targets and the Rust triples that build them. */
const TRIPLES = {
  'linux-x64': 'x86_64-unknown-linux-gnu',
  'linux-arm64': 'aarch64-unknown-linux-gnu',
  'darwin-x64': 'x86_64-apple-darwin',
  'darwin-arm64': 'aarch64-apple-darwin',
  'win32-x64': 'x86_64-pc-windows-msvc',
  'win32-arm64': 'aarch64-pc-windows-msvc',
  'alpine-x64': 'x86_64-unknown-linux-musl',
};

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function fail(msg) {
  console.error(`package-platform: ${msg}`);
  process.exit(1);
}

const hostTarget = `${process.platform}-${process.arch}`;
const target = arg('--target') || process.env.COPYDESK_VSCODE_TARGET || hostTarget;
if (!TRIPLES[target]) fail(`unknown target ${target} (known: ${Object.keys(TRIPLES).join(', ')})`);
const windows = target.startsWith('win32');
const exe = windows ? 'copydesk.exe' : 'copydesk';

function findBinary() {
  const given = arg('--bin') || process.env.COPYDESK_BIN;
  if (given) {
    if (!fs.existsSync(given)) fail(`no binary at ${given}`);
    return path.resolve(given);
  }
  const cross = path.join(repo, 'target', TRIPLES[target], 'release', exe);
  if (fs.existsSync(cross)) return cross;
  if (target !== hostTarget) {
    fail(`no binary for ${target}: run cargo build --release --target ${TRIPLES[target]}, or pass --bin`);
  }
  console.log('package-platform: cargo build --release --locked');
  execFileSync('cargo', ['build', '--release', '--locked'], { cwd: repo, stdio: 'inherit' });
  const native = path.join(repo, 'target', 'release', exe);
  if (!fs.existsSync(native)) fail(`cargo build did not produce ${native}`);
  return native;
}

const src = findBinary();
if (/[\\/]debug[\\/]/.test(src)) {
  console.warn(`package-platform: warning: ${src} looks like a debug build; users want the release build`);
}

const serverDir = path.join(root, 'server');
fs.rmSync(serverDir, { recursive: true, force: true });
fs.mkdirSync(serverDir, { recursive: true });
const dest = path.join(serverDir, exe);
fs.copyFileSync(src, dest);
fs.chmodSync(dest, 0o755);
if (!windows) {
  try {
    execFileSync('strip', [dest], { stdio: 'ignore' });
  } catch {
    // no strip, or a foreign binary format: ship it as built
  }
}
console.log(`package-platform: ${src} -> server/${exe} (${(fs.statSync(dest).size / 1e6).toFixed(1)} MB)`);

const out = `copydesk-${target}.vsix`;
try {
  const vsce = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  execFileSync(vsce, ['package', '--no-dependencies', '--target', target, '--out', out], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
} finally {
  fs.rmSync(serverDir, { recursive: true, force: true });
}
const size = fs.statSync(path.join(root, out)).size;
console.log(`package-platform: ${path.join(root, out)} (${(size / 1e6).toFixed(1)} MB, target ${target})`);
