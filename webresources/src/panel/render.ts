// Builds the panel's tables with DOM calls only (never innerHTML: row text comes from users).
import { FeasibilityView, HandoffView, PanelModel, ReviewView, SignalView } from './model';

export type OpenRecord = (entityName: string, id: string) => void;

interface Column<T> {
  header: string;
  cell: (item: T, td: HTMLElement) => void;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (text != null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function link(doc: Document, text: string, entity: string, id: string, open: OpenRecord): HTMLAnchorElement {
  const a = el(doc, 'a', text || '(no name)', 'record-link');
  a.href = '#';
  a.setAttribute('data-entity', entity);
  a.setAttribute('data-id', id);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    open(entity, id);
  });
  return a;
}

/** What the panel says instead of a list: when it is empty, and when the user's roles do not let them read it. */
interface Absent {
  empty: string;
  hidden: string;
}

/** A table with a caption, column headers and a row header (the first column), or a sentence when empty or not readable. */
function table<T>(doc: Document, caption: string, absent: Absent, items: T[] | null, columns: Column<T>[], rowClass?: (item: T) => string): HTMLElement {
  if (items == null) return el(doc, 'p', absent.hidden, 'empty not-shown');
  if (items.length === 0) return el(doc, 'p', absent.empty, 'empty');
  const t = el(doc, 'table');
  t.appendChild(el(doc, 'caption', caption));
  const head = t.appendChild(el(doc, 'thead')).appendChild(el(doc, 'tr'));
  for (const c of columns) head.appendChild(el(doc, 'th', c.header)).setAttribute('scope', 'col');
  const body = t.appendChild(el(doc, 'tbody'));
  for (const item of items) {
    const tr = body.appendChild(el(doc, 'tr', undefined, rowClass?.(item)));
    columns.forEach((c, i) => {
      const cell = tr.appendChild(el(doc, i === 0 ? 'th' : 'td'));
      if (i === 0) cell.setAttribute('scope', 'row');
      c.cell(item, cell);
    });
  }
  return t;
}

const text = (value: string, className?: string) => (_: unknown, td: HTMLElement) => {
  td.textContent = value;
  if (className) td.className = className;
};

/** The deal's feasibility headline and what blocks it; empty when no review is required. */
export function feasibilityBlock(doc: Document, feasibility: FeasibilityView | null): DocumentFragment {
  const block = doc.createDocumentFragment();
  if (!feasibility) return block;
  block.appendChild(el(doc, 'p', feasibility.headline, `feasibility feasibility-${feasibility.level}`));
  if (feasibility.lines.length > 0) {
    const list = block.appendChild(el(doc, 'ul', undefined, 'feasibility-lines'));
    for (const line of feasibility.lines) list.appendChild(el(doc, 'li', line));
  }
  return block;
}

export const Absence = {
  reviews: { empty: 'No feasibility review on this deal.', hidden: 'Feasibility reviews are not shown to your role.' },
  handoffsOpen: {
    empty: 'No handoff task yet: they are created when the deal is won.',
    hidden: 'Handoff tasks are not shown to your role: the salesperson and the functions that work them follow them.',
  },
  handoffsWon: {
    empty: 'No handoff task of this deal is visible to you.',
    hidden: 'Handoff tasks are not shown to your role: the salesperson and the functions that work them follow them.',
  },
  signals: {
    empty: 'No open signal on this account is visible to you.',
    hidden: "Signals are not shown to your role: they go to the account's salesperson.",
  },
} as const;

export function reviewsTable(doc: Document, reviews: ReviewView[] | null, open: OpenRecord): HTMLElement {
  return table(doc, 'Feasibility reviews of this deal', Absence.reviews, reviews, [
    { header: 'Function', cell: (r, td) => td.appendChild(link(doc, r.functionLabel, 'crmc_feasibilityreview', r.id, open)) },
    { header: 'Decision', cell: (r, td) => text(r.decision, r.rejected ? 'rejected' : undefined)(r, td) },
    { header: 'Reviewer', cell: (r, td) => text(r.reviewer || 'Unassigned')(r, td) },
    { header: 'Due', cell: (r, td) => text(r.due || 'No due date')(r, td) },
    {
      header: 'Timing',
      cell: (r, td) => {
        if (r.overdue) td.appendChild(el(doc, 'span', 'Overdue', 'badge badge-overdue'));
        else td.textContent = r.decision === 'Pending' ? 'On time' : 'Decided';
      },
    },
    { header: 'Reason or conditions', cell: (r, td) => text(r.note || '—', r.rejected ? 'reason' : undefined)(r, td) },
  ], (r) => (r.overdue ? 'overdue' : r.rejected ? 'is-rejected' : ''));
}

export function handoffsTable(doc: Document, handoffs: HandoffView[] | null, open: OpenRecord, wasWon = false): HTMLElement {
  return table(doc, 'Handoff tasks created when the deal was won', wasWon ? Absence.handoffsWon : Absence.handoffsOpen, handoffs, [
    { header: 'Function', cell: (h, td) => td.appendChild(link(doc, h.functionLabel, 'task', h.id, open)) },
    { header: 'Task', cell: (h, td) => text(h.subject + (h.done ? ' (completed)' : ''))(h, td) },
    { header: 'Owner', cell: (h, td) => text(h.owner || 'Unassigned')(h, td) },
    { header: 'Due', cell: (h, td) => text(h.due || 'No due date')(h, td) },
    { header: 'Accepted', cell: (h, td) => text(h.accepted)(h, td) },
    { header: 'Evidence', cell: (h, td) => text(h.evidence, h.evidenceComplete ? 'evidence-complete' : 'evidence-missing')(h, td) },
  ]);
}

export function signalsTable(doc: Document, signals: SignalView[] | null, open: OpenRecord): HTMLElement {
  return table(doc, 'Open field signals on the account', Absence.signals, signals, [
    { header: 'Signal', cell: (s, td) => td.appendChild(link(doc, s.title, 'crmc_fieldsignal', s.id, open)) },
    { header: 'Kind', cell: (s, td) => text(s.kind)(s, td) },
    { header: 'Details', cell: (s, td) => text(s.description || '—')(s, td) },
    {
      header: 'Raised',
      cell: (s, td) => {
        // The name in its own bidi isolate: a right-to-left name would otherwise take the date after it into its run.
        if (s.raisedBy) td.append(el(doc, 'bdi', s.raisedBy), s.raisedOn ? ', ' : '');
        td.append(s.raisedOn);
      },
    },
    { header: 'Acknowledged', cell: (s, td) => text(s.acknowledged)(s, td) },
  ]);
}

/** Replaces the sections' content (feasibility, reviews, handoffs, signals); the containers are in collaboration.html. */
export function renderPanel(doc: Document, model: PanelModel, open: OpenRecord): void {
  const fill = (id: string, content: Node) => doc.getElementById(id)?.replaceChildren(content);
  fill('crmc-feasibility', feasibilityBlock(doc, model.feasibility));
  fill('crmc-reviews', reviewsTable(doc, model.reviews, open));
  fill('crmc-handoffs', handoffsTable(doc, model.handoffs, open, model.wasWon));
  const signals = doc.createDocumentFragment();
  signals.appendChild(signalsTable(doc, model.signals, open));
  if (model.moreSignals && model.signals) {
    signals.appendChild(el(doc, 'p', `Only the ${model.signals.length} most recent open signals are shown: open the account to see all of them.`, 'empty'));
  }
  fill('crmc-signals', signals);
  const account = doc.getElementById('crmc-account');
  if (account) account.textContent = model.accountName ? `Account: ${model.accountName}` : 'No account on this deal.';
}
