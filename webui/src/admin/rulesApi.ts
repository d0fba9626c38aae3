// Rule sets: versions, validation, four-eyes workflow, scenarios, diff and shadow reports.
import { api } from '../api/client';
import { num, readList } from '../api/read';
import { ApiError } from '../lib/problem';
import type { ValidationMessage } from '../lib/drl';

type Obj = Record<string, unknown>;

export const RULE_KINDS = ['risk', 'signal', 'workflow'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export interface ScenarioResult {
  name: string;
  passed: boolean;
  expected?: string;
  actual?: string;
  message?: string;
  firedRules?: string[];
}

export interface KindSummary {
  kind: string;
  activeVersion: number;
  runningVersion: number;
  versions: number;
}

export interface ShadowDifference {
  decisionId?: string;
  subject?: string;
  activeOutcome?: string;
  activeRule?: string;
  activeReason?: string;
  candidateOutcome?: string;
  candidateRule?: string;
  candidateReason?: string;
  observedAt?: string;
}

export interface ShadowRun {
  runId: number;
  candidateVersion: number;
  mode: string;
  startedBy?: string;
  startedAt?: string;
  stoppedAt?: string | null;
  evaluated: number;
  differing: number;
  differences: ShadowDifference[];
}

export interface RuleVersion {
  version: number;
  status: string;
  author?: string;
  createdAt?: string;
  comment?: string;
  contentHash?: string;
  drl?: string;
  validation: ValidationMessage[];
  scenarioResults: ScenarioResult[];
  scenariosPassed?: boolean;
  submittedBy?: string;
  reviewedBy?: string;
  reviewComment?: string;
  activatedBy?: string;
  activatedAt?: string;
}

function str(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}

/** Validation results; problems in a plugin's rule resources (source ≠ ruleset) are kept but not placed in the editor. */
export function readValidation(v: unknown): ValidationMessage[] {
  const list = Array.isArray(v) ? v : readList(v, 'validation', 'errors', 'messages', 'problems');
  return (list as Obj[]).map((m) => ({
    source: str(m.source),
    line: num(m.line ?? m.lineNumber),
    column: num(m.column ?? m.col ?? m.columnNumber),
    message: String(m.message ?? m.text ?? m.detail ?? JSON.stringify(m)),
    severity: str(m.severity ?? m.level) ?? 'error',
  }));
}

export function readScenarioResults(v: unknown): ScenarioResult[] {
  const list = Array.isArray(v) ? v : readList(v, 'results', 'scenarioResults', 'scenarios');
  return (list as Obj[]).map((r) => ({
    name: String(r.name ?? r.scenario ?? ''),
    passed: Boolean(r.passed ?? r.ok ?? r.success ?? (r.status ? String(r.status).toUpperCase() === 'PASSED' : false)),
    expected: str(typeof r.expected === 'object' ? JSON.stringify(r.expected) : r.expected ?? r.expect),
    actual: str(typeof r.actual === 'object' ? JSON.stringify(r.actual) : r.actual),
    message: Array.isArray(r.failures) && r.failures.length ? (r.failures as unknown[]).map(String).join('; ') : str(r.message ?? r.detail ?? r.reason),
    firedRules: Array.isArray(r.firedRules) ? (r.firedRules as unknown[]).map(String) : undefined,
  }));
}

export function readVersion(raw: unknown): RuleVersion {
  const o = (raw ?? {}) as Obj;
  return {
    version: num(o.version ?? o.number ?? o.id) ?? 0,
    status: String(o.status ?? o.state ?? ''),
    author: str(o.author ?? o.createdBy),
    createdAt: str(o.createdAt ?? o.created),
    comment: str(o.comment),
    contentHash: str(o.contentHash ?? o.hash),
    drl: str(o.drl ?? o.content ?? o.source),
    validation: readValidation(o.validation ?? o.validationResults ?? o.errors ?? []),
    scenarioResults: readScenarioResults(o.scenarioResults ?? o.scenarios ?? []),
    scenariosPassed: o.scenariosPassed === undefined ? undefined : Boolean(o.scenariosPassed),
    submittedBy: str(o.submittedBy),
    reviewedBy: str(o.reviewedBy ?? o.approvedBy),
    reviewComment: str(o.reviewComment),
    activatedBy: str(o.activatedBy),
    activatedAt: str(o.activatedAt),
  };
}

const base = (kind: string) => `/rulesets/${encodeURIComponent(kind)}`;

export function readShadow(raw: unknown): ShadowRun {
  const o = (raw ?? {}) as Obj;
  return {
    runId: num(o.runId ?? o.id) ?? 0,
    candidateVersion: num(o.candidateVersion ?? o.version) ?? 0,
    mode: String(o.mode ?? ''),
    startedBy: str(o.startedBy),
    startedAt: str(o.startedAt),
    stoppedAt: o.stoppedAt === null ? null : str(o.stoppedAt),
    evaluated: num(o.evaluated) ?? 0,
    differing: num(o.differing) ?? 0,
    differences: (Array.isArray(o.differences) ? o.differences : []) as ShadowDifference[],
  };
}

export const rules = {
  kinds: async (o: { signal?: AbortSignal } = {}) => readList(await api.get<unknown>('/rulesets', o), 'kinds') as KindSummary[],
  versions: async (kind: string, o: { signal?: AbortSignal } = {}) =>
    readList(await api.get<unknown>(`${base(kind)}/versions`, o), 'versions').map(readVersion).sort((a, b) => b.version - a.version),
  version: async (kind: string, v: number, o: { signal?: AbortSignal } = {}) => readVersion(await api.get<unknown>(`${base(kind)}/versions/${v}`, o)),
  /**
   * Saves DRL as a new draft. A DRL that does not compile comes back as 422 with its messages:
   * both outcomes give the messages to mark in the editor.
   */
  create: async (kind: string, drl: string, comment: string): Promise<{ version: RuleVersion | null; messages: ValidationMessage[]; error: ApiError | null }> => {
    try {
      const v = readVersion(await api.post<unknown>(`${base(kind)}/versions`, { drl, comment }, { timeoutMs: 60_000 }));
      return { version: v, messages: v.validation, error: null };
    } catch (e) {
      if (e instanceof ApiError && (e.status === 422 || e.status === 400)) {
        const errs = (e.problem.errors ?? {}) as Obj;
        let messages = readValidation(errs.validation ?? errs.errors ?? errs.messages ?? errs.problems ?? errs.lines ?? []);
        if (!messages.length && e.detail) {
          // "line 7: …" in the detail
          const m = /line (\d+)(?:[^\d]+column (\d+))?/i.exec(e.detail);
          messages = [{ line: m ? Number(m[1]) : null, column: m?.[2] ? Number(m[2]) : null, message: e.detail }];
        }
        return { version: null, messages, error: e };
      }
      throw e;
    }
  },
  submit: (kind: string, v: number, comment?: string) => api.post<unknown>(`${base(kind)}/versions/${v}/submit`, { comment }),
  approve: (kind: string, v: number, comment?: string) => api.post<unknown>(`${base(kind)}/versions/${v}/approve`, { comment }),
  reject: (kind: string, v: number, comment?: string) => api.post<unknown>(`${base(kind)}/versions/${v}/reject`, { comment }),
  activate: (kind: string, v: number) => api.post<unknown>(`${base(kind)}/versions/${v}/activate`, {}, { timeoutMs: 60_000 }),
  rollback: (kind: string, v: number) => api.post<unknown>(`${base(kind)}/rollback`, { version: v }, { timeoutMs: 60_000 }),
  diff: (kind: string, from: number, to: number, o: { signal?: AbortSignal } = {}) => api.get<unknown>(`${base(kind)}/diff`, { ...o, query: { from, to } }),
  scenarios: async (kind: string, o: { signal?: AbortSignal } = {}) => readList(await api.get<unknown>(`${base(kind)}/scenarios`, o), 'scenarios') as Obj[],
  saveScenario: (kind: string, scenario: Obj) => api.put<unknown>(`${base(kind)}/scenarios/${encodeURIComponent(String(scenario.name))}`, scenario),
  deleteScenario: (kind: string, name: string) => api.del<unknown>(`${base(kind)}/scenarios/${encodeURIComponent(name)}`),
  runScenarios: async (kind: string, v: number) => readScenarioResults(await api.post<unknown>(`${base(kind)}/scenarios/run`, undefined, { query: { version: v }, timeoutMs: 60_000 })),
  /** Shadow runs of this kind, newest first. */
  shadowRuns: async (kind: string, o: { signal?: AbortSignal } = {}) =>
    readList(await api.get<unknown>(`${base(kind)}/shadow`, { ...o, timeoutMs: 30_000 }), 'runs').map(readShadow).sort((a, b) => b.runId - a.runId),
  shadowReport: async (kind: string, run: number, o: { signal?: AbortSignal } = {}) =>
    readShadow(await api.get<unknown>(`${base(kind)}/shadow/${run}`, { ...o, query: { limit: 500 }, timeoutMs: 30_000 })),
  startShadow: async (kind: string, v: number) => readShadow(await api.post<unknown>(`${base(kind)}/shadow`, { version: v })),
  stopShadow: async (kind: string) => readShadow(await api.del<unknown>(`${base(kind)}/shadow`)),
  replay: async (kind: string, v: number, from?: string, to?: string) =>
    readShadow(await api.post<unknown>(`${base(kind)}/shadow/replay`, { version: v, from, to }, { timeoutMs: 120_000 })),
  evaluate: (kind: string, version: number | null, given: unknown) =>
    api.post<Record<string, unknown>>(`${base(kind)}/evaluate`, { version: version ?? undefined, given }, { timeoutMs: 30_000 }),
  explain: (decisionId: string, o: { signal?: AbortSignal } = {}) => api.get<Obj>(`/rulesets/decisions/${encodeURIComponent(decisionId)}`, o),
};
