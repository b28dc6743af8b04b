// @vitest-environment happy-dom
// Every CrmCollab role opens deals and accounts on CrmCollab's forms (solution/Entities/{Opportunity,Account}, their
// display conditions). Each read the panel makes is either one the role's privileges allow (solution/Roles) or one
// the panel leaves out with a plain sentence: no role ever sees an error or the server's privilege text.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { root } from '../scripts/build.mjs';
import { PrivilegeDenied, isAccessDenied } from '../src/shared/access';
import { PanelWebApi, Queries, loadPanel } from '../src/panel/data';
import { loadedMessage } from '../src/panel/main';
import { Absence, renderPanel } from '../src/panel/render';
import { Now, OpportunityId, deal, fakeWebApi } from './fixtures.mjs';

const solution = join(root, '..', 'solution');
const read = (path: string) => readFileSync(join(solution, path), 'utf8');

/** Role name → the privileges it holds (any depth), from solution/Roles. */
const roles = new Map(
  readdirSync(join(solution, 'Roles')).map((file) => {
    const xml = read(join('Roles', file));
    const id = /<Role id="\{([^}]+)\}" name="([^"]+)"/.exec(xml)!;
    const privileges = new Set([...xml.matchAll(/<RolePrivilege name="([^"]+)"/g)].map((m) => m[1]));
    return [id[2], { id: id[1].toLowerCase(), privileges }] as const;
  }),
);

function shownTo(formFolder: string): string[] {
  const folder = join('Entities', formFolder, 'FormXml', 'main');
  const xml = read(join(folder, readdirSync(join(solution, folder))[0]));
  const ids = [...xml.matchAll(/<Role Id="\{([^}]+)\}"/g)].map((m) => m[1].toLowerCase());
  return [...roles].filter(([, r]) => ids.includes(r.id)).map(([name]) => name).sort();
}

/** The fixture deal with more columns (the fixtures' type knows only the ones it sets). */
const dealWith = (extra: Record<string, unknown>) => ({ ...deal, ...extra }) as unknown as typeof deal;

/** The read privilege each table the panel reads (or expands) takes. */
const ReadPrivilege: Record<string, string> = {
  opportunity: 'prvReadOpportunity',
  crmc_feasibilityreview: 'prvReadcrmc_FeasibilityReview',
  task: 'prvReadActivity',
  crmc_HandoffTemplateId: 'prvReadcrmc_HandoffTemplate',
  crmc_fieldsignal: 'prvReadcrmc_FieldSignal',
};

