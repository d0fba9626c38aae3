import { describe, expect, it } from 'vitest';
import { Text } from '@codemirror/state';
import { StringStream } from '@codemirror/language';
import { drlParser, toDiagnostics } from './drl';

const doc = Text.of([
  'package com.sharewise.rules.risk;',
  '',
  'rule "Max order value"',
  '  when',
  '    $o : OrderIntent( value > 500000 )',
  '  then',
  '    reject($o, "too big");',
  'end',
]);

describe('DRL lint mapping', () => {
  it('marks the word at a 1-based line and column', () => {
    const [d] = toDiagnostics(doc, [{ line: 5, column: 10, message: 'Unable to resolve ObjectType' }]);
    expect(doc.sliceString(d.from, d.to)).toBe('OrderIntent');
    expect(d.severity).toBe('error');
    expect(d.message).toBe('Unable to resolve ObjectType (line 5, column 10)');
  });
  it('marks the whole line without indentation when there is no column', () => {
    const [d] = toDiagnostics(doc, [{ line: 7, message: 'forbidden', severity: 'WARNING' }]);
    expect(doc.sliceString(d.from, d.to)).toBe('reject($o, "too big");');
    expect(d.severity).toBe('warning');
  });
  it('clamps out-of-range positions instead of failing', () => {
    const [a, b] = toDiagnostics(doc, [{ line: 99, column: 500, message: 'x' }, { line: 0, message: 'y' }]);
    expect(a.from).toBeLessThanOrEqual(doc.length);
    expect(a.to).toBeGreaterThan(a.from);
    expect(b.from).toBe(0);
  });
  it('marks an empty line with a one-character range', () => {
    const [d] = toDiagnostics(doc, [{ line: 2, column: 1, message: 'empty' }]);
    expect(d.to).toBeGreaterThan(d.from);
  });
});

describe('DRL highlighting', () => {
  function tokens(line: string): Array<[string, string | null]> {
    const state = drlParser.startState!(2);
    const s = new StringStream(line, 2, 2);
    const out: Array<[string, string | null]> = [];
    while (!s.eol()) {
      const style = drlParser.token(s, state);
      if (s.current().trim()) out.push([s.current(), style]);
      s.start = s.pos;
    }
    return out;
  }
  it('knows keywords, attributes, bindings, types and strings', () => {
    expect(tokens('rule "A" salience 10 no-loop when')).toEqual([
      ['rule', 'keyword'], ['"A"', 'string'], ['salience', 'attributeName'], ['10', 'number'],
      ['no-loop', 'attributeName'], ['when', 'keyword'],
    ]);
    expect(tokens('$o : OrderIntent( qty > 5 ) // c')).toEqual([
      ['$o', 'variableName.special'], [':', 'operator'], ['OrderIntent', 'typeName'], ['(', 'operator'],
      ['qty', 'variableName'], ['>', 'operator'], ['5', 'number'], [')', 'operator'], ['// c', 'comment'],
    ]);
  });
});
