import { XrmMockGenerator } from 'xrm-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connectPanel, onLoad, onPostSave, onPreStageChange, onStageChange } from '../src/opportunity/form';

const summary = 'Waiting on: Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low.';

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

function setup(opts: { status?: number; summary?: string | null; state?: number; stage?: string } = {}) {
  const process = processWith(opts.stage ?? 'Develop');
  XrmMockGenerator.initialise({
    entity: { id: '{2D1A2B3C-0000-0000-0000-000000000001}', entityName: 'opportunity' },
    process: process as unknown as Xrm.ProcessFlow.ProcessManager,
  });
  XrmMockGenerator.Attribute.createOptionSet('crmc_feasibilitystatus', opts.status ?? 100000003);
  XrmMockGenerator.Attribute.createString('crmc_feasibilitysummary', opts.summary === undefined ? summary : (opts.summary as string));
  XrmMockGenerator.Attribute.createOptionSet('statecode', opts.state ?? 0);
  XrmMockGenerator.Attribute.createNumber('estimatedvalue', 125000);
  XrmMockGenerator.Attribute.createNumber('crmc_discountpercent', 12);
  XrmMockGenerator.Attribute.createDate('crmc_requesteddelivery', new Date('2026-12-01'));
  XrmMockGenerator.Attribute.createOptionSet('crmc_paymentterms', 100000000);
  return { process, context: XrmMockGenerator.getEventContext(), form: XrmMockGenerator.getFormContext() };
}

const notifications = (form: Xrm.FormContext): Notification[] =>
  (form.ui as unknown as { formNotifications: Notification[] }).formNotifications ?? [];

function stageArgs(direction: string, stage: string) {
  return { getDirection: () => direction, getStage: () => ({ getName: () => stage }), preventDefault: vi.fn() };
}

function stageContext(form: Xrm.FormContext, args: ReturnType<typeof stageArgs>) {
  return { getFormContext: () => form, getEventArgs: () => args } as unknown as Xrm.Events.StageChangeEventContext;
}

describe('opportunity onLoad', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('shows the feasibility status and each blocking function', () => {
    const { context, form } = setup();
    onLoad(context);
    const shown = notifications(form);
    expect(shown.map((n) => n.uniqueId)).toEqual(['crmc_feasibility', 'crmc_feasibility_0', 'crmc_feasibility_1']);
    expect(shown[0]).toMatchObject({ level: 'ERROR', message: expect.stringContaining('Blocked') });
    expect(shown[1].message).toBe('Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC');
    expect(shown[2].message).toBe('Finance rejected (Fiona): margin too low');
  });

  it('registers post-save and stage handlers once', () => {
    const { context, form, process } = setup();
    onLoad(context);
    onLoad(context); // the form raises OnLoad again after a save
    expect((form.data.entity as unknown as { postSaveEventHandlers: unknown[] }).postSaveEventHandlers).toHaveLength(1);
    expect(process.handlers.pre).toEqual([onPreStageChange]);
    expect(process.handlers.change).toEqual([onStageChange]);
  });

  it('leaves the terms editable while the deal is open', () => {
    const { context, form } = setup({ state: 0 });
    onLoad(context);
    expect(form.getControl<Xrm.Controls.StandardControl>('estimatedvalue').getDisabled()).toBe(false);
    expect(notifications(form).some((n) => n.uniqueId === 'crmc_lockedterms')).toBe(false);
  });

  it('locks the agreed terms of a won deal and points to an amendment', () => {
    const { context, form } = setup({ state: 1, status: 100000002, summary: 'Cleared: all feasibility reviews approved.' });
    onLoad(context);
    for (const name of ['estimatedvalue', 'crmc_discountpercent', 'crmc_requesteddelivery', 'crmc_paymentterms'])
      expect(form.getControl<Xrm.Controls.StandardControl>(name).getDisabled()).toBe(true);
    const lock = notifications(form).find((n) => n.uniqueId === 'crmc_lockedterms');
    expect(lock?.message).toContain('raise an amendment');
  });
});

describe('stage gate', () => {
  it('stops a move into Propose while reviews block it, with the server message', () => {
    const { form } = setup({ stage: 'Develop' });
    const args = stageArgs('Next', 'Develop');
    onPreStageChange(stageContext(form, args));
    expect(args.preventDefault).toHaveBeenCalledOnce();
    const gate = notifications(form).find((n) => n.uniqueId === 'crmc_gate');
    expect(gate?.message).toBe(
      'This opportunity cannot enter Propose until its feasibility reviews are approved. Still blocking: ' +
        'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low. ' +
        'Ask the reviewers to decide, or adjust the deal and request new reviews.',
    );
  });

  it('lets the move go when reviews are cleared, and moves backwards or after the gate', () => {
    const cleared = setup({ stage: 'Develop', status: 100000002, summary: 'Cleared: all feasibility reviews approved.' });
    const next = stageArgs('Next', 'Propose');
    onPreStageChange(stageContext(cleared.form, next));
    expect(next.preventDefault).not.toHaveBeenCalled();

    const pending = setup({ stage: 'Propose', status: 100000001 });
    const back = stageArgs('Previous', 'Develop');
    onPreStageChange(stageContext(pending.form, back));
    const onward = stageArgs('Next', 'Propose');
    onPreStageChange(stageContext(pending.form, onward));
    expect(back.preventDefault).not.toHaveBeenCalled();
    expect(onward.preventDefault).not.toHaveBeenCalled(); // Propose → Close: the gate is behind
  });

  it('clears the gate message once the stage changed', async () => {
    const { form, context } = setup({ stage: 'Develop' });
    onPreStageChange(stageContext(form, stageArgs('Next', 'Develop')));
    vi.spyOn(Xrm.WebApi, 'retrieveRecord').mockResolvedValue({
      crmc_feasibilitystatus: 100000002,
      crmc_feasibilitysummary: 'Cleared: all feasibility reviews approved.',
      statecode: 0,
    });
    await onStageChange(context);
    expect(notifications(form).map((n) => n.uniqueId)).toEqual(['crmc_feasibility']);
  });
});

describe('after save', () => {
  it('shows the status the server now holds, dropping lines that no longer apply', async () => {
    const { context, form } = setup();
    onLoad(context);
    const read = vi.spyOn(Xrm.WebApi, 'retrieveRecord').mockResolvedValue({
      crmc_feasibilitystatus: 100000001,
      crmc_feasibilitysummary: 'Waiting on: Finance pending (Fiona), due 2026-12-01 12:00 UTC.',
      statecode: 0,
    });
    await onPostSave(context);
    expect(read).toHaveBeenCalledWith('opportunity', '2d1a2b3c-0000-0000-0000-000000000001', expect.stringContaining('crmc_feasibilitysummary'));
    const shown = notifications(form);
    expect(shown.map((n) => n.uniqueId)).toEqual(['crmc_feasibility', 'crmc_feasibility_0']);
    expect(shown[0]).toMatchObject({ level: 'WARNING', message: expect.stringContaining('Pending') });
    expect(shown[1].message).toBe('Finance pending (Fiona), due 2026-12-01 12:00 UTC');
  });

  it('falls back to the form values when the server cannot be read', async () => {
    const { context, form } = setup();
    vi.spyOn(Xrm.WebApi, 'retrieveRecord').mockRejectedValue({ message: 'offline' });
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