/** The panel's reads as a user of `role` makes them: a table (or an expanded one) the role cannot read is refused as Dataverse does. */
function asRole(role: string, rows: PanelWebApi = fakeWebApi({}, dealWith({ statecode: 1 }))): PanelWebApi {
  const held = roles.get(role)!.privileges;
  const refusal = (table: string) => {
    const privilege = ReadPrivilege[table];
    return held.has(privilege) ? null : { errorCode: PrivilegeDenied, message: `Principal user (Id=7c1d, type=8) is missing ${privilege} privilege.` };
  };
  return {
    retrieveRecord: (entity, id, options) => {
      const denied = refusal(entity);
      return denied ? Promise.reject(denied) : rows.retrieveRecord(entity, id, options);
    },
    retrieveMultipleRecords: (entity, options) => {
      const expanded = /\$expand=(\w+)\(/.exec(options ?? '')?.[1];
      const denied = refusal(entity) ?? (expanded ? refusal(expanded) : null);
      return denied ? Promise.reject(denied) : rows.retrieveMultipleRecords(entity, options);
    },
  };
}

const text = (id: string) => document.getElementById(id)?.textContent ?? '';

describe("CrmCollab's deal and account forms, role by role", () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<p id="crmc-account"></p><div id="crmc-feasibility"></div><div id="crmc-reviews"></div><div id="crmc-handoffs"></div><div id="crmc-signals"></div>';
  });

  it('are shown to every CrmCollab role', () => {
    const all = [...roles.keys()].sort();
    expect(all).toHaveLength(6);
    expect(shownTo('Opportunity')).toEqual(all);
    expect(shownTo('Account')).toEqual(all);
  });

  it('the panel reads only tables each role reads, or leaves the list out in a sentence, never failing', async () => {
    expect(Queries.handoffs('x')).toContain('$expand=crmc_HandoffTemplateId(');
    for (const role of shownTo('Opportunity')) {
      const held = roles.get(role)!.privileges;
      expect(held.has('prvReadOpportunity'), `${role} cannot read the deal it opens`).toBe(true);
      const model = await loadPanel(asRole(role), OpportunityId, Now);
      renderPanel(document, model, () => undefined);
      expect(model.reviews, role).not.toBeNull();
      const handoffsReadable = held.has('prvReadActivity') && held.has('prvReadcrmc_HandoffTemplate');
      expect(model.handoffs == null, role).toBe(!handoffsReadable);
      expect(model.signals == null, role).toBe(!held.has('prvReadcrmc_FieldSignal'));
      expect(loadedMessage(model), role).not.toMatch(/prv|Principal|error/i);
      for (const id of ['crmc-reviews', 'crmc-handoffs', 'crmc-signals']) expect(text(id), `${role}: ${id}`).not.toMatch(/prv|Principal/);
    }
  });

  it('a reviewer, who does not read signals or handoff templates, sees the reviews and a plain note for the rest', async () => {
    const model = await loadPanel(asRole('CrmCollab Reviewer'), OpportunityId, Now);
    renderPanel(document, model, () => undefined);
    expect(model.reviews).toHaveLength(4);
    expect(document.querySelectorAll('#crmc-reviews tbody tr')).toHaveLength(4);
    expect(text('crmc-signals')).toBe(Absence.signals.hidden);
    expect(text('crmc-signals')).toBe("Signals are not shown to your role: they go to the account's salesperson.");
    expect(text('crmc-handoffs')).toBe(Absence.handoffsWon.hidden);
    expect(loadedMessage(model)).toBe('Loaded 4 review(s). Not shown to your role: handoff tasks, signals.');
  });

  it('an ADV user on a won deal sees its business unit’s handoffs and, of the signals, only those it may read, said as such', async () => {
    // prvReadActivity at Local and prvReadcrmc_FieldSignal at Basic: the platform returns fewer rows, not an error.
    const visible = fakeWebApi({ crmc_fieldsignal: [] }, dealWith({ statecode: 1 }));
    const model = await loadPanel(asRole('CrmCollab ADV', visible), OpportunityId, Now);
    renderPanel(document, model, () => undefined);
    expect(model.handoffs).toHaveLength(2);
    expect(text('crmc-signals')).toBe('No open signal on this account is visible to you.');
    expect(loadedMessage(model)).toBe('Loaded 4 review(s), 2 handoff task(s), 0 signal(s).');
  });

  it('on a won deal an empty handoff list does not say they come with the win', async () => {
    const won = await loadPanel(fakeWebApi({ task: [] }, dealWith({ statecode: 1 })), OpportunityId, Now);
    renderPanel(document, won, () => undefined);
    expect(text('crmc-handoffs')).toBe('No handoff task of this deal is visible to you.');
    const reopened = await loadPanel(fakeWebApi({ task: [] }, dealWith({ statecode: 0, crmc_wonon: '2026-11-20T10:00:00Z' })), OpportunityId, Now);
    expect(reopened.wasWon).toBe(true);
    const open = await loadPanel(fakeWebApi({ task: [] }), OpportunityId, Now);
    renderPanel(document, open, () => undefined);
    expect(text('crmc-handoffs')).toBe('No handoff task yet: they are created when the deal is won.');
  });

  it('a failure that is not the role’s design still fails the load with the server’s words', async () => {
    const failing: PanelWebApi = {
      ...fakeWebApi(),
      retrieveMultipleRecords: () => Promise.reject({ errorCode: -2147204784, message: 'SQL timeout' }),
    };
    await expect(loadPanel(failing, OpportunityId, Now)).rejects.toMatchObject({ message: 'SQL timeout' });
  });

  it("recognises Dataverse's privilege and access-check faults, signed or not, and nothing else", () => {
    for (const errorCode of [-2147220960, 2147746336, -2147187962, 2147779334]) expect(isAccessDenied({ errorCode }), String(errorCode)).toBe(true);
    for (const error of [{ errorCode: 500 }, { errorCode: '-2147220960' }, { message: 'is missing prvRead' }, new TypeError('x'), null, undefined])
      expect(isAccessDenied(error)).toBe(false);
  });
});
