/**
 * What the Dashboard computes without React: the filter form as the API's `KpiFilter` (local
 * calendar days of a time zone turned into instants), the decision filter a figure links to, how
 * figures are written, and the CSV of the buckets on screen.
 */
import type {
  DecisionFilter,
  EditorHandoffKpisQuery,
  EditorHandoffSuggestionsQuery,
  EditorKpiDecisionFilterFragment,
  EditorKpiFiguresFragment,
  KpiBucket,
  KpiFilter,
} from '../api/generated/operations';

export type HandoffKpis = EditorHandoffKpisQuery['handoffKpis'];
export type KpiFigures = EditorKpiFiguresFragment;
export type KpiBucketFigures = HandoffKpis['buckets'][number];
export type HandoffSuggestion = EditorHandoffSuggestionsQuery['handoffSuggestions'][number];
export type KpiDecisionFilter = EditorKpiDecisionFilterFragment;

/**
 * The range presets of the form: whole days up to yesterday (a day still running would show its
 * figures so far next to complete ones), today so far, or the dates typed (`custom`).
 */
export const RANGE_PRESETS = [
  { id: '7', label: 'Last 7 days', days: 7 },
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: '90', label: 'Last 90 days', days: 90 },
  { id: 'today', label: 'Today so far', days: 0 },
  { id: 'custom', label: 'Custom dates', days: null },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];

/** The filter form: every field a string, '' meaning "all". Dates are local calendar days (YYYY-MM-DD), `to` inclusive. */
export interface DashboardForm {
  preset: RangePreset;
  from: string;
  to: string;
  policyId: string;
  policyVersion: string;
  reasonCode: string;
  queueId: string;
  channel: string;
  language: string;
  bucket: KpiBucket;
  timeZone: string;
}

/** Longest range the API answers, in days. */
export const MAX_RANGE_DAYS = 366;

/** The browser's time zone (UTC when it has none). */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Every IANA time zone the browser knows, the browser's and UTC included. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', current, ...known])].sort((a, b) => a.localeCompare(b));
}

/** The local calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Milliseconds `timeZone` is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(value('year'), value('month') - 1, value('day'), value('hour'), value('minute'), value('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant local midnight of `date` (YYYY-MM-DD) happens in `timeZone` (daylight saving included). */
export function startOfDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return new Date(guess);
}

/** The dates of a preset in `timeZone` (`to` inclusive): the last `days` whole days, or today. */
export function presetRange(preset: RangePreset, timeZone: string, now = new Date()): { from: string; to: string } | null {
  const days = RANGE_PRESETS.find((p) => p.id === preset)?.days ?? null;
  if (days === null) return null;
  const today = localDate(now, timeZone);
  if (days === 0) return { from: today, to: today };
  const to = addDays(today, -1);
  return { from: addDays(to, -(days - 1)), to };
}

/** The form a dashboard opens with: the last 30 whole days, per day, in the browser's time zone. */
export function defaultForm(timeZone = browserTimeZone(), now = new Date()): DashboardForm {
  const range = presetRange('30', timeZone, now) as { from: string; to: string };
  return { preset: '30', ...range, policyId: '', policyVersion: '', reasonCode: '', queueId: '', channel: '', language: '', bucket: 'DAY', timeZone };
}

/**
 * The form switched to "Today so far", other filters kept; null when its range already reaches today.
 * Offered when a range ending yesterday (every preset but today) has no decision: a new install's
 * first decisions are all today's.
 */
export function todayInstead(form: DashboardForm, now = new Date()): DashboardForm | null {
  const today = presetRange('today', form.timeZone, now) as { from: string; to: string };
  return form.to < today.from ? { ...form, preset: 'today', ...today } : null;
}

/** True when a field other than the range, buckets and time zone narrows the figures. */
export function isNarrowed(form: DashboardForm): boolean {
  return [form.policyId, form.policyVersion, form.reasonCode, form.queueId, form.channel, form.language].some((v) => v !== '');
}

