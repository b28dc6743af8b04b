// Opportunity main form: feasibility notifications, the client-side stage gate, locked terms after a win, and the
// link to the collaboration panel. The plugins enforce every rule; this only shows it before the user hits it.
import { FeasibilityStatus, GateStage, OpportunityState, SalesStages } from '../shared/choices';
import { FeasibilityDetail, feasibilityNotices, parseFeasibilityDetail } from '../shared/feasibility';
import { bareId } from '../shared/format';
import { noticeBoard } from '../shared/notices';
import { crossesGate, gateMessage, isGateBlocking, stageIndex } from './gate';

export const LockedTerms: readonly string[] = [
  'estimatedvalue',
  'crmc_discountpercent',
  'crmc_requesteddelivery',
  'crmc_paymentterms',
];
/** The opportunity columns this script reads; the ones missing from the form are read through the Web API. */
export const Columns = {
  status: 'crmc_feasibilitystatus',
  detail: 'crmc_feasibilitydetail',
  state: 'statecode',
  wonOn: 'crmc_wonon',
} as const;
export const PanelControl = 'WebResource_collaboration';
const GATE_NOTICE = 'crmc_gate';
const LOCK_NOTICE = 'crmc_lockedterms';
const TERMS = '(value, discount, requested delivery, payment terms)';

interface DealState {
  status: number | null;
  detail: FeasibilityDetail | null;
  state: number | null;
  /** crmc_wonon: a Date on the form, an ISO string from the Web API; set once the deal was first won. */
  wonOn: unknown;
}

const feasibilityBoard = noticeBoard();
const wired = new WeakSet<Xrm.FormContext>();
/** The term controls (by name) each form's lock made read-only, so that lifting it opens those only. */
const closedByLock = new WeakMap<Xrm.FormContext, Set<string>>();
/** The last state read from the server per form, for the columns the form does not carry. */
const lastRead = new WeakMap<Xrm.FormContext, DealState>();

const onForm = (form: Xrm.FormContext, name: string): boolean => form.getAttribute(name) != null;

function value<T>(form: Xrm.FormContext, name: string, fallback: T | null | undefined): T | null {
  const attribute = form.getAttribute(name);
  return attribute ? (attribute.getValue() as T | null) : (fallback ?? null);
}

function readForm(form: Xrm.FormContext): DealState {
  const last = lastRead.get(form);
  return {
    status: value<number>(form, Columns.status, last?.status),
    detail: onForm(form, Columns.detail) ? parseFeasibilityDetail(value<string>(form, Columns.detail, null)) : (last?.detail ?? null),
    state: value<number>(form, Columns.state, last?.state),
    wonOn: value<unknown>(form, Columns.wonOn, last?.wonOn),
  };
}

/** The server's current state: after a save or a stage move its plugins may have re-evaluated the reviews. */
async function readServer(form: Xrm.FormContext): Promise<DealState> {
  const id = bareId(form.data.entity.getId());
  if (!id || typeof Xrm === 'undefined' || !Xrm.WebApi) return readForm(form);
  try {
    const row = await Xrm.WebApi.retrieveRecord('opportunity', id, `?$select=${Object.values(Columns).join(',')}`);
    const state: DealState = {
      status: row[Columns.status] ?? null,
      detail: parseFeasibilityDetail(row[Columns.detail]),
      state: row[Columns.state] ?? null,
      wonOn: row[Columns.wonOn] ?? null,
    };
    lastRead.set(form, state);
    return state;
  } catch {
    return readForm(form); // offline or no read access: the form's values are the best we have
  }
}

function show(form: Xrm.FormContext, deal: DealState): void {
  feasibilityBoard(form, feasibilityNotices(deal.status, deal.detail));
  applyTermsLock(form, deal.state, deal.wonOn);
}

/**
 * Won deals keep their agreed terms, and so do deals won once and reopened (crmc_wonon stays): the server refuses
 * changes, so the form shows them read-only. A term the form itself shows read-only is left so on an open deal.
 */
export function applyTermsLock(form: Xrm.FormContext, state: number | null, wonOn: unknown = null): void {
  const won = state === OpportunityState.Won;
  const locked = won || (wonOn != null && wonOn !== '');
  // Only the controls this lock closed are opened again: one the form (or another script) made read-only stays so.
  const closed = closedByLock.get(form) ?? new Set<string>();
  closedByLock.set(form, closed);
  for (const name of LockedTerms) {
    form.getAttribute(name)?.controls.forEach((item) => {
      const control = item as Xrm.Controls.StandardControl;
      const id = control.getName();
      if (locked && !control.getDisabled()) {
        control.setDisabled(true);
        closed.add(id);
      } else if (!locked && closed.delete(id)) control.setDisabled(false);
    });
  }
  form.ui.clearFormNotification(LOCK_NOTICE);
  if (!locked) return;
  // Worded for every role that opens the deal: the salesperson raises the amendment, a reviewer or an administrator
  // approves it, and ADV, logistics and SAV read the terms it sets.
  const message = won
    ? `This deal is won: its agreed terms ${TERMS} are locked; they change only through an amendment.`
    : `This deal was won before, so its agreed terms ${TERMS} stay locked; they change only through an amendment.`;
  form.ui.setFormNotification(message, 'INFO', LOCK_NOTICE);
}

async function refresh(form: Xrm.FormContext): Promise<void> {
  show(form, await readServer(form));
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

/** Shows what the form holds at once, then what the server holds for the columns the form does not carry. */
export function onLoad(context: Xrm.Events.EventContext): Promise<void> {
  const form = context.getFormContext();
  show(form, readForm(form));
  connectPanel(form);
  if (!wired.has(form)) {
    // OnLoad runs again after a save or refresh: register the handlers once
    wired.add(form);
    form.data.entity.addOnPostSave(onPostSave);
    const process = form.data.process;
    if (process) {
      process.addOnPreStageChange(onPreStageChange);
      process.addOnStageChange(onStageChange);
    }
  }
  if (onForm(form, Columns.detail) && onForm(form, Columns.wonOn)) return Promise.resolve();
  return readServer(form).then((deal) => show(form, deal));
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
  const { status, detail } = readForm(form);
  form.ui.clearFormNotification(GATE_NOTICE);
  if (!crossesGate(from, to) || !isGateBlocking(status)) return;
  args.preventDefault();
  const level = status === FeasibilityStatus.Blocked ? 'ERROR' : 'WARNING';
  form.ui.setFormNotification(gateMessage(status, detail, SalesStages[to ?? GateStage]), level, GATE_NOTICE);
}
