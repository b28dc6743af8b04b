// Form notifications a script owns: each refresh replaces the set it showed last time on that form.

export interface Notice {
  id: string;
  level: Xrm.FormNotificationLevel;
  message: string;
}

/**
 * A function that shows `notices` on a form and removes the ones this board showed there before and no longer
 * shows. Each board remembers its own ids, so two scripts (or two concerns of one script) never clear each other's.
 */
export function noticeBoard(): (form: Xrm.FormContext, notices: readonly Notice[]) => void {
  const shown = new WeakMap<Xrm.FormContext, Set<string>>();
  return (form, notices) => {
    const next = new Set(notices.map((n) => n.id));
    for (const notice of notices) {
      form.ui.clearFormNotification(notice.id); // setFormNotification does not replace an id that is already shown
      form.ui.setFormNotification(notice.message, notice.level, notice.id);
    }
    (shown.get(form) ?? new Set<string>()).forEach((id) => {
      if (!next.has(id)) form.ui.clearFormNotification(id);
    });
    shown.set(form, next);
  };
}
