// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Queries, loadPanel } from '../src/panel/data';
import { badIdMessage, loadedMessage, opportunityId, setClientApiContext } from '../src/panel/main';
import { toFeasibility, toHandoff, toReview } from '../src/panel/model';
import { renderPanel } from '../src/panel/render';
import { AccountId, Now, OpportunityId, deal, fakeWebApi, feasibilityDetail, handoffs, reviews, signals } from './fixtures.mjs';

describe('panel model', () => {
  it('marks a pending review past its due date as overdue, and only that one', () => {
    const views = reviews.map((r) => toReview(r, Now));
    expect(views.map((v) => [v.functionLabel, v.decision, v.overdue])).toEqual([
      ['Logistics', 'Pending', true],
      ['Finance', 'Rejected', false],
      ['ADV', 'Approved with conditions', false],
      ['Operations', 'Pending', false],
    ]);
    expect(views[0]).toMatchObject({ reviewer: 'Lena Logistics', due: '2026-11-25 09:00 UTC' });
  });

  it('shows a rejection reason and approval conditions', () => {
    expect(toReview(reviews[1], Now).note).toBe('Reason: Margin below 18% at this discount');
    expect(toReview(reviews[2], Now).note).toBe('Conditions: Signed contract before order entry');
  });

  it('shows the deal’s feasibility from its detail: the headline, then each blocking function', () => {
    expect(toFeasibility(deal)).toEqual({
      level: 'error',
      headline: 'Feasibility: Blocked. 3 review(s) must be approved before Propose:',
      lines: [
        'Operations pending (Otto Ops), due 2026-11-30 09:00 UTC',
        'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC',
        'Finance rejected (Fiona Finance): Margin below 18% at this discount',
      ],
    });
  });

  it('shows the headline only when the detail is missing or malformed, and nothing when no review is required', () => {
    const headline = { level: 'error', headline: 'Feasibility: Blocked. Reviews must be approved before Propose.', lines: [] };
    expect(toFeasibility({ ...deal, crmc_feasibilitydetail: null })).toEqual(headline);
    expect(toFeasibility({ ...deal, crmc_feasibilitydetail: '{"v":1,"items":' })).toEqual(headline);
    expect(toFeasibility({ crmc_feasibilitystatus: 100000000, crmc_feasibilitydetail: '{"v":1,"status":100000000,"items":[]}' })).toBeNull();
    expect(toFeasibility({})).toBeNull();
  });

  it('shows the conditions of a cleared deal, a withdrawn review blocking nothing', () => {
    const withdrawn = { crmc_function: 100000000, crmc_decision: 100000005 };
    const cleared = { crmc_feasibilitystatus: 100000002, crmc_feasibilitydetail: feasibilityDetail(100000002, [reviews[2], withdrawn]) };
    expect(toFeasibility(cleared)).toEqual({
      level: 'info',
      headline: 'Feasibility: Cleared, all reviews approved. Conditions: ADV: Signed contract before order entry.',
      lines: [],
    });
  });

  it('checks a handoff task against its template’s required evidence', () => {
    expect(toHandoff(handoffs[0])).toMatchObject({ evidenceComplete: true, evidence: 'Complete', accepted: '2026-11-27 08:30 UTC' });
    expect(toHandoff(handoffs[1])).toMatchObject({
      evidenceComplete: false,
      evidence: 'Missing: Tracking Number, Delivered On',
      accepted: 'Not yet',
      owner: 'CrmCollab Unrouted (unrouted)',
    });
    expect(toHandoff({ activityid: 'x', crmc_function: 100000004 }).evidence).toBe('None required');
  });

  // The server completes a handoff against the evidence copied onto the task when it was made (HandoffEvidence.Required),
  // the template's only for a task made before the copy existed: the panel says what completing it will ask.
  it('a handoff whose template changed or was deleted after the win shows the evidence completing it will ask', () => {
    const made = { ...handoffs[0], crmc_requiredevidence: 'crmc_contractnumber, crmc_trackingnumber' };
    expect(toHandoff({ ...made, crmc_HandoffTemplateId: { crmc_requiredevidence: 'crmc_contractnumber' } })).toMatchObject({
      evidenceComplete: false,
      evidence: 'Missing: Tracking Number',
    });
    expect(toHandoff({ ...made, crmc_HandoffTemplateId: null }).evidence).toBe('Missing: Tracking Number');
    expect(toHandoff({ ...handoffs[0], crmc_requiredevidence: null }).evidence).toBe('Complete'); // made before the copy: the template's
    expect(Queries.handoffs(OpportunityId)).toMatch(/\$select=[^&]*\bcrmc_requiredevidence\b/);
  });
});

