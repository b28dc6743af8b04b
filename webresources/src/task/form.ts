// The app's task form ("Handoff (CrmCollab)"): a plain task is created and worked as on the standard task form; a
// post-sale handoff keeps what CrmCollab set on it read-only.

/**
 * What makes a task a handoff, as the server reads it (HandoffGuard.IdentityColumns) among the columns this form
 * carries: CrmCollab always writes the handoff key (a hidden control) with the template, and a client cannot write
 * either. The key alone still marks a handoff whose template was deleted (the platform then clears the task's link).
 */
export const HandoffIdentity = ['crmc_handoffkey', 'crmc_handofftemplateid', 'crmc_requiredevidence'] as const;

/**
 * Columns a user sets on a plain task that are the server's on a handoff (HandoffGuard.ServerColumns: the regarding
 * record is its deal, the due date comes from its template). The form shows them editable; on a handoff they are
 * made read-only, as saving a change to them is refused (CRMC-HANDOFF-SERVER-COLUMN).
 */
export const ServerOwnedOnHandoff = ['regardingobjectid', 'scheduledend'] as const;

export function isHandoff(form: Xrm.FormContext): boolean {
  return HandoffIdentity.some((name) => {
    const value = form.getAttribute(name)?.getValue();
    return value != null && value !== '' && !(Array.isArray(value) && value.length === 0);
  });
}

export function onLoad(context: Xrm.Events.EventContext): void {
  const form = context.getFormContext();
  if (!isHandoff(form)) return; // a plain task, or a new one: its regarding record and due date are the user's
  for (const name of ServerOwnedOnHandoff) {
    form.getAttribute(name)?.controls.forEach((control) => (control as Xrm.Controls.StandardControl).setDisabled(true));
  }
}
