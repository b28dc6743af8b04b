// Turns Web API rows into what the panel shows. Pure, so the rules (overdue, evidence) are tested without a DOM.
import { Decision, DecisionLabels, SignalKindLabels, functionLabel } from '../shared/choices';
import { feasibilityNotices, parseFeasibilityDetail } from '../shared/feasibility';
import { formatUtc, formatted, toDate } from '../shared/format';

type Row = Record<string, any>;

export interface ReviewView {
  id: string;
  functionLabel: string;
  decision: string;
  reviewer: string;
  due: string;
  overdue: boolean;
  note: string;
  rejected: boolean;
}

export interface HandoffView {
  id: string;
  functionLabel: string;
  subject: string;
  owner: string;
  due: string;
  accepted: string;
  evidenceComplete: boolean;
  evidence: string;
  done: boolean;
}

export interface SignalView {
  id: string;
  kind: string;
  title: string;
  description: string;
  /** Who raised it (their name, shown isolated: it may be written right to left) and when. */
  raisedBy: string;
  raisedOn: string;
  acknowledged: string;
}

/** The deal's feasibility: the form's headline and one line per blocking function (or the approvals' conditions). */
export interface FeasibilityView {
  level: 'error' | 'warning' | 'info';
  headline: string;
  lines: string[];
}

/** Each list is null when the user's roles do not let them read it (the panel then says so instead of listing it). */
export interface PanelModel {
  dealName: string;
  accountName: string;
  /** Won, or won once and reopened: the win created its handoff tasks. */
  wasWon: boolean;
  feasibility: FeasibilityView | null;
  reviews: ReviewView[] | null;
  handoffs: HandoffView[] | null;
  signals: SignalView[] | null;
  /** The account has more open signals than the panel lists (the most recent ones). */
  moreSignals?: boolean;
}

/** Display names of the task columns a template may require (solution/Entities/Task). */
export const EvidenceLabels: Readonly<Record<string, string>> = {
  crmc_contractnumber: 'Contract Number',
  crmc_trackingnumber: 'Tracking Number',
  crmc_deliveredon: 'Delivered On',
  crmc_servicereference: 'Service Reference',
  crmc_acceptedon: 'Accepted On',
};

/** From the deal's crmc_feasibilitystatus and crmc_feasibilitydetail; null when no review is required. */
export function toFeasibility(deal: Row): FeasibilityView | null {
  const status = typeof deal.crmc_feasibilitystatus === 'number' ? deal.crmc_feasibilitystatus : null;
  const [headline, ...lines] = feasibilityNotices(status, parseFeasibilityDetail(deal.crmc_feasibilitydetail));
  if (!headline) return null;
  const level = headline.level === 'ERROR' ? 'error' : headline.level === 'WARNING' ? 'warning' : 'info';
  return { level, headline: headline.message, lines: lines.map((n) => n.message) };
}

export function toReview(row: Row, now: Date): ReviewView {
  const decision: number = row.crmc_decision;
  const due = toDate(row.crmc_duedate);
  const rejected = decision === Decision.Rejected;
  let note = '';
  if (rejected) note = `Reason: ${row.crmc_rejectionreason || 'none given'}`;
  else if (decision === Decision.ApprovedWithConditions && row.crmc_conditions) note = `Conditions: ${row.crmc_conditions}`;
  return {
    id: row.crmc_feasibilityreviewid,
    functionLabel: functionLabel(row.crmc_function),
    decision: DecisionLabels[decision] ?? formatted(row, 'crmc_decision'),
    reviewer: formatted(row, '_ownerid_value'),
    due: formatUtc(due),
    overdue: decision === Decision.Pending && due != null && due.getTime() < now.getTime(),
    note,
    rejected,
  };
}

/**
 * Required evidence, a comma-separated list of task columns, as the server checks it when the task is completed
 * (HandoffEvidence.Required): the copy made on the task at its creation, else its template's for a task made before
 * the copy existed. A template changed or deleted since leaves the task's own list as it was.
 */
export function requiredEvidence(row: Row): string[] {
  const copy: unknown = row.crmc_requiredevidence;
  const list: unknown = typeof copy === 'string' && copy.trim() !== '' ? copy : row.crmc_HandoffTemplateId?.crmc_requiredevidence;
  if (typeof list !== 'string') return [];
  return list.split(',').map((c) => c.trim().toLowerCase()).filter((c) => c.length > 0);
}

export function toHandoff(row: Row): HandoffView {
  const required = requiredEvidence(row);
  const missing = required.filter((c) => row[c] == null || row[c] === '');
  const evidence =
    required.length === 0
      ? 'None required'
      : missing.length === 0
        ? 'Complete'
        : 'Missing: ' + missing.map((c) => EvidenceLabels[c] ?? c).join(', ');
  const owner = formatted(row, '_ownerid_value');
  return {
    id: row.activityid,
    functionLabel: functionLabel(row.crmc_function),
    subject: row.subject ?? '',
    owner: row.crmc_isunrouted ? `${owner || 'Unrouted queue'} (unrouted)` : owner,
    due: formatUtc(row.scheduledend),
    accepted: row.crmc_acceptedon ? formatUtc(row.crmc_acceptedon) : 'Not yet',
    evidenceComplete: missing.length === 0,
    evidence,
    done: row.statecode === 1,
  };
}

export function toSignal(row: Row): SignalView {
  return {
    id: row.crmc_fieldsignalid,
    kind: SignalKindLabels[row.crmc_kind] ?? formatted(row, 'crmc_kind'),
    title: row.crmc_name ?? '',
    description: row.crmc_description ?? '',
    raisedBy: formatted(row, '_crmc_raisedby_value'),
    raisedOn: formatUtc(row.createdon),
    acknowledged: row.crmc_acknowledgedon ? formatUtc(row.crmc_acknowledgedon) : 'Not yet',
  };
}
