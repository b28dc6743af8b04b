import { XrmMockGenerator } from 'xrm-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTermsLock, onLoad } from '../src/opportunity/form';

const terms = ['estimatedvalue', 'crmc_discountpercent', 'crmc_requesteddelivery', 'crmc_paymentterms'];

/** An open deal that was never won, its four agreed terms on the form, the server saying the same. */
function openDeal() {
  XrmMockGenerator.initialise({ entity: { id: '{2D1A2B3C-0000-0000-0000-000000000001}', entityName: 'opportunity' } });
  XrmMockGenerator.Attribute.createOptionSet('crmc_feasibilitystatus', 100000000);
  XrmMockGenerator.Attribute.createOptionSet('statecode', 0);
  XrmMockGenerator.Attribute.createNumber('estimatedvalue', 125000);
  XrmMockGenerator.Attribute.createNumber('crmc_discountpercent', 12);
  XrmMockGenerator.Attribute.createDate('crmc_requesteddelivery', new Date('2026-12-01'));
  XrmMockGenerator.Attribute.createOptionSet('crmc_paymentterms', 100000000);
  vi.spyOn(Xrm.WebApi, 'retrieveRecord').mockResolvedValue({ crmc_feasibilitystatus: 100000000, statecode: 0, crmc_wonon: null });
  return { context: XrmMockGenerator.getEventContext(), form: XrmMockGenerator.getFormContext() };
}

const control = (form: Xrm.FormContext, name: string) => form.getControl<Xrm.Controls.StandardControl>(name)!;
const disabled = (form: Xrm.FormContext) => terms.map((t) => control(form, t).getDisabled());

describe('agreed terms the form itself makes read-only', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('stay read-only on an open deal: the script never opens a column the form (or its other scripts) closed', async () => {
    const { context, form } = openDeal();
    control(form, 'estimatedvalue').setDisabled(true); // e.g. revenue calculated by the system
    control(form, 'crmc_paymentterms').setDisabled(true); // e.g. made read-only on this form by the administrator
    await onLoad(context);
    expect(disabled(form)).toEqual([true, false, false, true]);
  });

  it('stay read-only when a lock is lifted: only what the lock closed opens again', () => {
    const { form } = openDeal();
    control(form, 'crmc_paymentterms').setDisabled(true);
    applyTermsLock(form, 1); // won
    expect(disabled(form)).toEqual([true, true, true, true]);
    applyTermsLock(form, 0); // shown open again (the server's state, read after the form's)
    expect(disabled(form)).toEqual([false, false, false, true]);
  });
});