/** The fields that narrow the figures, for people: "channel email · language it". */
export function narrowing(form: DashboardForm): string {
  const parts: [string, string][] = [
    ['policy', form.policyId],
    ['version', form.policyId && form.policyVersion ? `v${form.policyVersion}` : ''],
    ['reason', form.reasonCode],
    ['queue', form.queueId],
    ['channel', form.channel],
    ['language', form.language],
  ];
  return parts
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name} ${value}`)
    .join(' · ');
}

/** What is wrong with the form's range, or null. */
export function rangeProblem(form: DashboardForm): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.from) || !/^\d{4}-\d{2}-\d{2}$/.test(form.to)) return 'Give both dates of the range.';
  if (form.from > form.to) return 'The range starts after it ends: swap the dates.';
  const days = (Date.parse(form.to) - Date.parse(form.from)) / 86_400_000 + 1;
  if (days > MAX_RANGE_DAYS) return `The range spans ${days} days; the dashboard shows at most ${MAX_RANGE_DAYS}.`;
  return null;
}

/** The API filter of the form: from local midnight of `from` to local midnight after `to`, in the form's time zone. */
export function toKpiFilter(form: DashboardForm): KpiFilter {
  const filter: KpiFilter = {
    from: startOfDay(form.from, form.timeZone).toISOString(),
    to: startOfDay(addDays(form.to, 1), form.timeZone).toISOString(),
  };
  if (form.policyId) filter.policyId = form.policyId;
  if (form.policyId && form.policyVersion) filter.policyVersion = Number(form.policyVersion);
  if (form.reasonCode) filter.reasonCode = form.reasonCode;
  if (form.queueId) filter.queueId = form.queueId;
  if (form.channel) filter.channel = form.channel;
  if (form.language) filter.language = form.language;
  return filter;
}

/** The `decisions` query's filter for a figure's link (the answer's own object, without Apollo's `__typename` and empty fields). */
export function toDecisionFilter(link: KpiDecisionFilter): DecisionFilter {
  const filter: DecisionFilter = {};
  for (const [key, value] of Object.entries(link)) {
    if (key !== '__typename' && value !== null && value !== undefined) (filter as Record<string, unknown>)[key] = value;
  }
  return filter;
}

// Writing figures.

export const NONE = '–';

export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? NONE : `${(rate * 100).toFixed(digits)}%`;
}

export function count(n: number): string {
  return n.toLocaleString('en');
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${count(n)} ${n === 1 ? word : many}`;
}

/** A duration for people: 45 s, 3 min 10 s, 2 h 05 min, 1 d 4 h. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return NONE;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 === 0 || s >= 600 ? `${Math.round(s / 60)} min` : `${Math.floor(s / 60)} min ${s % 60} s`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${String(Math.round((s % 3600) / 60)).padStart(2, '0')} min`;
  return `${Math.floor(s / 86_400)} d ${Math.round((s % 86_400) / 3600)} h`;
}

/** A short duration for chart axes: 45s, 12m, 3h, 2d. */
export function shortDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)}m`;
  if (seconds < 86_400) return `${+(seconds / 3600).toFixed(1)}h`;
  return `${+(seconds / 86_400).toFixed(1)}d`;
}

export function csat(average: number | null | undefined): string {
  return average === null || average === undefined ? NONE : average.toFixed(2);
}

export function signed(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined) return NONE;
  const text = Math.abs(value).toFixed(digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A change of a rate in percentage points, e.g. −4.2 pts. */
export function points(change: number | null | undefined): string {
  return change === null || change === undefined ? NONE : `${signed(change * 100, 1)} pts`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A bucket's label (its first local day, YYYY-MM-DD) on an axis: "Nov 9". */
export function bucketLabel(label: string): string {
  const [, m, d] = label.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1] ?? '?'} ${d}`;
}

/** A month (YYYY-MM) for people: "Nov 2026". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${MONTHS[m - 1] ?? '?'} ${y}`;
}

/** The range a bucket covers, for people: "Nov 9" or "week of Nov 9". */
export function bucketTitle(bucket: Pick<KpiBucketFigures, 'label'>, unit: KpiBucket): string {
  return unit === 'WEEK' ? `week of ${bucketLabel(bucket.label)}` : bucketLabel(bucket.label);
}

/** Reasons in the order the charts stack and colour them: most handoffs over the range first. */
export function reasonsOf(kpis: HandoffKpis): string[] {
  return kpis.overall.byReason.map((r) => r.reasonCode);
}

