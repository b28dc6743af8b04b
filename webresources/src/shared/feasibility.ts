// The deal's feasibility as the server writes it in crmc_feasibilitydetail (JSON, version 1), and the notices built
// from it for the opportunity form and the collaboration panel. The summary's prose is for people, never parsed here.
import { Decision, FeasibilityStatus, FeasibilityStatusLabels, GateStage, SalesStages, functionLabel } from './choices';
import { formatUtc } from './format';
import { Notice } from './notices';

/** One function's current review, as an item of the detail. */
export interface FeasibilityItem {
  function: number;
  functionLabel: string;
  decision: number;
  blocking: boolean;
  reviewer: string | null;
  due: string | null;
  reason: string | null;
  conditions: string | null;
}

export interface FeasibilityDetail {
  status: number;
  items: FeasibilityItem[];
}

/** The only format this client reads; a row written in another one shows the status headline only. */
export const DetailVersion = 1;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);
const isText = (value: unknown): value is string | null | undefined => value == null || typeof value === 'string';
const text = (value: string | null | undefined): string | null => (value == null || value === '' ? null : value);

function toItem(raw: unknown): FeasibilityItem | null {
  if (!isObject(raw) || !isInteger(raw.function) || !isInteger(raw.decision) || typeof raw.blocking !== 'boolean') return null;
  const { functionLabel: label, reviewer, due, reason, conditions } = raw;
  if (![label, reviewer, due, reason, conditions].every(isText)) return null;
  return {
    function: raw.function,
    functionLabel: text(label as string | null) ?? functionLabel(raw.function),
    decision: raw.decision,
    blocking: raw.blocking,
    reviewer: text(reviewer as string | null),
    due: text(due as string | null),
    reason: text(reason as string | null),
    conditions: text(conditions as string | null),
  };
}

/**
 * The detail column's value, or null when it is missing, empty, not JSON, of another version or not shaped as
 * version 1 (an item that cannot be read voids the whole detail: a partial list could hide a blocking review).
 */
export function parseFeasibilityDetail(json: unknown): FeasibilityDetail | null {
  if (typeof json !== 'string' || json.trim() === '') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObject(raw) || raw.v !== DetailVersion || !isInteger(raw.status) || !Array.isArray(raw.items)) return null;
  const items = raw.items.map(toItem);
  if (items.some((item) => item == null)) return null;
  return { status: raw.status, items: items as FeasibilityItem[] };
}

/** Withdrawn and invalidated reviews are history: they never block, whatever the row says. */
export function isBlocking(item: FeasibilityItem): boolean {
  return item.blocking && item.decision !== Decision.Withdrawn && item.decision !== Decision.Invalidated;
}

/** "Logistics pending (Lena), due 2026-11-25 09:00 UTC" / "Finance rejected (Fiona): reason", as the server words it. */
export function describeBlocking(item: FeasibilityItem): string {
  const who = item.reviewer ? ` (${item.reviewer})` : '';
  if (item.decision === Decision.Rejected) return `${item.functionLabel} rejected${who}: ${item.reason ?? ''}`;
  const due = formatUtc(item.due);
  return `${item.functionLabel} pending${who}${due ? `, due ${due}` : ''}`;
}

/** The detail's items when it describes `status` (a detail read at another moment than the status is ignored). */
function itemsFor(status: number, detail: FeasibilityDetail | null): FeasibilityItem[] {
  return detail && detail.status === status ? detail.items : [];
}

/** What still blocks the deal, one line per function, in the server's order (by function). */
export function blockingLines(status: number | null, detail: FeasibilityDetail | null): string[] {
  return status == null ? [] : itemsFor(status, detail).filter(isBlocking).map(describeBlocking);
}

/** "Finance: 30% upfront; ADV: contract signed first", the conditions attached to approvals, or null. */
export function conditionsLine(status: number | null, detail: FeasibilityDetail | null): string | null {
  if (status == null) return null;
  const conditions = itemsFor(status, detail)
    .filter((item) => item.decision === Decision.ApprovedWithConditions && item.conditions)
    .map((item) => `${item.functionLabel}: ${item.conditions}`);
  return conditions.length > 0 ? conditions.join('; ') : null;
}

/**
 * The notices for a deal's feasibility: a headline, then one per blocking function (ids crmc_feasibility and
 * crmc_feasibility_0…). `status` is crmc_feasibilitystatus, or the detail's own when the column was not read.
 */
export function feasibilityNotices(status: number | null, detail: FeasibilityDetail | null): Notice[] {
  const current = status ?? detail?.status ?? null;
  if (current == null || current === FeasibilityStatus.NotRequired) return [];
  const label = FeasibilityStatusLabels[current] ?? String(current);
  if (current === FeasibilityStatus.Cleared) {
    const conditions = conditionsLine(current, detail);
    const suffix = conditions ? ` Conditions: ${conditions}.` : '';
    return [{ id: 'crmc_feasibility', level: 'INFO', message: `Feasibility: ${label}, all reviews approved.${suffix}` }];
  }
  const lines = blockingLines(current, detail);
  const level: Xrm.FormNotificationLevel = current === FeasibilityStatus.Blocked ? 'ERROR' : 'WARNING';
  const stage = SalesStages[GateStage];
  const headline =
    lines.length > 0
      ? `Feasibility: ${label}. ${lines.length} review(s) must be approved before ${stage}:`
      : `Feasibility: ${label}. Reviews must be approved before ${stage}.`;
  return [
    { id: 'crmc_feasibility', level, message: headline },
    ...lines.map((message, i) => ({ id: `crmc_feasibility_${i}`, level, message })),
  ];
}
