import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XrmMockGenerator } from 'xrm-mock';
import { describe, expect, it } from 'vitest';
import { root } from '../scripts/build.mjs';
import { HandoffIdentity, ServerOwnedOnHandoff, onLoad } from '../src/task/form';

const dealRef = [{ id: '{0D0D0000-0000-0000-0000-000000000001}', entityType: 'opportunity', name: 'Pumps for Acme' }];
const templateRef = [{ id: '{7E7E0000-0000-0000-0000-000000000001}', entityType: 'crmc_handofftemplate', name: 'Book the shipment' }];

/** A task on the form, as the form loads it: its regarding record, due date and (for a handoff) template and evidence. */
function task(handoff: { template?: boolean; evidence?: string; key?: string } | null) {
  XrmMockGenerator.initialise({ entity: { id: '{7A5C0000-0000-0000-0000-000000000001}', entityName: 'task' } });
  XrmMockGenerator.Attribute.createLookup('regardingobjectid', dealRef);
  XrmMockGenerator.Attribute.createDate('scheduledend', new Date('2026-07-01T12:00:00Z'));
  XrmMockGenerator.Attribute.createLookup('crmc_handofftemplateid', handoff?.template ? templateRef : []);
  XrmMockGenerator.Attribute.createString('crmc_requiredevidence', handoff?.evidence ?? '');
  XrmMockGenerator.Attribute.createString('crmc_handoffkey', handoff?.key ?? '');
  return { context: XrmMockGenerator.getEventContext(), form: XrmMockGenerator.getFormContext() };
}

const disabled = (form: Xrm.FormContext) =>
  ServerOwnedOnHandoff.map((name) => form.getControl<Xrm.Controls.StandardControl>(name)!.getDisabled());

describe('task form onLoad', () => {
  it('leaves a plain task’s regarding record and due date for the user to set', () => {
    const { context, form } = task(null);
    onLoad(context);
    expect(disabled(form)).toEqual([false, false]);
  });

  it('shows a handoff’s regarding deal and due date read-only: CrmCollab set them and refuses a change', () => {
    const { context, form } = task({ template: true });
    onLoad(context);
    expect(disabled(form)).toEqual([true, true]);
  });

  it('reads a handoff whose template was deleted (its key alone left) as a handoff still', () => {
    const { context, form } = task({ key: 'deal-1|template-1' });
    onLoad(context);
    expect(disabled(form)).toEqual([true, true]);
  });

  it('reads a task with required evidence and no template as a handoff too, as the server does', () => {
    const { context, form } = task({ evidence: 'crmc_trackingnumber' });
    onLoad(context);
    expect(disabled(form)).toEqual([true, true]);
  });
});

describe('the task form the app opens', () => {
  const folder = join(root, '..', 'solution', 'Entities', 'Task', 'FormXml', 'main');
  const xml = readFileSync(join(folder, readdirSync(folder).filter((f) => f.endsWith('.xml'))[0]), 'utf8');
  const control = (field: string) => new RegExp(`<control id="${field}" [^>]*datafieldname="${field}" disabled="(true|false)"`).exec(xml)?.[1];

  it('carries what a plain task needs, editable, and the columns the script reads a handoff by', () => {
    for (const field of [...ServerOwnedOnHandoff, 'subject', 'prioritycode', 'actualdurationminutes', 'ownerid', 'description'])
      expect(control(field), `${field} on the task form`).toBe('false');
    for (const field of HandoffIdentity) expect(control(field), `${field} on the task form`).toBe('true');
  });

  it('runs this script when it loads', () => {
    expect(xml).toMatch(/<Handler functionName="CrmCollab\.Task\.onLoad" libraryName="crmc_\/scripts\/task\.js"/);
  });
});
