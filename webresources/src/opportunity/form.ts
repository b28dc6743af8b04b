// Opportunity main form: feasibility notifications, the client-side stage gate, locked terms after a win, and the
// link to the collaboration panel. The plugins enforce every rule; this only shows it before the user hits it.
import { FeasibilityStatus, GateStage, OpportunityState, SalesStages } from '../shared/choices';
import { bareId } from '../shared/format';
import { noticeBoard } from '../shared/notices';
import { crossesGate, feasibilityNotices, gateMessage, isGateBlocking, stageIndex } from './feasibility';

export const LockedTerms: readonly string[] = [
  'estimatedvalue',
  'crmc_discountpercent',
  'crmc_requesteddelivery',
  'crmc_paymentterms',
];
export const PanelControl = 'WebResource_collaboration';
const GATE_NOTICE = 'crmc_gate';
const LOCK_NOTICE = 'crmc_lockedterms';

interface FeasibilityState {
  status: number | null;
  summary: string | null;
  state: number | null;
}

const feasibilityBoard = noticeBoard();
const wired = new WeakSet<Xrm.FormContext>();

function value<T>(form: Xrm.FormContext, name: string): T | null {
  const attribute = form.getAttribute(name);
  return attribute ? (attribute.getValue() as T | null) : null;
}

function readForm(form: Xrm.FormContext): FeasibilityState {
  return {
    status: value<number>(form, 'crmc_feasibilitystatus'),
    summary: value<string>(form, 'crmc_feasibilitysummary'),
    state: value<number>(form, 'statecode'),
  };
}

/** The server's current status: after a save or a stage move its plugins may have re-evaluated the reviews. */
async function readServer(form: Xrm.FormContext): Promise<FeasibilityState> {
  const id = bareId(form.data.entity.getId());
  if (!id || typeof Xrm === 'undefined' || !Xrm.WebApi) return readForm(form);
  try {
    const row = await Xrm.WebApi.retrieveRecord(
      'opportunity',
      id,
      '?$select=crmc_feasibilitystatus,crmc_feasibilitysummary,statecode',
    );
    return {
      status: row.crmc_feasibilitystatus ?? null,
      summary: row.crmc_feasibilitysummary ?? null,
      state: row.statecode ?? null,
    };
  } catch {
    return readForm(form); // offline or no read access: the form's values are the best we have
  }
}

export function showFeasibility(form: Xrm.FormContext, state: FeasibilityState): void {
  feasibilityBoard(form, feasibilityNotices(state.status, state.summary));
}

/** Won deals keep their agreed terms: the server refuses changes, so the form shows them read-only. */
export function applyTermsLock(form: Xrm.FormContext, state: number | null): void {
  const won = state === OpportunityState.Won;
  for (const name of LockedTerms) {
    form.getAttribute(name)?.controls.forEach((control) => {
      (control as Xrm.Controls.StandardControl).setDisabled(won);
    });
  }
  form.ui.clearFormNotification(LOCK_NOTICE);
  if (won) {
    form.ui.setFormNotification(
      'This deal is won: its agreed terms (value, discount, requested delivery, payment terms) are locked. ' +
        'To change them, raise an amendment.',
      'INFO',
      LOCK_NOTICE,
    );
  }
}

async function refresh(form: Xrm.FormContext): Promise<void> {
  const state = await readServer(form);
  showFeasibility(form, state);
  applyTermsLock(form, state.state);
  connectPanel(form);
}

/** Hands the form's Xrm and formContext to the panel (the documented getContentWindow pattern). */
export function connectPanel(form: Xrm.FormContext): void {
  const control = form.getControl<Xrm.Controls.IframeControl>(PanelControl);
  if (!control || typeof control.getContentWindow !== 'function') return;
  control.getContentWindow().then(
    (win) => {
      const panel = (win as unknown as { CrmCollab?: { Panel?: PanelApi } }).CrmCollab?.Panel;
      panel?.setClientApiContext(Xrm, form);
    },
    () => undefined, // the panel shows its own error when it cannot load
  );
}

interface PanelApi {
  setClientApiContext(xrm: Xrm.XrmStatic, form: Xrm.FormContext): void;
}

export function onLoad(context: Xrm.Events.EventContext): void {
  const form = context.getFormContext();
  const state = readForm(form);
  showFeasibility(form, state);
  applyTermsLock(form, state.state);
  connectPanel(form);
  if (wired.has(form)) return; // OnLoad runs again after a save or refresh: register the handlers once
  wired.add(form);
  form.data.entity.addOnPostSave(onPostSave);
  const process = form.data.process;
  if (process) {
    process.addOnPreStageChange(onPreStageChange);
    process.addOnStageChange(onStageChange);
  }
}

export function onPostSave(context: Xrm.Events.EventContext): Promise<void> {
  return refresh(context.getFormContext());
}

export function onStageChange(context: Xrm.Events.EventContext): Promise<void> {
  const form = context.getFormContext();
  form.ui.clearFormNotification(GATE_NOTICE);
  return refresh(form);
}

/** The stage the BPF is moving to: the next one on the active path, or the one the event names. */
function targetStage(process: Xrm.ProcessFlow.ProcessManager, args: Xrm.Events.StageChangeEventArguments): number | null {
  const from = stageIndex(process.getActiveStage()?.getName());
  const named = stageIndex(args.getStage()?.getName());
  if (String(args.getDirection()).toLowerCase() !== 'next') return named;
  const next = from == null ? null : from + 1;
  return Math.max(named ?? -1, next ?? -1);
}

export function onPreStageChange(context: Xrm.Events.StageChangeEventContext): void {
  const form = context.getFormContext();
  const args = context.getEventArgs();
  const process = form.data.process;
  const from = stageIndex(process.getActiveStage()?.getName());
  const to = targetStage(process, args);
  const { status, summary } = readForm(form);
  form.ui.clearFormNotification(GATE_NOTICE);
  if (!crossesGate(from, to) || !isGateBlocking(status)) return;
  args.preventDefault();
  const level = status === FeasibilityStatus.Blocked ? 'ERROR' : 'WARNING';
  form.ui.setFormNotification(gateMessage(summary, SalesStages[to ?? GateStage]), level, GATE_NOTICE);
}
