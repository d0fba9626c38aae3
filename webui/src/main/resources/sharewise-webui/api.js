// Talks to the public REST API only. Errors are problem+json documents; show their detail.
export async function api(path, options = {}) {
  const response = await fetch(`/api/v1${path}`, options);
  const type = response.headers.get('Content-Type') || '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok && !(path === '/health' && response.status === 503)) {
    const detail = body && body.detail ? body.detail : `${response.status} ${response.statusText}`;
    throw new Error(detail);
  }
  return body;
}

export function text(value) {
  return value === null || value === undefined ? '' : String(value);
}

export function row(cells) {
  const tr = document.createElement('tr');
  for (const cell of cells) {
    const td = document.createElement('td');
    if (cell instanceof Node) td.append(cell); else td.textContent = text(cell);
    tr.append(td);
  }
  return tr;
}

export function span(className, value) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text(value);
  return s;
}
