// The client-side stage gate: which moves cross it, and the refusal worded exactly as the server's
// (FeasibilityGate.RefusalMessage with code CRMC-GATE-NOT-CLEARED), so it reads the same whoever stops the move.
import { FeasibilityStatus, GateStage, SalesStages } from '../shared/choices';
import { FeasibilityDetail, blockingLines } from '../shared/feasibility';
import { RefusalCode, withCode } from '../shared/refusals';

/** Pending or Blocked: a move across the gate is refused. */
export function isGateBlocking(status: number | null | undefined): boolean {
  return status === FeasibilityStatus.Pending || status === FeasibilityStatus.Blocked;
}

/** The server's refusal for a move into `stageLabel` while the reviews in `detail` block it. */
export function gateMessage(
  status: number | null,
  detail: FeasibilityDetail | null,
  stageLabel: string = SalesStages[GateStage],
): string {
  const lines = blockingLines(status, detail);
  const blocking = lines.length > 0 ? lines.join('; ') : 'feasibility reviews not yet decided';
  return withCode(
    `This opportunity cannot enter ${stageLabel} until its feasibility reviews are approved. ` +
      `Still blocking: ${blocking}. Ask the reviewers to decide, or adjust the deal and request new reviews.`,
    RefusalCode.GateNotCleared,
  );
}

/**
 * Index of a BPF stage by its name, read as the server reads a step name (SalesStage.FromStepName): the first stage
 * whose name it contains, in any case ("Propose", "2-Propose", "Proposer"), else the out-of-the-box numbering
 * "1-…" to "4-…" (step N is stage N − 1); null for a name that says neither.
 */
export function stageIndex(name: string | null | undefined): number | null {
  if (!name || name.trim() === '') return null;
  const lower = name.toLowerCase();
  const i = SalesStages.findIndex((s) => lower.includes(s.toLowerCase()));
  if (i >= 0) return i;
  return /^[1-4]-/.test(name) ? Number(name[0]) - 1 : null;
}

/** Does a move from `from` to `to` cross the gate, as GateAttempt.Crosses does? */
export function crossesGate(from: number | null, to: number | null, gate = GateStage): boolean {
  if (to == null) return false;
  return (from ?? -1) < gate && to >= gate;
}