/** A colour per reason, stable for the order given (a palette readable on light and dark). */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#86bcb6', '#d37295'];
export function reasonColour(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

// CSV export.

const CSV_COLUMNS: [string, (f: KpiFigures) => number | string | null][] = [
  ['conversations', (f) => f.conversations],
  ['handoffs', (f) => f.handoffs],
  ['handoff_rate', (f) => f.handoffRate],
  ['assigned_count', (f) => f.timeToAssignment.count],
  ['assigned_p50_seconds', (f) => f.timeToAssignment.p50Seconds],
  ['assigned_p90_seconds', (f) => f.timeToAssignment.p90Seconds],
  ['first_response_count', (f) => f.timeToFirstResponse.count],
  ['first_response_p50_seconds', (f) => f.timeToFirstResponse.p50Seconds],
  ['first_response_p90_seconds', (f) => f.timeToFirstResponse.p90Seconds],
  ['resolution_p50_seconds', (f) => f.timeToResolution.p50Seconds],
  ['resolution_p90_seconds', (f) => f.timeToResolution.p90Seconds],
  ['handoff_outcomes', (f) => f.handoffOutcomes],
  ['resolutions', (f) => f.resolutions],
  ['resolved', (f) => f.resolved],
  ['unresolved', (f) => f.unresolved],
  ['transferred', (f) => f.transferred],
  ['abandoned', (f) => f.abandoned],
  ['resolution_rate', (f) => f.resolutionRate],
  ['net_resolution_rate', (f) => f.netResolutionRate],
  ['reopened', (f) => f.reopened],
  ['repeat_handoffs', (f) => f.repeatHandoffs],
  ['repeat_handoff_rate', (f) => f.repeatHandoffRate],
  ['csat_handoff_responses', (f) => f.csatHandoff.responses],
  ['csat_handoff_average', (f) => f.csatHandoff.average],
  ['csat_ai_only_responses', (f) => f.csatAiOnly.responses],
  ['csat_ai_only_average', (f) => f.csatAiOnly.average],
  ['csat_gap', (f) => f.csatGap],
  ['ai_outcomes', (f) => f.aiOutcomes],
  ['ai_resolved', (f) => f.aiResolved],
  ['ai_resolution_rate', (f) => f.aiResolutionRate],
  ['verdicts', (f) => f.verdicts],
  ['unnecessary', (f) => f.unnecessary],
  ['unnecessary_escalation_rate', (f) => f.unnecessaryEscalationRate],
  ['corrections', (f) => f.corrections],
  ['sentiment_measured', (f) => f.sentimentMeasured],
  ['sentiment_at_handoff', (f) => f.sentimentAtHandoff],
];

function csvCell(value: number | string | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The buckets on screen as CSV: one row per bucket (oldest first), then a `total` row; rates are
 * 0..1 and durations seconds as the API gives them; one `handoffs_<reason>` column per reason.
 */
export function kpiCsv(kpis: HandoffKpis): string {
  const reasons = reasonsOf(kpis);
  const header = ['bucket', 'start', 'end', 'time_zone', ...CSV_COLUMNS.map(([name]) => name), ...reasons.map((r) => `handoffs_${r}`)];
  const row = (label: string, start: string, end: string, figures: KpiFigures) => [
    label,
    start,
    end,
    kpis.timeZone,
    ...CSV_COLUMNS.map(([, read]) => read(figures)),
    ...reasons.map((r) => figures.byReason.find((b) => b.reasonCode === r)?.handoffs ?? 0),
  ];
  const rows = [header, ...kpis.buckets.map((b) => row(b.label, b.start, b.end, b.figures)), row('total', kpis.from, kpis.to, kpis.overall)];
  return `${rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** The file name of the export: baton-handoff-kpis_<from>_<to>_<day|week>.csv (local dates). */
export function csvFileName(form: Pick<DashboardForm, 'from' | 'to' | 'bucket'>): string {
  return `baton-handoff-kpis_${form.from}_${form.to}_${form.bucket.toLowerCase()}.csv`;
}

/** Saves `text` as a file the browser downloads. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The last customer message of a logged decision's (redacted) input: what it was decided on. */
export function lastCustomerText(input: unknown): string | null {
  const messages = (input as { messages?: { speaker?: string; text?: string }[] } | null)?.messages ?? [];
  return [...messages].reverse().find((m) => m.speaker === 'CUSTOMER')?.text ?? null;
}
