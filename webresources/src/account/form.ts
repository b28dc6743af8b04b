// Account main form: shows who receives each function's handoffs for this account (dedicated owners and fallbacks).
import { isAccessDenied } from '../shared/access';
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
    // Every CrmCollab role reads dedicated owners; a role of the environment's own that does not is told so plainly.
    const message = isAccessDenied(error)
      ? "Who receives this account's handoffs is not shown to your role."
      : `Dedicated owners could not be read: ${errorMessage(error)}`;
    show(form, [{ id: PREFIX + 'error', level: isAccessDenied(error) ? 'INFO' : 'WARNING', message }]);
  }
}
