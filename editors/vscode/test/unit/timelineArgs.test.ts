import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'path';
import { codePointColumn, reportInvocation, timelineArgs, targetFromLinkArgs } from '../../src/timelineArgs';

test('the report command line names the figure 1-based, with the source folders', () => {
  assert.deepEqual(timelineArgs({ file: '/ws/a b.md', line: 4, character: 0 }, '/ws', '/tmp/t.html', ['/news']), [
    'report', '/ws', '--figure', '/ws/a b.md:5:1', '--html', '/tmp/t.html', '--sources', '/news',
  ]);
});

test('hover link arguments: a file URI and a position, nothing else', () => {
  const file = (u: string) => (u.startsWith('file://') ? u.slice('file://'.length) : undefined);
  assert.deepEqual(targetFromLinkArgs([{ uri: 'file:///ws/a.md', line: 2, character: 7 }], file), {
    file: '/ws/a.md', line: 2, character: 7,
  });
  assert.equal(targetFromLinkArgs([{ uri: 'https://x/a.md', line: 2, character: 7 }], file), undefined);
  assert.equal(targetFromLinkArgs([{ uri: 'file:///ws/a.md', line: -1, character: 7 }], file), undefined);
  assert.equal(targetFromLinkArgs([{ uri: 'file:///ws/a.md', line: '2', character: 7 }], file), undefined);
  assert.equal(targetFromLinkArgs(undefined, file), undefined);
  assert.equal(targetFromLinkArgs('<script>', file), undefined);
});

test('the editor column becomes the code-point column copydesk counts', () => {
  const line = 'Storm \u{1F30A}\u{1F30A} toll: 40 dead';
  const utf16 = line.indexOf('40');
  assert.equal(codePointColumn(line, utf16), utf16 - 2);
  assert.equal(codePointColumn('plain 40', 6), 6);
  assert.equal(codePointColumn('short', 99), 5);
  assert.equal(codePointColumn('x', -3), 0);
});

test('the report runs from the workspace folder, naming an article inside it relatively', () => {
  const p = path.posix;
  assert.deepEqual(reportInvocation({ file: '/ws/news/a.md', line: 6, character: 9 }, '/ws', '/tmp/t.html', ['/more'], p), {
    cwd: '/ws',
    args: ['report', '.', '--figure', 'news/a.md:7:10', '--html', '/tmp/t.html', '--sources', '/more'],
  });
  // outside the folder (or a sibling whose name starts with dots): the absolute path
  assert.equal(reportInvocation({ file: '/other/a.md', line: 0, character: 0 }, '/ws', '/t.html', [], p).args[3], '/other/a.md:1:1');
  assert.equal(reportInvocation({ file: '/ws/..a.md', line: 0, character: 0 }, '/ws', '/t.html', [], p).args[3], '..a.md:1:1');
  const w = path.win32;
  assert.equal(reportInvocation({ file: 'C:\\ws\\a.md', line: 0, character: 0 }, 'C:\\ws', 'C:\\t.html', [], w).args[3], 'a.md:1:1');
  assert.equal(reportInvocation({ file: 'D:\\a.md', line: 0, character: 0 }, 'C:\\ws', 'C:\\t.html', [], w).args[3], 'D:\\a.md:1:1');
});
