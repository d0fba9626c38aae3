// DRL in the editor: a small stream language for highlighting, and the mapping of the server's
// validation results (line, column, message) onto editor positions.
import type { Text } from '@codemirror/state';
import type { StreamParser, StringStream } from '@codemirror/language';

export interface ValidationMessage {
  line?: number | null;
  column?: number | null;
  message: string;
  severity?: string | null;
  /** `ruleset` (or absent) for the edited DRL; another name for a plugin's rule resource. */
  source?: string | null;
}

export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
}

function severityOf(s: string | null | undefined): EditorDiagnostic['severity'] {
  const v = (s ?? 'error').toLowerCase();
  if (v.startsWith('warn')) return 'warning';
  if (v.startsWith('info') || v === 'note') return 'info';
  return 'error';
}

/**
 * Maps validation results onto document offsets. Lines and columns are 1-based (as Drools reports
 * them); a result without a line marks the first line; out-of-range values are clamped so a stale
 * result never breaks the editor. The marker covers the word at the column, or the rest of the line.
 */
export function toDiagnostics(doc: Text, messages: readonly ValidationMessage[]): EditorDiagnostic[] {
  return messages.map((m) => {
    const lineNo = Math.min(Math.max(1, m.line ?? 1), doc.lines);
    const line = doc.line(lineNo);
    const hasColumn = typeof m.column === 'number' && m.column > 0;
    let from = line.from + (hasColumn ? Math.min((m.column as number) - 1, line.length) : 0);
    let to: number;
    if (hasColumn) {
      const rest = line.text.slice(from - line.from);
      const word = /^[\w$.]+/.exec(rest);
      to = from + (word ? word[0].length : Math.min(1, rest.length));
    } else {
      // whole line, without leading indentation
      const indent = /^\s*/.exec(line.text)![0].length;
      from = line.from + Math.min(indent, line.length);
      to = line.to;
    }
    // an empty line: mark its line break so the marker is visible
    if (to <= from) to = Math.min(doc.length, from + 1);
    if (to <= from && from > 0) from -= 1;
    const where = m.line ? ` (line ${m.line}${hasColumn ? `, column ${m.column}` : ''})` : '';
    return { from, to, severity: severityOf(m.severity), message: `${m.message}${where}` };
  });
}

const KEYWORDS = new Set([
  'package', 'import', 'global', 'rule', 'when', 'then', 'end', 'declare', 'query', 'function',
  'attributes', 'extends', 'not', 'exists', 'forall', 'from', 'collect', 'accumulate', 'eval',
  'and', 'or', 'over', 'window', 'entry-point', 'modify', 'insert', 'insertLogical', 'update',
  'retract', 'delete', 'matches', 'memberOf', 'contains', 'soundslike', 'in', 'instanceof',
  'if', 'else', 'return', 'new', 'this', 'null', 'true', 'false', 'do', 'break',
]);
const ATTRIBUTES = new Set([
  'salience', 'no-loop', 'agenda-group', 'activation-group', 'ruleflow-group', 'lock-on-active',
  'auto-focus', 'date-effective', 'date-expires', 'enabled', 'dialect', 'duration', 'timer',
  'calendars',
]);

interface DrlState {
  inComment: boolean;
}

/** A CodeMirror StreamLanguage parser for DRL (rule language of Drools). */
export const drlParser: StreamParser<DrlState> = {
  name: 'drl',
  startState: () => ({ inComment: false }),
  token(stream: StringStream, state: DrlState): string | null {
    if (state.inComment) {
      if (stream.skipTo('*/')) {
        stream.match('*/');
        state.inComment = false;
      } else stream.skipToEnd();
      return 'comment';
    }
    if (stream.eatSpace()) return null;
    if (stream.match('//') || stream.match('#')) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match('/*')) {
      state.inComment = true;
      return 'comment';
    }
    const ch = stream.peek();
    if (ch === '"' || ch === "'") {
      const quote = stream.next();
      let escaped = false;
      let c: string | void;
      while ((c = stream.next()) !== undefined) {
        if (c === quote && !escaped) break;
        escaped = !escaped && c === '\\';
      }
      return 'string';
    }
    if (stream.match(/^\d+(\.\d+)?[BbLlDdFf]?/)) return 'number';
    if (stream.match(/^\$[\w]+/)) return 'variableName.special';
    if (stream.match(/^@[\w]+/)) return 'meta';
    if (stream.match(/^[a-zA-Z_][\w-]*/)) {
      const word = stream.current();
      if (ATTRIBUTES.has(word)) return 'attributeName';
      // hyphenated words other than attributes are identifiers followed by a minus
      if (word.includes('-')) {
        stream.backUp(word.length - word.indexOf('-'));
      }
      const w = stream.current();
      if (KEYWORDS.has(w)) return 'keyword';
      if (/^[A-Z]/.test(w)) return 'typeName';
      return 'variableName';
    }
    if (stream.match(/^(==|!=|<=|>=|&&|\|\||->|[=<>!+\-*/%:;,.()[\]{}])/)) return 'operator';
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '//', block: { open: '/*', close: '*/' } } },
};
