// The DRL editor: CodeMirror 6 with DRL highlighting, a dark theme and lint markers at the lines
// and columns the server reports.
import { useEffect, useRef } from 'preact/hooks';
import { EditorState, Compartment } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { StreamLanguage, bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { drlParser, toDiagnostics, type ValidationMessage } from '../lib/drl';

const drl = StreamLanguage.define(drlParser);

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#ff7b72', fontWeight: '600' },
  { tag: tags.attributeName, color: '#d2a8ff' },
  { tag: tags.string, color: '#a5d6ff' },
  { tag: tags.number, color: '#79c0ff' },
  { tag: tags.comment, color: '#8b949e', fontStyle: 'italic' },
  { tag: tags.typeName, color: '#ffa657' },
  { tag: tags.special(tags.variableName), color: '#7ee787' },
  { tag: tags.meta, color: '#d2a8ff' },
  { tag: tags.operator, color: '#c9d1d9' },
]);

const theme = EditorView.theme(
  {
    '&': { backgroundColor: '#0d1117', color: '#e6edf3', fontSize: '13px', height: '100%' },
    '.cm-content': { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', caretColor: '#58a6ff' },
    '.cm-gutters': { backgroundColor: '#0d1117', color: '#8b949e', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#161b2288' },
    '.cm-activeLineGutter': { backgroundColor: '#161b22' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: '#264f78 !important' },
    '.cm-tooltip': { backgroundColor: '#161b22', border: '1px solid #30363d', color: '#e6edf3' },
    '.cm-diagnostic-error': { borderLeft: '4px solid #f85149' },
    '.cm-diagnostic-warning': { borderLeft: '4px solid #d29922' },
    '.cm-scroller': { overflow: 'auto' },
  },
  { dark: true },
);

export function DrlEditor({
  value, onChange, messages, readOnly = false, label,
}: { value: string; onChange?: (v: string) => void; messages: ValidationMessage[]; readOnly?: boolean; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const ro = useRef(new Compartment());
  /** True while the editor takes a new value from its props: not the user's edit. */
  const external = useRef(false);

  useEffect(() => {
    if (!host.current) return;
    // The node's Content-Security-Policy allows no inline <style>, which CodeMirror would inject
    // into the document; inside a shadow root it uses constructed style sheets instead.
    const shadow = host.current.shadowRoot ?? host.current.attachShadow({ mode: 'open' });
    const mount = document.createElement('div');
    mount.className = 'drl-mount';
    mount.style.height = '100%';
    shadow.replaceChildren(mount);
    const v = new EditorView({
      parent: mount,
      root: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          drl,
          syntaxHighlighting(highlight),
          lintGutter(),
          theme,
          keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
          ro.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && !external.current) onChangeRef.current?.(u.state.doc.toString());
          }),
        ],
      }),
    });
    // contenteditable is a tab stop already; saying so lets checkers see the scroller is reachable
    v.contentDOM.tabIndex = 0;
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // external value changes (loading another version)
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const cur = v.state.doc.toString();
    if (cur !== value) {
      external.current = true;
      try {
        v.dispatch({ changes: { from: 0, to: cur.length, insert: value } });
      } finally {
        external.current = false;
      }
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: ro.current.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]) });
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const own = messages.filter((m) => !m.source || m.source === 'ruleset');
    const diagnostics: Diagnostic[] = toDiagnostics(v.state.doc, own);
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [messages, value]);

  // new problems: bring the first one into view
  useEffect(() => {
    const v = view.current;
    const first = messages.find((m) => (!m.source || m.source === 'ruleset') && (m.line ?? 0) > 0);
    if (!v || !first) return;
    const [d] = toDiagnostics(v.state.doc, [first]);
    v.dispatch({ selection: { anchor: d.from }, effects: EditorView.scrollIntoView(d.from, { y: 'center' }) });
  }, [messages]);

  return <div class="drl-editor" ref={host} />;
}
