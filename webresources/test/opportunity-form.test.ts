import { XrmMockGenerator } from 'xrm-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectPanel, onLoad, onPostSave, onPreStageChange, onStageChange } from '../src/opportunity/form';

const Status = { NotRequired: 100000000, Pending: 100000001, Cleared: 100000002, Blocked: 100000003 };

const item = (fn: number, label: string, decision: number, extra: Record<string, unknown>) => ({
  function: fn, functionLabel: label, decision, blocking: decision === 100000000 || decision === 100000003,
  reviewer: null, due: null, reason: null, conditions: null, ...extra,
});
const detail = (status: number, ...items: object[]) => JSON.stringify({ v: 1, status, items });

/** Logistics pending, Finance rejected, SAV's review withdrawn: Blocked. */
const blocked = detail(
  Status.Blocked,
  item(100000001, 'Logistics', 100000000, { reviewer: 'Lena Logistics', due: '2026-11-25T09:00:00Z' }),
  item(100000002, 'Finance', 100000003, { reviewer: 'Fiona', reason: 'margin too low' }),
  item(100000004, 'SAV', 100000005, { reviewer: 'Sam' }),
);
const cleared = detail(Status.Cleared, item(100000002, 'Finance', 100000001, { reviewer: 'Fiona' }), item(100000004, 'SAV', 100000005, {}));

interface Notification {
  message: string;
  level: string;
  uniqueId: string;
}

// xrm-mock's process manager throws on the event methods: this one records the handlers and has a stage.
function processWith(activeStage: string) {
  const handlers: Record<string, Function[]> = { pre: [], change: [] };
  return {
    handlers,
    addOnPreStageChange: (h: Function) => handlers.pre.push(h),
    addOnStageChange: (h: Function) => handlers.change.push(h),
    getActiveStage: () => ({ getName: () => activeStage }),
  };
}

interface Setup {
  status?: number;
  state?: number;
  stage?: string;
  /** The detail column on the form (absent from the form when undefined, as on the shipped form). */
  detailOnForm?: string | null;
  wonOnForm?: Date | null;
  /** What the Web API answers for the deal, or the error it fails with. */
  server?: Record<string, unknown> | Error;
}

function setup(opts: Setup = {}) {
  const process = processWith(opts.stage ?? 'Develop');
  XrmMockGenerator.initialise({
    entity: { id: '{2D1A2B3C-0000-0000-0000-000000000001}', entityName: 'opportunity' },
    process: process as unknown as Xrm.ProcessFlow.ProcessManager,
  });
  const status = opts.status ?? Status.Blocked;
  XrmMockGenerator.Attribute.createOptionSet('crmc_feasibilitystatus', status);
  XrmMockGenerator.Attribute.createString('crmc_feasibilitysummary', 'Waiting on: prose for people, never parsed.');
  if (opts.detailOnForm !== undefined) XrmMockGenerator.Attribute.createString('crmc_feasibilitydetail', opts.detailOnForm as string);
  if (opts.wonOnForm !== undefined) XrmMockGenerator.Attribute.createDate('crmc_wonon', opts.wonOnForm as Date);
  XrmMockGenerator.Attribute.createOptionSet('statecode', opts.state ?? 0);
  XrmMockGenerator.Attribute.createNumber('estimatedvalue', 125000);
  XrmMockGenerator.Attribute.createNumber('crmc_discountpercent', 12);
  XrmMockGenerator.Attribute.createDate('crmc_requesteddelivery', new Date('2026-12-01'));
  XrmMockGenerator.Attribute.createOptionSet('crmc_paymentterms', 100000000);
  const server = opts.server ?? {
    crmc_feasibilitystatus: status,
    crmc_feasibilitydetail: status === Status.Blocked ? blocked : status === Status.Cleared ? cleared : null,
    statecode: opts.state ?? 0,
    crmc_wonon: null,
  };
  const read = vi.spyOn(Xrm.WebApi, 'retrieveRecord');
  if (server instanceof Error) read.mockRejectedValue(server);
  else read.mockResolvedValue(server);
  return { process, read, context: XrmMockGenerator.getEventContext(), form: XrmMockGenerator.getFormContext() };
}

