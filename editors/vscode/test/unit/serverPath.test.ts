import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveServerPath, ResolveEnv, FileProbe, INSTALL_HINT } from '../../src/serverPath';

function probe(executables: string[]): FileProbe & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    isExecutable(p: string) {
      asked.push(p);
      return executables.includes(p);
    },
  };
}

const base: ResolveEnv = {
  envPath: '/usr/local/bin:/usr/bin',
  extensionPath: '/ext',
  platform: 'linux',
  home: '/home/ed',
  workspaceFolder: '/ws',
};

test('the setting wins over PATH and the bundled binary', () => {
  const r = resolveServerPath(
    { ...base, configuredPath: '/opt/copydesk/bin/copydesk' },
    probe(['/opt/copydesk/bin/copydesk', '/usr/bin/copydesk', '/ext/server/copydesk']),
  );
  assert.deepEqual(r, { ok: true, path: '/opt/copydesk/bin/copydesk', origin: 'setting' });
});

test('the setting expands ~ and resolves relative paths against the workspace', () => {
  assert.deepEqual(resolveServerPath({ ...base, configuredPath: '~/.cargo/bin/copydesk' }, probe(['/home/ed/.cargo/bin/copydesk'])), {
    ok: true,
    path: '/home/ed/.cargo/bin/copydesk',
    origin: 'setting',
  });
  assert.deepEqual(resolveServerPath({ ...base, configuredPath: 'target/debug/copydesk' }, probe(['/ws/target/debug/copydesk'])), {
    ok: true,
    path: '/ws/target/debug/copydesk',
    origin: 'setting',
  });
});

test('a bare name in the setting is looked up on PATH', () => {
  const r = resolveServerPath({ ...base, configuredPath: 'copydesk-nightly' }, probe(['/usr/bin/copydesk-nightly']));
  assert.deepEqual(r, { ok: true, path: '/usr/bin/copydesk-nightly', origin: 'setting' });
});

test('a setting that points nowhere is an error, not a silent fallback', () => {
  const r = resolveServerPath({ ...base, configuredPath: '/nope/copydesk' }, probe(['/usr/bin/copydesk']));
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.match(r.message, /\/nope\/copydesk/);
    assert.ok(r.message.includes(INSTALL_HINT));
  }
});

test('PATH is searched in order when the setting is empty', () => {
  const r = resolveServerPath({ ...base, configuredPath: '  ' }, probe(['/usr/bin/copydesk', '/usr/local/bin/copydesk']));
  assert.deepEqual(r, { ok: true, path: '/usr/local/bin/copydesk', origin: 'PATH' });
});

test('the bundled binary is the last resort', () => {
  const r = resolveServerPath(base, probe(['/ext/server/copydesk']));
  assert.deepEqual(r, { ok: true, path: '/ext/server/copydesk', origin: 'bundled' });
});

test('nothing found: the message tells the user how to fix it', () => {
  const p = probe([]);
  const r = resolveServerPath({ ...base, envPath: '' }, p);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.message, 'The copydesk language server was not found. Install copydesk with `cargo install --path .` or set copydesk.path.');
  assert.deepEqual(p.asked, ['/ext/server/copydesk']);
});

test('windows: copydesk.exe and ; separated PATH', () => {
  const r = resolveServerPath(
    { ...base, platform: 'win32', envPath: 'C:\\tools;C:\\cargo\\bin', extensionPath: 'C:\\ext', workspaceFolder: undefined },
    probe(['C:\\cargo\\bin\\copydesk.exe']),
  );
  assert.deepEqual(r, { ok: true, path: 'C:\\cargo\\bin\\copydesk.exe', origin: 'PATH' });
  const b = resolveServerPath({ ...base, platform: 'win32', envPath: '', extensionPath: 'C:\\ext' }, probe(['C:\\ext\\server\\copydesk.exe']));
  assert.deepEqual(b, { ok: true, path: 'C:\\ext\\server\\copydesk.exe', origin: 'bundled' });
});
