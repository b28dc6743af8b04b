// Account main form: shows who receives each function's handoffs for this account (dedicated owners and fallbacks).
import { bareId } from '../shared/format';
import { DedicatedOwnerRow, OwnerQuery, ownerFilter, ownerLines } from './owners';

const PREFIX = 'crmc_owner_';
const shown = new WeakMap<Xrm.FormContext, string[]>();

function show(form: Xrm.FormContext, lines: { id: string; level: Xrm.FormNotificationLevel; message: string }[]): void {
  (shown.get(form) ?? []).forEach((id) => form.ui.clearFormNotification(id));
  lines.forEach((line) => form.ui.setFormNotification(line.message, line.level, line.id));
  shown.set(form, lines.map((l) => l.id));
}

export async function onLoad(context: Xrm.Events.EventContext): Promise<void> {
  const form = context.getFormContext();
  const id = bareId(form.data.entity.getId());
  if (!id) return; // a new account has no owners yet
  try {
    const result = await Xrm.WebApi.retrieveMultipleRecords('crmc_dedicatedowner', OwnerQuery + ownerFilter(id));
    const lines = ownerLines(result.entities as DedicatedOwnerRow[], new Date());
    show(form, lines.map((l) => ({ id: PREFIX + l.function, level: l.level, message: l.message })));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String((error as { message?: string })?.message ?? error);
    show(form, [{ id: PREFIX + 'error', level: 'WARNING', message: `Dedicated owners could not be read: ${reason}` }]);
  }
}
