import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { toInitializationOptions, toDidChangeConfigurationSettings, expandPath } from '../../src/settings';

test('defaults: no sources, no rule overrides, inlay hints on', () => {
  assert.deepEqual(toInitializationOptions({}), { sources: [], rules: {}, inlayHints: true });
});

test('passes valid settings through', () => {
  const opts = toInitializationOptions({
    sources: ['/data/wires', '/data/archive'],
    rules: { 'figure-unattributed': 'info', 'date-no-dateline': 'off' },
    inlayHints: false,
  });
  assert.deepEqual(opts, {
    sources: ['/data/wires', '/data/archive'],
    rules: { 'figure-unattributed': 'info', 'date-no-dateline': 'off' },
    inlayHints: false,
  });
});

test('expands ~ and ${workspaceFolder} in sources and drops duplicates and non-strings', () => {
  const problems: string[] = [];
  const opts = toInitializationOptions(
    { sources: ['~/wires', '${workspaceFolder}/other', 42, '', '~/wires'] },
    { home: '/home/ed', workspaceFolder: '/ws' },
    problems,
  );
  assert.deepEqual(opts.sources, ['/home/ed/wires', '/ws/other']);
  assert.equal(problems.length, 2);
});

test('normalizes severities and drops unknown ones', () => {
  const problems: string[] = [];
  const opts = toInitializationOptions(
    {
      rules: {
        'source-conflict': 'Warning',
        'date-weekday-mismatch': 'information',
        'date-after-publication': 'warn',
        'source-name-variant': false,
        'figure-unattributed': 'loud',
        'date-dateline-mismatch': 3,
      },
    },
    {},
    problems,
  );
  assert.deepEqual(opts.rules, {
    'source-conflict': 'warning',
    'date-weekday-mismatch': 'info',
    'date-after-publication': 'warning',
    'source-name-variant': 'off',
  });
  assert.equal(problems.length, 2);
  assert.match(problems[0], /figure-unattributed/);
});

test('wrong types fall back to defaults', () => {
  const problems: string[] = [];
  const opts = toInitializationOptions({ sources: 'nope', rules: ['x'], inlayHints: 'yes' }, {}, problems);
  assert.deepEqual(opts, { sources: [], rules: {}, inlayHints: true });
  assert.equal(problems.length, 2);
});

test('didChangeConfiguration payload nests under copydesk', () => {
  const opts = toInitializationOptions({ inlayHints: false });
  assert.deepEqual(toDidChangeConfigurationSettings(opts), { copydesk: { sources: [], rules: {}, inlayHints: false } });
});

test('expandPath leaves other paths alone', () => {
  assert.equal(expandPath('/abs/~x', { home: '/h' }), '/abs/~x');
  assert.equal(expandPath('~', { home: '/h' }), '/h');
});