const notifications = (form: Xrm.FormContext): Notification[] =>
  (form.ui as unknown as { formNotifications: Notification[] }).formNotifications ?? [];

function stageArgs(direction: string, stage: string) {
  return { getDirection: () => direction, getStage: () => ({ getName: () => stage }), preventDefault: vi.fn() };
}

function stageContext(form: Xrm.FormContext, args: ReturnType<typeof stageArgs>) {
  return { getFormContext: () => form, getEventArgs: () => args } as unknown as Xrm.Events.StageChangeEventContext;
}

const messages = (form: Xrm.FormContext) => notifications(form).map((n) => n.message);
const gateText =
  'This opportunity cannot enter Propose until its feasibility reviews are approved. Still blocking: ' +
  'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low. ' +
  'Ask the reviewers to decide, or adjust the deal and request new reviews. [CRMC-GATE-NOT-CLEARED]';

describe('opportunity onLoad', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows the status at once, then each blocking function from the detail the server holds', async () => {
    const { context, form, read } = setup();
    const loaded = onLoad(context);
    expect(messages(form)).toEqual(['Feasibility: Blocked. Reviews must be approved before Propose.']);
    await loaded;
    expect(read).toHaveBeenCalledWith(
      'opportunity',
      '2d1a2b3c-0000-0000-0000-000000000001',
      '?$select=crmc_feasibilitystatus,crmc_feasibilitydetail,statecode,crmc_wonon',
    );
    const shown = notifications(form);
    expect(shown.map((n) => n.uniqueId)).toEqual(['crmc_feasibility', 'crmc_feasibility_0', 'crmc_feasibility_1']);
    expect(shown.every((n) => n.level === 'ERROR')).toBe(true);
    expect(messages(form)).toEqual([
      'Feasibility: Blocked. 2 review(s) must be approved before Propose:',
      'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC',
      'Finance rejected (Fiona): margin too low',
    ]);
  });

  it('reads the detail from the form when the form carries it, without asking the server', async () => {
    const { context, form, read } = setup({ detailOnForm: blocked, wonOnForm: null });
    await onLoad(context);
    expect(read).not.toHaveBeenCalled();
    expect(messages(form)).toHaveLength(3);
  });

  it('shows the status headline only when the detail is missing or malformed, and never throws', async () => {
    for (const detailOnForm of [null, '{"v":1,"status":100000003,"items":[', 'Waiting on: Logistics pending (Lena).']) {
      const { context, form } = setup({ detailOnForm, wonOnForm: null });
      await expect(onLoad(context)).resolves.toBeUndefined();
      expect(messages(form), String(detailOnForm)).toEqual(['Feasibility: Blocked. Reviews must be approved before Propose.']);
    }
    const older = setup({ server: { crmc_feasibilitystatus: Status.Pending, statecode: 0 } }); // a row written before the column
    await onLoad(older.context);
    expect(notifications(older.form)).toEqual([
      { uniqueId: 'crmc_feasibility', level: 'WARNING', message: 'Feasibility: Pending. Reviews must be approved before Propose.' },
    ]);
  });

  it('keeps the form values when the server cannot be read', async () => {
    const { context, form } = setup({ server: new Error('offline') });
    await onLoad(context);
    expect(messages(form)).toEqual(['Feasibility: Blocked. Reviews must be approved before Propose.']);
  });

  it('does not count a withdrawn review against a cleared deal', async () => {
    const { context, form } = setup({ status: Status.Cleared });
    await onLoad(context);
    expect(notifications(form)).toEqual([
      { uniqueId: 'crmc_feasibility', level: 'INFO', message: 'Feasibility: Cleared, all reviews approved.' },
    ]);
  });

  it('registers post-save and stage handlers once', async () => {
    const { context, form, process } = setup();
    await onLoad(context);
    await onLoad(context); // the form raises OnLoad again after a save
    expect((form.data.entity as unknown as { postSaveEventHandlers: unknown[] }).postSaveEventHandlers).toHaveLength(1);
    expect(process.handlers.pre).toEqual([onPreStageChange]);
    expect(process.handlers.change).toEqual([onStageChange]);
  });
});

