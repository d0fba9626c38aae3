import type { ParameterSpecDto } from '../api/types';

/** Inputs for a typed parameter schema (strategy or indicator parameters). */
export function ParamInputs({ specs, values, onChange, idPrefix }: { specs: ParameterSpecDto[]; values: Record<string, string>; onChange: (v: Record<string, string>) => void; idPrefix: string }) {
  if (!specs.length) return <p class="muted small">No parameters.</p>;
  return (
    <div class="param-grid">
      {specs.map((p) => {
        const id = `${idPrefix}-${p.name}`;
        const v = values[p.name] ?? (p.defaultValue !== undefined && p.defaultValue !== null ? String(p.defaultValue) : '');
        const set = (x: string) => onChange({ ...values, [p.name]: x });
        const range = p.min != null || p.max != null ? ` (${p.min ?? '…'}–${p.max ?? '…'})` : '';
        return (
          <div class="field" key={p.name}>
            <label for={id}>
              {p.name}
              <span class="muted small">{range}</span>
            </label>
            {p.type === 'BOOLEAN' ? (
              <input id={id} type="checkbox" checked={v === 'true'} onChange={(e) => set(String(e.currentTarget.checked))} />
            ) : p.choices && p.choices.length ? (
              <select id={id} value={v} onChange={(e) => set(e.currentTarget.value)}>
                {p.choices.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            ) : (
              <input id={id} inputMode={p.type === 'INTEGER' ? 'numeric' : p.type === 'DECIMAL' ? 'decimal' : 'text'} value={v} onInput={(e) => set(e.currentTarget.value)} title={p.description} />
            )}
            {p.description && <small class="muted">{p.description}</small>}
          </div>
        );
      })}
    </div>
  );
}

/** Checks values against the schema; returns messages by parameter name. */
export function checkParams(specs: ParameterSpecDto[], values: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of specs) {
    const raw = values[p.name] ?? (p.defaultValue != null ? String(p.defaultValue) : '');
    if (p.type === 'INTEGER' || p.type === 'DECIMAL') {
      const n = Number(raw);
      if (raw.trim() === '' || !Number.isFinite(n)) errors[p.name] = `${p.name} must be a number`;
      else if (p.type === 'INTEGER' && !Number.isInteger(n)) errors[p.name] = `${p.name} must be a whole number`;
      else if (p.min != null && n < p.min) errors[p.name] = `${p.name} must be at least ${p.min}`;
      else if (p.max != null && n > p.max) errors[p.name] = `${p.name} must be at most ${p.max}`;
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