describe('panel data', () => {
  it('reads the deal’s reviews and tasks and the account’s open signals', async () => {
    const api = fakeWebApi();
    const model = await loadPanel(api, `{${OpportunityId.toUpperCase()}}`, Now);
    expect(model).toMatchObject({ dealName: 'Custom conveyor line', accountName: 'Contoso Manufacturing' });
    expect(model.reviews).toHaveLength(4);
    expect(model.handoffs).toHaveLength(2);
    expect(model.signals?.[0]).toMatchObject({ kind: 'Competitor presence', acknowledged: 'Not yet' });
    expect(model.feasibility?.lines).toHaveLength(3);
    expect(api.calls).toContainEqual(expect.stringContaining('$select=name,_parentaccountid_value,_customerid_value,crmc_feasibilitystatus,crmc_feasibilitydetail'));
    expect(api.calls).toContainEqual(
      expect.stringContaining(`_crmc_opportunityid_value eq ${OpportunityId} and crmc_decision ne 100000004 and crmc_decision ne 100000005&`),
    );
    expect(api.calls).toContainEqual(expect.stringContaining(`task?`));
    expect(api.calls).toContainEqual(expect.stringContaining(`_crmc_opportunityid_value eq ${OpportunityId} and crmc_handoffkey ne null&`));
    expect(api.calls).toContainEqual(expect.stringContaining(`crmc_fieldsignal?`));
    expect(api.calls).toContainEqual(expect.stringContaining(`_crmc_accountid_value eq ${AccountId} and statecode eq 0`));
  });

  it('reads the opportunity id from the form, then the id or data parameters', () => {
    const abc = 'AAAAAAAA-0000-4000-8000-000000000ABC', def = 'DDDDDDDD-0000-4000-8000-000000000DEF', ghi = 'CCCCCCCC-0000-4000-8000-000000000123';
    const form = { data: { entity: { getId: () => `{${abc}}` } } } as unknown as Xrm.FormContext;
    expect(opportunityId(`?id=%7B${def}%7D`, form)).toBe(abc.toLowerCase());
    expect(opportunityId(`?id=%7B${def}%7D`)).toBe(def.toLowerCase());
    expect(opportunityId(`?data=id%3D%7B${ghi}%7D`)).toBe(ghi.toLowerCase());
    expect(opportunityId(`?data=${ghi}`)).toBe(ghi.toLowerCase());
    expect(opportunityId('')).toBe('');
  });

  // An administrator who places the panel on a dashboard or another form with a wrong "data" value: before, the value went
  // into the panel's OData filters and the user read the server's raw syntax error.
  it('sends nothing for a value that is not a record id, and says what to pass instead', async () => {
    expect(opportunityId("?data=x') or (name ne '")).toBe('');
    expect(badIdMessage('?data=JKL')).toBe(
      'This panel was given "jkl", which is not a deal\'s id, so it shows nothing. Open it from an opportunity form; ' +
        'an administrator who placed it elsewhere passes the deal\'s id in its "data" parameter (id=the deal\'s id).',
    );
    expect(badIdMessage('')).toBeNull();
    expect(badIdMessage(`?data=${OpportunityId}`)).toBeNull();

    window.history.replaceState(null, '', '?data=JKL');
    document.body.innerHTML = '<p id="crmc-status"></p>';
    const calls: string[] = [];
    const spy = (...args: unknown[]) => {
      calls.push(String(args[0]));
      return Promise.reject(new Error('no call expected'));
    };
    setClientApiContext({ WebApi: { retrieveRecord: spy, retrieveMultipleRecords: spy } } as unknown as Xrm.XrmStatic, {
      data: { entity: { getId: () => '' } },
    } as unknown as Xrm.FormContext);
    await vi.waitFor(() => expect(document.getElementById('crmc-status')?.className).toBe('status status-error'));
    expect(document.getElementById('crmc-status')?.textContent).toContain('which is not a deal\'s id');
    expect(calls).toEqual([]);
    window.history.replaceState(null, '', '/');
  });
});