describe('agreed terms', () => {
  beforeEach(() => vi.restoreAllMocks());
  const terms = ['estimatedvalue', 'crmc_discountpercent', 'crmc_requesteddelivery', 'crmc_paymentterms'];
  const disabled = (form: Xrm.FormContext) => terms.map((t) => form.getControl<Xrm.Controls.StandardControl>(t)!.getDisabled());
  const lock = (form: Xrm.FormContext) => notifications(form).find((n) => n.uniqueId === 'crmc_lockedterms');

  it('stay editable while the deal is open and was never won', async () => {
    const { context, form } = setup({ state: 0 });
    await onLoad(context);
    expect(disabled(form)).toEqual([false, false, false, false]);
    expect(lock(form)).toBeUndefined();
  });

  it('are locked on a won deal, pointing to an amendment', async () => {
    const { context, form } = setup({ state: 1, status: Status.Cleared });
    void onLoad(context);
    expect(disabled(form)).toEqual([true, true, true, true]); // at once, from the form's status
    expect(lock(form)?.message).toBe(
      'This deal is won: its agreed terms (value, discount, requested delivery, payment terms) are locked; they change only through an amendment.',
    );
  });

  it('stay locked on a won deal an administrator reopened (crmc_wonon read from the server)', async () => {
    const { context, form, read } = setup({
      state: 0,
      status: Status.Cleared,
      server: { crmc_feasibilitystatus: Status.Cleared, crmc_feasibilitydetail: cleared, statecode: 0, crmc_wonon: '2026-11-28T10:00:00Z' },
    });
    await onLoad(context);
    expect(read).toHaveBeenCalledWith('opportunity', expect.any(String), expect.stringContaining('crmc_wonon'));
    expect(disabled(form)).toEqual([true, true, true, true]);
    expect(lock(form)?.message).toBe(
      'This deal was won before, so its agreed terms (value, discount, requested delivery, payment terms) stay locked; ' +
        'they change only through an amendment.',
    );
  });

  it('stay locked on a reopened deal when the form carries crmc_wonon', async () => {
    const { context, form, read } = setup({ state: 0, status: Status.Cleared, detailOnForm: cleared, wonOnForm: new Date('2026-11-28T10:00:00Z') });
    await onLoad(context);
    expect(read).not.toHaveBeenCalled();
    expect(disabled(form)).toEqual([true, true, true, true]);
  });
});

