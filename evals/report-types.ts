import type { ChatMessage, RetrievalMode } from '../server/contract.js';
import type { CaseKind, EvalCase } from './case-schema.js';
import type { SentenceCheck } from './sentence-support.js';

export type Mode = RetrievalMode;
export const ALL_MODES: Mode[] = ['hybrid', 'lexical', 'vector'];

/** Per-case metric values; null where a metric does not apply to the case. */
export interface CaseMetrics {
  recallAtK: number | null;
  reciprocalRank: number | null;
  citationRecall: number | null;
  citationPrecision: number | null;
  sentenceSupport: number | null;
  factCoverage: number | null;
  statusCorrect: number;
  hotlinePresence: number | null;
  noticePresence: number | null;
  /** A citation quotes one of the case's supporting passages (cases that name them). */
  supportQuoted: number | null;
  /** An answerable case refused (not_found or out_of_scope). */
  refused: number | null;
  /** Words of an answered answer (markers and framing lines excluded). */
  answerWords: number | null;
}

/** A citation as the report shows it, with the grader's verdicts. */
export interface CitedPassage {
  n: number;
  sectionId: string;
  docId: string;
  locator: string;
  quote: string;
  /** The section is one the case expects. */
  expected: boolean;
  /** Counted as precise: expected, or its quote supports a sentence it is attached to. */
  precise: boolean;
}

/** Everything known about one case in one retrieval mode. */
export interface CaseResult {
  id: string;
  split: 'dev' | 'test';
  kind: CaseKind;
  persona: EvalCase['persona'];
  document: string;
  mode: Mode;
  messages: ChatMessage[];
  expect: EvalCase['expect'];
  status: string;
  answer: string;
  citations: CitedPassage[];
  hotlines: string[];
  notices: string[];
  /** Ranked section ids from retrieval (top 10), or null when retrieval could not be measured. */
  retrieved: string[] | null;
  sentences: SentenceCheck[];
  missingFacts: string[];
  missingHotlines: string[];
  metrics: CaseMetrics;
  failures: string[];
  passed: boolean;
  latencyMs: number;
  /** The composer that wrote the answer, when the response says ("extractive" or "llm"). */
  composer: string | null;
  error?: string;
}

/** Overall numbers for one mode; metric means skip cases where the metric is null. */
export interface ModeSummary {
  mode: Mode;
  cases: number;
  passed: number;
  failed: number;
  passRate: number;
  recallAtK: number | null;
  mrr: number | null;
  citationRecall: number | null;
  citationPrecision: number | null;
  sentenceSupport: number | null;
  factCoverage: number | null;
  statusAccuracy: number | null;
  hotlinePresence: number | null;
  noticePresence: number | null;
  supportQuoted: number | null;
  refusedRate: number | null;
  medianAnswerWords: number | null;
  latencyP50Ms: number;
  latencyP95Ms: number;
  byKind: Record<string, { passed: number; total: number }>;
  /** 95% Wilson intervals of the headline ratios. */
  intervals: Partial<Record<'passRate' | 'citationRecall' | 'supportQuoted' | 'statusAccuracy', [number, number]>>;
  /** Expected status -> returned status -> count. */
  confusion: Record<string, Record<string, number>>;
}

export type SummaryMetric = Exclude<keyof ModeSummary, 'mode' | 'cases' | 'passed' | 'failed' | 'byKind' | 'intervals' | 'confusion'>;

/** The summary metrics in display order, with how to read them. */
export const SUMMARY_METRICS: Array<{ key: SummaryMetric; label: string; unit: 'ratio' | 'ms' | 'count' }> = [
  { key: 'passRate', label: 'pass rate', unit: 'ratio' },
  { key: 'statusAccuracy', label: 'status accuracy', unit: 'ratio' },
  { key: 'recallAtK', label: 'retrieval recall@k', unit: 'ratio' },
  { key: 'mrr', label: 'retrieval MRR', unit: 'ratio' },
  { key: 'citationRecall', label: 'citation recall', unit: 'ratio' },
  { key: 'supportQuoted', label: 'quotes the supporting passage', unit: 'ratio' },
  { key: 'refusedRate', label: 'answerable but refused', unit: 'ratio' },
  { key: 'medianAnswerWords', label: 'median answer words', unit: 'count' },
  { key: 'citationPrecision', label: 'citation precision', unit: 'ratio' },
  { key: 'sentenceSupport', label: 'sentence support', unit: 'ratio' },
  { key: 'factCoverage', label: 'key-fact coverage', unit: 'ratio' },
  { key: 'hotlinePresence', label: 'hotlines when not answered', unit: 'ratio' },
  { key: 'noticePresence', label: 'conflict notice', unit: 'ratio' },
  { key: 'latencyP50Ms', label: 'latency p50', unit: 'ms' },
  { key: 'latencyP95Ms', label: 'latency p95', unit: 'ms' },
];

export interface ModeRun {
  summary: ModeSummary;
  /** The same numbers for the dev split (tuned on) and the test split (never tuned on). */
  splits: Partial<Record<'dev' | 'test', ModeSummary>>;
  cases: CaseResult[];
}

/** One metric that missed its threshold. */
export interface ThresholdFailure {
  metric: SummaryMetric;
  actual: number | null;
  limit: number;
  bound: 'min' | 'max';
}

/** One case whose result changed between the baseline and this run. */
export interface CaseChange {
  mode: Mode;
  id: string;
  failures: string[];
}

export interface Comparison {
  baselineFile: string;
  baselineCreatedAt: string;
  regressions: CaseChange[];
  fixed: CaseChange[];
  /** Cases in this run that the baseline does not have, and the reverse. */
  added: string[];
  removed: string[];
  deltas: Partial<Record<Mode, Partial<Record<SummaryMetric, number | null>>>>;
}

export interface GateVerdict {
  ok: boolean;
  /** The mode thresholds were checked in, or null when that mode was not run. */
  thresholdMode: Mode | null;
  thresholdFailures: ThresholdFailure[];
  comparison: Comparison | null;
  reasons: string[];
}

export interface EvalReport {
  schemaVersion: 1;
  createdAt: string;
  target: string;
  casesFile: string;
  indexBuildId: string | null;
  k: number;
  modes: Partial<Record<Mode, ModeRun>>;
  gate: GateVerdict | null;
}
