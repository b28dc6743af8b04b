// Panel bootstrap: finds the Client API (handed over by the form, or the hosting form's window), the deal's id,
// loads and renders, and keeps a live status region up to date for screen readers.
import { bareId, errorMessage } from '../shared/format';
import { PanelWebApi, loadPanel } from './data';
import { PanelModel } from './model';
import { renderPanel } from './render';

interface ClientApi {
  xrm: Xrm.XrmStatic;
  form?: Xrm.FormContext;
}

let api: ClientApi | null = null;
let generation = 0;

function status(message: string, isError = false): void {
  const region = document.getElementById('crmc-status');
  if (!region) return;
  region.textContent = message;
  region.className = isError ? 'status status-error' : 'status';
}

/** window.Xrm when injected, else the hosting form's (same origin inside Dataverse). */
function findXrm(): Xrm.XrmStatic | null {
  const own = (window as unknown as { Xrm?: Xrm.XrmStatic }).Xrm;
  if (own?.WebApi) return own;
  try {
    const parentXrm = (window.parent as unknown as { Xrm?: Xrm.XrmStatic }).Xrm;
    if (window.parent !== window && parentXrm?.WebApi) return parentXrm;
  } catch {
    // cross-origin parent: wait for setClientApiContext
  }
  return null;
}

/** A record id as Dataverse writes one (braces and case removed by bareId). */
const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The form's record id, else the `id` parameter, else `data` (a bare id or "id=…") passed by the web resource control. */
function passedId(search: string, form?: Xrm.FormContext): string {
  const fromForm = form ? bareId(form.data.entity.getId()) : '';
  if (fromForm) return fromForm;
  const params = new URLSearchParams(search);
  const id = params.get('id');
  if (id) return bareId(id);
  const data = params.get('data') ?? '';
  const nested = new URLSearchParams(data).get('id');
  return bareId(nested ?? data).trim();
}

/** The deal's id as passed to the panel; '' when none was, or when what was passed is not a record id (never sent to the server). */
export function opportunityId(search: string, form?: Xrm.FormContext): string {
  const id = passedId(search, form);
  return RECORD_ID.test(id) ? id : '';
}

/** When the panel was given something that is not a record id: what the person who placed it should do; else null. */
export function badIdMessage(search: string, form?: Xrm.FormContext): string | null {
  const id = passedId(search, form);
  if (!id || RECORD_ID.test(id)) return null;
  const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
  return (
    `This panel was given "${shown}", which is not a deal's id, so it shows nothing. Open it from an opportunity form; ` +
    'an administrator who placed it elsewhere passes the deal\'s id in its "data" parameter (id=the deal\'s id).'
  );
}

/** "Loaded 4 review(s), 2 handoff task(s), 1 signal(s)."; a list the user's roles do not show is named as such. */
export function loadedMessage(model: PanelModel): string {
  const lists: [unknown[] | null, string][] = [[model.reviews, 'review(s)'], [model.handoffs, 'handoff task(s)'], [model.signals, 'signal(s)']];
  const shown = lists.filter(([items]) => items != null).map(([items, what]) => `${items!.length} ${what}`);
  if (model.moreSignals && model.signals) shown[shown.length - 1] += ' (the most recent: the account has more)';
  const hidden = lists.filter(([items]) => items == null).map(([, what]) => what.replace('(s)', 's'));
  const loaded = shown.length > 0 ? `Loaded ${shown.join(', ')}.` : 'Loaded the deal.';
  return hidden.length > 0 ? `${loaded} Not shown to your role: ${hidden.join(', ')}.` : loaded;
}

function openRecord(entityName: string, entityId: string): void {
  void api?.xrm.Navigation?.openForm({ entityName, entityId });
}

export async function refresh(): Promise<void> {
  if (!api) {
    status('Waiting for the opportunity form…');
    return;
  }
  const id = opportunityId(window.location.search, api.form);
  if (!id) {
    const bad = badIdMessage(window.location.search, api.form);
    status(bad ?? 'Save the opportunity to see its reviews, handoffs and signals.', bad != null);
    return;
  }
  const mine = ++generation; // a newer refresh wins over a slower older one
  status('Loading reviews, handoffs and signals…');
  try {
    // Xrm's promise type adds fail/always but awaits like any thenable.
    const model = await loadPanel(api.xrm.WebApi as unknown as PanelWebApi, id, new Date());
    if (mine !== generation) return;
    renderPanel(document, model, openRecord);
    status(loadedMessage(model));
  } catch (error) {
    if (mine !== generation) return;
    status(`Could not load the collaboration data: ${errorMessage(error)}`, true);
  }
}

/** Called by the opportunity form script through getContentWindow(). */
export function setClientApiContext(xrm: Xrm.XrmStatic, form: Xrm.FormContext): void {
  api = { xrm, form };
  void refresh();
}

export function start(): void {
  if (!api) {
    const xrm = findXrm();
    if (xrm) api = { xrm };
  }
  void refresh();
}
