import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { timelineArgs, targetFromLinkArgs } from '../../src/timelineArgs';

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