describe('stage gate', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('stops a move into Propose while reviews block it, with the server refusal and its code', async () => {
    const { form, context } = setup({ stage: 'Develop' });
    await onLoad(context);
    const args = stageArgs('Next', 'Develop');
    onPreStageChange(stageContext(form, args));
    expect(args.preventDefault).toHaveBeenCalledOnce();
    const gate = notifications(form).find((n) => n.uniqueId === 'crmc_gate');
    expect(gate).toEqual({ uniqueId: 'crmc_gate', level: 'ERROR', message: gateText });
    expect(/ \[(CRMC-[A-Z0-9-]+)\]$/.exec(gate!.message)?.[1]).toBe('CRMC-GATE-NOT-CLEARED');
  });

  it('reads the blocking reviews from the form when it carries the detail', () => {
    const { form } = setup({ stage: 'Develop', detailOnForm: blocked });
    onPreStageChange(stageContext(form, stageArgs('Next', 'Develop')));
    expect(notifications(form).find((n) => n.uniqueId === 'crmc_gate')?.message).toBe(gateText);
  });

  it('still stops the move, with the same code, when the detail is unknown', () => {
    const { form } = setup({ stage: 'Develop', status: Status.Pending, detailOnForm: 'not json' });
    const args = stageArgs('Next', 'Develop');
    onPreStageChange(stageContext(form, args));
    expect(args.preventDefault).toHaveBeenCalledOnce();
    expect(notifications(form).find((n) => n.uniqueId === 'crmc_gate')).toMatchObject({
      level: 'WARNING',
      message: expect.stringMatching(/Still blocking: feasibility reviews not yet decided\. .* \[CRMC-GATE-NOT-CLEARED\]$/),
    });
  });

  it('lets the move go when reviews are cleared, and moves backwards or after the gate', () => {
    const cleared = setup({ stage: 'Develop', status: Status.Cleared });
    const next = stageArgs('Next', 'Propose');
    onPreStageChange(stageContext(cleared.form, next));
    expect(next.preventDefault).not.toHaveBeenCalled();

    const pending = setup({ stage: 'Propose', status: Status.Pending });
    const back = stageArgs('Previous', 'Develop');
    onPreStageChange(stageContext(pending.form, back));
    const onward = stageArgs('Next', 'Propose');
    onPreStageChange(stageContext(pending.form, onward));
    expect(back.preventDefault).not.toHaveBeenCalled();
    expect(onward.preventDefault).not.toHaveBeenCalled(); // Propose → Close: the gate is behind
  });

  it('clears the gate message once the stage changed', async () => {
    const { form, context, read } = setup({ stage: 'Develop' });
    onPreStageChange(stageContext(form, stageArgs('Next', 'Develop')));
    read.mockResolvedValue({ crmc_feasibilitystatus: Status.Cleared, crmc_feasibilitydetail: cleared, statecode: 0, crmc_wonon: null });
    await onStageChange(context);
    expect(notifications(form).map((n) => n.uniqueId)).toEqual(['crmc_feasibility']);
  });
});

describe('after save', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows the status the server now holds, dropping lines that no longer apply', async () => {
    const { context, form, read } = setup();
    await onLoad(context);
    read.mockResolvedValue({
      crmc_feasibilitystatus: Status.Pending,
      crmc_feasibilitydetail: detail(Status.Pending, item(100000002, 'Finance', 100000000, { reviewer: 'Fiona', due: '2026-12-01T12:00:00Z' })),
      statecode: 0,
      crmc_wonon: null,
    });
    await onPostSave(context);
    const shown = notifications(form);
    expect(shown.map((n) => n.uniqueId)).toEqual(['crmc_feasibility', 'crmc_feasibility_0']);
    expect(shown[0]).toMatchObject({ level: 'WARNING', message: 'Feasibility: Pending. 1 review(s) must be approved before Propose:' });
    expect(shown[1].message).toBe('Finance pending (Fiona), due 2026-12-01 12:00 UTC');
  });

  it('falls back to the form values when the server cannot be read', async () => {
    const { context, form } = setup({ server: new Error('offline') });
    await onPostSave(context);
    expect(notifications(form)[0].level).toBe('ERROR');
  });
});

describe('collaboration panel link', () => {
  it('hands Xrm and the form context to the panel window', async () => {
    const { form } = setup();
    const setClientApiContext = vi.fn();
    const win = { CrmCollab: { Panel: { setClientApiContext } } };
    const control = { getContentWindow: () => Promise.resolve(win) };
    const stub = { ...form, getControl: (name: string) => (name === 'WebResource_collaboration' ? control : null) };
    connectPanel(stub as unknown as Xrm.FormContext);
    await Promise.resolve();
    await Promise.resolve();
    expect(setClientApiContext).toHaveBeenCalledWith(Xrm, stub);
  });
});
