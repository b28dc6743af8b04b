// Account main form: shows who receives each function's handoffs for this account (dedicated owners and fallbacks).
import { bareId, errorMessage } from '../shared/format';
import { noticeBoard } from '../shared/notices';
import { DedicatedOwnerRow, OwnerQuery, ownerFilter, ownerLines } from './owners';

const PREFIX = 'crmc_owner_';
const show = noticeBoard();

export async function onLoad(context: Xrm.Events.EventContext): Promise<void> {
  const form = context.getFormContext();
  const id = bareId(form.data.entity.getId());
  if (!id) return; // a new account has no owners yet
  try {
    const result = await Xrm.WebApi.retrieveMultipleRecords('crmc_dedicatedowner', OwnerQuery + ownerFilter(id));
    const lines = ownerLines(result.entities as DedicatedOwnerRow[], new Date());
    show(form, lines.map((l) => ({ id: PREFIX + l.function, level: l.level, message: l.message })));
  } catch (error) {
    show(form, [{ id: PREFIX + 'error', level: 'WARNING', message: `Dedicated owners could not be read: ${errorMessage(error)}` }]);
  }
}
