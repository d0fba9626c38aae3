import type { ParameterSpecDto } from '../api/types';

/** The value a parameter shows: what the user typed, else its default, else empty. */
export function paramValue(p: ParameterSpecDto, values: Record<string, string>): string {
  const v = values[p.name];
  if (v !== undefined) return v;
  return p.defaultValue !== undefined && p.defaultValue !== null ? String(p.defaultValue) : '';
}

/** "1–500", "at least 2", "" — the allowed range in words, for the label. */
export function rangeText(p: ParameterSpecDto): string {
  if (p.type !== 'INTEGER' && p.type !== 'DECIMAL') return '';
  const fmt = (n: number) => n.toLocaleString('en-IN', { maximumFractionDigits: 6 });
  if (p.min != null && p.max != null) return `${fmt(p.min)}–${fmt(p.max)}`;
  if (p.min != null) return `at least ${fmt(p.min)}`;
  if (p.max != null) return `at most ${fmt(p.max)}`;
  return '';
}

/**
 * Inputs for a typed parameter schema (strategy parameters): numbers with their range, booleans as
 * check boxes, choices as selects, text otherwise. `errors` (by parameter name: the form's own
 * checks or the server's answer) show under the field they concern.
 */
export function ParamInputs({
  specs, values, onChange, idPrefix, errors = {},
}: {
  specs: ParameterSpecDto[];
  values: Record<string, string>;
  onChange: (v: Record<string, string>) => void;
  idPrefix: string;
  errors?: Record<string, string | undefined>;
}) {
  if (!specs.length) return <p class="muted small">No parameters.</p>;
  return (
    <div class="param-grid">
      {specs.map((p) => {
        const id = `${idPrefix}-${p.name}`;
        const v = paramValue(p, values);
        const set = (x: string) => onChange({ ...values, [p.name]: x });
        const range = rangeText(p);
        const error = errors[p.name];
        const hintId = p.description ? `${id}-hint` : undefined;
        const errId = error ? `${id}-err` : undefined;
        const describedBy = [errId, hintId].filter(Boolean).join(' ') || undefined;
        const common = { id, name: p.name, 'aria-invalid': error ? ('true' as const) : undefined, 'aria-describedby': describedBy };
        return (
          <div class={`field${error ? ' field-invalid' : ''}`} key={p.name} data-param={p.name}>
            <label for={id}>
              {p.name}
              {range && <span class="muted small"> ({range})</span>}
            </label>
            {p.type === 'BOOLEAN' ? (
              <input {...common} type="checkbox" checked={v === 'true'} onChange={(e) => set(String(e.currentTarget.checked))} />
            ) : p.choices && p.choices.length ? (
              <select {...common} value={v} onChange={(e) => set(e.currentTarget.value)}>
                {p.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : p.type === 'INTEGER' || p.type === 'DECIMAL' ? (
              <input
                {...common}
                type="text"
                inputMode={p.type === 'INTEGER' ? 'numeric' : 'decimal'}
                autoComplete="off"
                value={v}
                onInput={(e) => set(e.currentTarget.value)}
                onKeyDown={(e) => {
                  // arrow keys step the value, as a number field would, within the range
                  const dir = e.key === 'ArrowUp' ? 1 : e.key === 'ArrowDown' ? -1 : 0;
                  if (!dir) return;
                  const n = Number(v);
                  if (v.trim() === '' || !Number.isFinite(n)) return;
                  e.preventDefault();
                  set(String(stepValue(p, n, dir)));
                }}
              />
            ) : (
              <input {...common} type="text" autoComplete="off" value={v} onInput={(e) => set(e.currentTarget.value)} />
            )}
            {error && (
              <small id={errId} class="field-error">
                {error}
              </small>
            )}
            {p.description && (
              <small id={hintId} class="muted">
                {p.description}
              </small>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** One arrow-key step from `n`: 1 for whole numbers, else a tenth of the leading unit, clamped. */
export function stepValue(p: ParameterSpecDto, n: number, dir: 1 | -1 | number): number {
  const step = p.type === 'INTEGER' ? 1 : Math.abs(n) >= 10 ? 1 : 0.1;
  let next = Math.round((n + dir * step) * 1e6) / 1e6;
  if (p.min != null) next = Math.max(p.min, next);
  if (p.max != null) next = Math.min(p.max, next);
  return next;
}

/** Checks values against the schema; returns messages by parameter name. */
export function checkParams(specs: ParameterSpecDto[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of specs) {
    const raw = paramValue(p, values).trim();
    if (p.type === 'INTEGER' || p.type === 'DECIMAL') {
      const n = Number(raw);
      if (raw === '' || !Number.isFinite(n)) errors[p.name] = `${p.name} must be a number`;
      else if (p.type === 'INTEGER' && !Number.isInteger(n)) errors[p.name] = `${p.name} must be a whole number`;
      else if (p.min != null && n < p.min) errors[p.name] = `${p.name} must be at least ${p.min}`;
      else if (p.max != null && n > p.max) errors[p.name] = `${p.name} must be at most ${p.max}`;
    } else if (p.type === 'BOOLEAN') {
      if (raw !== 'true' && raw !== 'false') errors[p.name] = `${p.name} must be true or false`;
    } else if (p.choices && p.choices.length) {
      if (!p.choices.includes(raw)) errors[p.name] = `${p.name} must be one of ${p.choices.join(', ')}`;
    }
  }
  return errors;
}

/** Values typed for the API: numbers as numbers, booleans as booleans. */
export function typedParams(specs: ParameterSpecDto[], values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of specs) {
    const raw = values[p.name] ?? (p.defaultValue != null ? String(p.defaultValue) : undefined);
    if (raw === undefined) continue;
    out[p.name] = p.type === 'INTEGER' || p.type === 'DECIMAL' ? Number(raw) : p.type === 'BOOLEAN' ? raw === 'true' : raw;
  }
  return out;
}

/**
 * Values as the strategy and backtest APIs take them: text by parameter name, every parameter of
 * the schema (defaults filled in), numbers trimmed and written plainly ("10", "0.5").
 */
export function paramText(specs: ParameterSpecDto[], values: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of specs) {
    const raw = paramValue(p, values).trim();
    if (p.type === 'INTEGER' || p.type === 'DECIMAL') {
      const n = Number(raw);
      out[p.name] = raw !== '' && Number.isFinite(n) ? String(n) : raw;
    } else {
      out[p.name] = raw;
    }
  }
  return out;
}

/** The form's starting values from an instance's stored parameters (text), defaults for the rest. */
export function initialParams(specs: ParameterSpecDto[], given: Record<string, unknown> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of specs) {
    const v = given[p.name];
    out[p.name] = v !== undefined && v !== null ? String(v) : p.defaultValue !== undefined && p.defaultValue !== null ? String(p.defaultValue) : '';
  }
  return out;
}