describe('an account with many open signals', () => {
  // The panel reads the 20 most recent: the oldest, often the ones still unacknowledged, are beyond them.
  it('tells the rep the list stops at the 20 most recent, instead of passing them off as all the open signals', async () => {
    document.body.innerHTML = '<p id="crmc-account"></p><div id="crmc-feasibility"></div><div id="crmc-reviews"></div><div id="crmc-handoffs"></div><div id="crmc-signals"></div>';
    const many = Array.from({ length: 25 }, (_, i) => ({ ...signals[0], crmc_fieldsignalid: `sig-${i}`, crmc_name: `Signal ${i}` }));
    const model = await loadPanel(fakeWebApi({ crmc_fieldsignal: many }), OpportunityId, Now);
    renderPanel(document, model, vi.fn());

    expect(document.querySelectorAll('#crmc-signals tbody tr')).toHaveLength(20);
    expect(document.getElementById('crmc-signals')?.textContent).toContain(
      'Only the 20 most recent open signals are shown: open the account to see all of them.',
    );
    expect(loadedMessage(model)).toBe('Loaded 4 review(s), 2 handoff task(s), 20 signal(s) (the most recent: the account has more).');
  });

  it('says nothing more when all the open signals are listed', async () => {
    const model = await loadPanel(fakeWebApi(), OpportunityId, Now);
    expect(loadedMessage(model)).toBe('Loaded 4 review(s), 2 handoff task(s), 1 signal(s).');
  });
});

