import { describe, expect, it } from 'vitest';
import { lineDiff, parseUnifiedDiff } from './lineDiff';

describe('line diff', () => {
  it('finds added, removed and kept lines with their numbers', () => {
    const d = lineDiff('a\nb\nc', 'a\nB\nc\nd');
    expect(d.map((l) => `${l.kind}:${l.text}`)).toEqual(['same:a', 'del:b', 'add:B', 'same:c', 'add:d']);
    expect(d[2]).toEqual({ kind: 'add', text: 'B', oldNo: null, newNo: 2 });
    expect(d[3]).toEqual({ kind: 'same', text: 'c', oldNo: 3, newNo: 3 });
  });
  it('is all-same for equal texts', () => {
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.kind === 'same')).toBe(true);
  });
  it('reads a unified diff', () => {
    const d = parseUnifiedDiff('--- v1\n+++ v2\n@@ -3,2 +3,2 @@\n keep\n-old\n+new');
    expect(d).toEqual([
      { kind: 'same', text: 'keep', oldNo: 3, newNo: 3 },
      { kind: 'del', text: 'old', oldNo: 4, newNo: null },
      { kind: 'add', text: 'new', oldNo: null, newNo: 4 },
    ]);
  });
});
