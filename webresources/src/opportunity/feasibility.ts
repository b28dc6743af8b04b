// Reads the server's feasibility summary (crmc_feasibilitysummary) and words the client-side gate exactly as the
// server's FeasibilityGate does, so a refusal reads the same whether the form or the plugin stops the move.
import {
  FeasibilityStatus,
  FeasibilityStatusLabels,
  FunctionLabels,
  GateStage,
  SalesStages,
} from '../shared/choices';
import { Notice } from '../shared/notices';

const WAITING = 'Waiting on: ';
const CONDITIONS = '. Conditions: ';

/** The server joins blocking items with "; " — split only where the next item starts with a function label. */
const ITEM_START = new RegExp(
  `; (?=(?:${Object.values(FunctionLabels).join('|')}) (?:pending|rejected)\\b)`,
);

/** "Logistics pending (Lena), due …; Finance rejected (Fiona): reason" — as the server wrote it, or null. */
export function blockingText(summary: string | null | undefined): string | null {
  if (!summary || !summary.startsWith(WAITING)) return null;
  let text = summary.slice(WAITING.length);
  const conditions = text.indexOf(CONDITIONS);
  if (conditions >= 0) text = text.slice(0, conditions);
  else if (text.endsWith('.')) text = text.slice(0, -1);
  return text.trim() || null;
}

export function blockingItems(summary: string | null | undefined): string[] {
  const text = blockingText(summary);
  return text ? text.split(ITEM_START) : [];
}

/** "Finance: approve only with 30% upfront" items, shown even when the deal is cleared. */
export function conditionsText(summary: string | null | undefined): string | null {
  if (!summary) return null;
  const at = summary.indexOf('Conditions: ');
  if (at < 0) return null;
  return summary.slice(at + 'Conditions: '.length).replace(/\.$/, '') || null;
}

export function isGateBlocking(status: number | null | undefined): boolean {
  return status === FeasibilityStatus.Pending || status === FeasibilityStatus.Blocked;
}

/** The server's refusal (FeasibilityGate.RefusalMessage) for a move into `stageLabel`. */
export function gateMessage(summary: string | null | undefined, stageLabel: string = SalesStages[GateStage]): string {
  const blocking = blockingText(summary) ?? 'feasibility reviews not yet decided';
  return (
    `This opportunity cannot enter ${stageLabel} until its feasibility reviews are approved. ` +
    `Still blocking: ${blocking}. Ask the reviewers to decide, or adjust the deal and request new reviews.`
  );
}

/** The form notifications for a status: a headline, then one per blocking function. */
export function feasibilityNotices(status: number | null, summary: string | null): Notice[] {
  if (status == null || status === FeasibilityStatus.NotRequired) return [];
  const label = FeasibilityStatusLabels[status] ?? String(status);
  if (status === FeasibilityStatus.Cleared) {
    const conditions = conditionsText(summary);
    const text = conditions ? ` Conditions: ${conditions}.` : '';
    return [{ id: 'crmc_feasibility', level: 'INFO', message: `Feasibility: ${label}, all reviews approved.${text}` }];
  }
  const items = blockingItems(summary);
  const level: Xrm.FormNotificationLevel = status === FeasibilityStatus.Blocked ? 'ERROR' : 'WARNING';
  const stage = SalesStages[GateStage];
  const headline =
    items.length > 0
      ? `Feasibility: ${label}. ${items.length} review(s) must be approved before ${stage}:`
      : `Feasibility: ${label}. Reviews must be approved before ${stage}.`;
  return [
    { id: 'crmc_feasibility', level, message: headline },
    ...items.map((item, i) => ({ id: `crmc_feasibility_${i}`, level, message: item })),
  ];
}

/** Index of a BPF stage by its name ("Propose", "2-Propose", "propose"), or null for an unknown stage. */
export function stageIndex(name: string | null | undefined): number | null {
  if (!name) return null;
  const lower = name.toLowerCase();
  const i = SalesStages.findIndex((s) => new RegExp(`\\b${s.toLowerCase()}\\b`).test(lower));
  return i >= 0 ? i : null;
}

/** Does a move from `from` to `to` cross the gate, as GateCheck.Crosses does? */
export function crossesGate(from: number | null, to: number | null, gate = GateStage): boolean {
  if (to == null) return false;
  return (from ?? -1) < gate && to >= gate;
}