describe('panel rendering', () => {
  beforeEach(() => {
    document.body.innerHTML =
      '<p id="crmc-account"></p><div id="crmc-feasibility"></div><div id="crmc-reviews"></div><div id="crmc-handoffs"></div><div id="crmc-signals"></div>';
  });

  it('renders accessible tables with captions, scoped headers and focusable record links', async () => {
    const open = vi.fn();
    renderPanel(document, await loadPanel(fakeWebApi(), OpportunityId, Now), open);
    const tables = document.querySelectorAll('table');
    expect([...tables].map((t) => t.querySelector('caption')?.textContent)).toEqual([
      'Feasibility reviews of this deal',
      'Handoff tasks created when the deal was won',
      'Open field signals on the account',
    ]);
    expect([...document.querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
    expect([...document.querySelectorAll('tbody th')].every((th) => th.getAttribute('scope') === 'row')).toBe(true);
    const link = document.querySelector<HTMLAnchorElement>('#crmc-reviews a.record-link')!;
    expect(link.getAttribute('href')).toBe('#');
    link.click();
    expect(open).toHaveBeenCalledWith('crmc_feasibilityreview', 'rev-log');
  });

  it('highlights the overdue review with a class and the word Overdue, and shows the rejection reason', async () => {
    renderPanel(document, await loadPanel(fakeWebApi(), OpportunityId, Now), vi.fn());
    const overdue = document.querySelectorAll('#crmc-reviews tr.overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].textContent).toContain('Logistics');
    expect(overdue[0].querySelector('.badge-overdue')?.textContent).toBe('Overdue');
    expect(document.querySelector('#crmc-reviews .reason')?.textContent).toBe('Reason: Margin below 18% at this discount');
  });

  it('shows the feasibility headline and what blocks the deal above the reviews', async () => {
    renderPanel(document, await loadPanel(fakeWebApi(), OpportunityId, Now), vi.fn());
    const headline = document.querySelector('#crmc-feasibility p.feasibility');
    expect(headline?.className).toBe('feasibility feasibility-error');
    expect(headline?.textContent).toBe('Feasibility: Blocked. 3 review(s) must be approved before Propose:');
    expect([...document.querySelectorAll('#crmc-feasibility li')].map((li) => li.textContent)).toContain(
      'Finance rejected (Fiona Finance): Margin below 18% at this discount',
    );
  });

  it('shows escaped detail text as typed, never as markup', async () => {
    const hostile = { ...reviews[1], crmc_rejectionreason: 'Too \"cheap\" <img src=x onerror=alert(1)>\nsee notes' };
    const dealRow = { ...deal, crmc_feasibilitydetail: feasibilityDetail(100000003, [hostile]) };
    renderPanel(document, await loadPanel(fakeWebApi({}, dealRow), OpportunityId, Now), vi.fn());
    expect(document.querySelector('#crmc-feasibility img')).toBeNull();
    expect(document.querySelector('#crmc-feasibility li')?.textContent).toBe(
      'Finance rejected (Fiona Finance): Too \"cheap\" <img src=x onerror=alert(1)>\nsee notes',
    );
  });

  it('says so when a list is empty, and escapes row text', async () => {
    const hostile = [{ crmc_fieldsignalid: 's', crmc_name: '<img src=x onerror=alert(1)>', crmc_kind: 100000000 }];
    renderPanel(document, await loadPanel(fakeWebApi({ task: [], crmc_fieldsignal: hostile }), OpportunityId, Now), vi.fn());
    expect(document.getElementById('crmc-handoffs')?.textContent).toBe('No handoff task yet: they are created when the deal is won.');
    expect(document.querySelector('#crmc-signals img')).toBeNull();
    expect(document.querySelector('#crmc-signals a')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('panel errors', () => {
  const form = { data: { entity: { getId: () => `{${OpportunityId}}` } } } as unknown as Xrm.FormContext;
  const failingWith = (error: unknown) =>
    ({ WebApi: { retrieveRecord: () => Promise.reject(error), retrieveMultipleRecords: () => Promise.reject(error) } }) as unknown as Xrm.XrmStatic;
  const statusAfter = async (error: unknown) => {
    document.body.innerHTML = '<p id="crmc-status"></p>';
    setClientApiContext(failingWith(error), form);
    await vi.waitFor(() => expect(document.getElementById('crmc-status')?.className).toBe('status status-error'));
    return document.getElementById('crmc-status')?.textContent;
  };

  it("shows the server's own words when it gives a reason, code included", async () => {
    expect(await statusAfter({ errorCode: -2147220960, message: 'You do not have read access to reviews. [CRMC-X]' })).toBe(
      'Could not load the collaboration data: You do not have read access to reviews. [CRMC-X]',
    );
  });

  it('says what to do, not "[object Object]" or a script error, when there is no reason to show', async () => {
    const fallback = 'the server gave no reason (error code 500). Reload the form; if it happens again, tell your administrator.';
    expect(await statusAfter({ errorCode: 500 })).toBe(`Could not load the collaboration data: ${fallback}`);
    expect(await statusAfter({ errorCode: 500, message: '  ' })).toBe(`Could not load the collaboration data: ${fallback}`);
    expect(await statusAfter(new TypeError("Cannot read properties of undefined (reading 'entities')"))).toBe(
      'Could not load the collaboration data: the page could not read the answer. Reload the form; if it happens again, tell your administrator.',
    );
  });
});
