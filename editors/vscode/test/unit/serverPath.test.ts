import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveServerPath, ResolveEnv, FileProbe, INSTALL_HINT, describeOrigin } from '../../src/serverPath';

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

test('PATH is searched in order when the setting is empty and nothing is bundled', () => {
  const r = resolveServerPath({ ...base, configuredPath: '  ' }, probe(['/usr/bin/copydesk', '/usr/local/bin/copydesk']));
  assert.deepEqual(r, { ok: true, path: '/usr/local/bin/copydesk', origin: 'PATH' });
});

test('the bundled binary wins over PATH and ~/.cargo/bin', () => {
  const r = resolveServerPath(base, probe(['/ext/server/copydesk', '/usr/bin/copydesk', '/home/ed/.cargo/bin/copydesk']));
  assert.deepEqual(r, { ok: true, path: '/ext/server/copydesk', origin: 'bundled' });
});

test('PATH wins over ~/.cargo/bin', () => {
  const r = resolveServerPath(base, probe(['/usr/bin/copydesk', '/home/ed/.cargo/bin/copydesk']));
  assert.deepEqual(r, { ok: true, path: '/usr/bin/copydesk', origin: 'PATH' });
});

test('~/.cargo/bin is the last resort (an editor started from a desktop menu lacks the shell PATH)', () => {
  const p = probe(['/home/ed/.cargo/bin/copydesk']);
  const r = resolveServerPath({ ...base, envPath: '/usr/bin' }, p);
  assert.deepEqual(r, { ok: true, path: '/home/ed/.cargo/bin/copydesk', origin: 'cargo' });
  assert.deepEqual(p.asked, ['/ext/server/copydesk', '/usr/bin/copydesk', '/home/ed/.cargo/bin/copydesk']);
});

test('CARGO_HOME replaces ~/.cargo', () => {
  const r = resolveServerPath({ ...base, cargoHome: '/opt/cargo' }, probe(['/opt/cargo/bin/copydesk', '/home/ed/.cargo/bin/copydesk']));
  assert.deepEqual(r, { ok: true, path: '/opt/cargo/bin/copydesk', origin: 'cargo' });
});

test('the full order, one candidate removed at a time', () => {
  const all = ['/opt/copydesk', '/ext/server/copydesk', '/usr/local/bin/copydesk', '/home/ed/.cargo/bin/copydesk'];
  const origins: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const r = resolveServerPath({ ...base, configuredPath: i === 0 ? '/opt/copydesk' : '' }, probe(all.slice(i)));
    assert.ok(r.ok);
    if (r.ok) {
      assert.equal(r.path, all[i]);
      origins.push(r.origin);
    }
  }
  assert.deepEqual(origins, ['setting', 'bundled', 'PATH', 'cargo']);
});

test('nothing found: the message says where it looked and how to fix it', () => {
  const p = probe([]);
  const r = resolveServerPath({ ...base, envPath: '' }, p);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(
      r.message,
      'The copydesk language server was not found (looked in: /ext/server/copydesk, PATH, /home/ed/.cargo/bin/copydesk). ' + INSTALL_HINT,
    );
    assert.match(r.message, /copydesk-<platform>\.vsix/);
    assert.match(r.message, /cargo install/);
  }
  assert.deepEqual(p.asked, ['/ext/server/copydesk', '/home/ed/.cargo/bin/copydesk']);
});

test('no home directory: Cargo\'s folder is skipped, not guessed', () => {
  const p = probe([]);
  const r = resolveServerPath({ ...base, home: undefined, envPath: '' }, p);
  assert.equal(r.ok, false);
  assert.deepEqual(p.asked, ['/ext/server/copydesk']);
});

test('windows: copydesk.exe, ; separated PATH, the .cargo\\bin folder in %USERPROFILE%', () => {
  const win = { ...base, platform: 'win32' as const, extensionPath: 'C:\\ext', home: 'C:\\Users\\ed', workspaceFolder: undefined };
  const r = resolveServerPath({ ...win, envPath: 'C:\\tools;C:\\cargo\\bin' }, probe(['C:\\cargo\\bin\\copydesk.exe']));
  assert.deepEqual(r, { ok: true, path: 'C:\\cargo\\bin\\copydesk.exe', origin: 'PATH' });
  const b = resolveServerPath({ ...win, envPath: 'C:\\tools' }, probe(['C:\\ext\\server\\copydesk.exe', 'C:\\tools\\copydesk.exe']));
  assert.deepEqual(b, { ok: true, path: 'C:\\ext\\server\\copydesk.exe', origin: 'bundled' });
  const c = resolveServerPath({ ...win, envPath: 'C:\\tools' }, probe(['C:\\Users\\ed\\.cargo\\bin\\copydesk.exe']));
  assert.deepEqual(c, { ok: true, path: 'C:\\Users\\ed\\.cargo\\bin\\copydesk.exe', origin: 'cargo' });
});

test('every origin has a name for the output channel', () => {
  assert.equal(describeOrigin('bundled'), 'the binary bundled with the extension');
  assert.match(describeOrigin('cargo'), /\.cargo\/bin/);
  assert.match(describeOrigin('setting'), /copydesk\.path/);
  assert.equal(describeOrigin('PATH'), 'PATH');
});
