import { describe, expect, it } from 'vitest';
import {
  blockingLines,
  conditionsLine,
  feasibilityNotices,
  parseFeasibilityDetail,
} from '../src/shared/feasibility';

const Status = { NotRequired: 100000000, Pending: 100000001, Cleared: 100000002, Blocked: 100000003 };

// crmc_feasibilitydetail exactly as FeasibilityDetail.ToJson writes it (one item per function, in function order).
const blocked = String.raw`{"v":1,"status":100000003,"items":[` +
  String.raw`{"function":100000001,"functionLabel":"Logistics","decision":100000000,"decisionLabel":"Pending","blocking":true,"reviewer":"Lena Logistics","due":"2026-11-25T09:00:00Z","reason":null,"conditions":null},` +
  String.raw`{"function":100000002,"functionLabel":"Finance","decision":100000003,"decisionLabel":"Rejected","blocking":true,"reviewer":"Fiona","due":"2026-11-24T09:00:00Z","reason":"margin too low; pay 30% upfront","conditions":null},` +
  String.raw`{"function":100000003,"functionLabel":"ADV","decision":100000002,"decisionLabel":"Approved with conditions","blocking":false,"reviewer":"Ada","due":null,"reason":null,"conditions":"contract signed first"}]}`;
const cleared = String.raw`{"v":1,"status":100000002,"items":[` +
  String.raw`{"function":100000002,"functionLabel":"Finance","decision":100000002,"decisionLabel":"Approved with conditions","blocking":false,"reviewer":"Fiona","due":null,"reason":null,"conditions":"30% upfront"},` +
  String.raw`{"function":100000003,"functionLabel":"ADV","decision":100000001,"decisionLabel":"Approved","blocking":false,"reviewer":"Ada","due":null,"reason":null,"conditions":null}]}`;

describe('feasibility detail', () => {
  it('reads version 1 as the server writes it', () => {
    const detail = parseFeasibilityDetail(blocked);
    expect(detail?.status).toBe(Status.Blocked);
    expect(detail?.items).toHaveLength(3);
    expect(detail?.items[1]).toEqual({
      function: 100000002,
      functionLabel: 'Finance',
      decision: 100000003,
      blocking: true,
      reviewer: 'Fiona',
      due: '2026-11-24T09:00:00Z',
      reason: 'margin too low; pay 30% upfront',
      conditions: null,
    });
  });

  it('lists each blocking function as the server words it, a semicolon in a reason staying inside its line', () => {
    expect(blockingLines(Status.Blocked, parseFeasibilityDetail(blocked))).toEqual([
      'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC',
      'Finance rejected (Fiona): margin too low; pay 30% upfront',
    ]);
  });

  it('leaves out the reviewer and the due date when the review has none', () => {
    const detail = parseFeasibilityDetail(
      '{"v":1,"status":100000001,"items":[{"function":100000005,"functionLabel":"Engineering","decision":100000000,' +
        '"decisionLabel":"Pending","blocking":true,"reviewer":null,"due":null,"reason":null,"conditions":null}]}',
    );
    expect(blockingLines(Status.Pending, detail)).toEqual(['Engineering pending']);
  });

  it('shows escaped text as the user typed it: quotes, backslashes, line breaks, unicode and markup', () => {
    const json = String.raw`{"v":1,"status":100000003,"items":[{"function":100000002,"functionLabel":"Finance","decision":100000003,` +
      String.raw`"decisionLabel":"Rejected","blocking":true,"reviewer":"Zoë \"Z\" O'Brien","due":null,` +
      String.raw`"reason":"Cost \\ price > 1.2\nsee <b>deal</b> \u2028 \u00e9t\u00e9","conditions":null}]}`;
    expect(blockingLines(Status.Blocked, parseFeasibilityDetail(json))).toEqual([
      'Finance rejected (Zoë "Z" O\'Brien): Cost \\ price > 1.2\nsee <b>deal</b> \u2028 été',
    ]);
  });

  it('treats a missing, empty or malformed column as absent, without throwing', () => {
    const malformed = [
      undefined,
      null,
      '',
      '   ',
      42,
      'Waiting on: Logistics pending (Lena).',
      '{"v":1,"status":100000003,"items":[',
      '[]',
      '{"v":2,"status":100000003,"items":[]}',
      '{"status":100000003,"items":[]}',
      '{"v":1,"status":"Blocked","items":[]}',
      '{"v":1,"status":100000003}',
      '{"v":1,"status":100000003,"items":[null]}',
      '{"v":1,"status":100000003,"items":[{"function":"Finance","decision":100000003,"blocking":true}]}',
      '{"v":1,"status":100000003,"items":[{"function":100000002,"decision":100000003,"blocking":"yes"}]}',
      '{"v":1,"status":100000003,"items":[{"function":100000002,"decision":100000003,"blocking":true,"reason":{"text":"x"}}]}',
    ];
    for (const value of malformed) expect(parseFeasibilityDetail(value), String(value)).toBeNull();
  });

  it('takes the function label from the choice table when the item has none', () => {
    const detail = parseFeasibilityDetail(
      '{"v":1,"status":100000001,"items":[{"function":100000004,"decision":100000000,"blocking":true,"reviewer":"Sam"}]}',
    );
    expect(blockingLines(Status.Pending, detail)).toEqual(['SAV pending (Sam)']);
  });

  it('never counts a withdrawn or invalidated review as blocking, even when flagged so', () => {
    const detail = parseFeasibilityDetail(
      '{"v":1,"status":100000001,"items":[' +
        '{"function":100000000,"functionLabel":"Operations","decision":100000005,"decisionLabel":"Withdrawn","blocking":true,"reviewer":"Otto","due":"2026-11-30T09:00:00Z","reason":null,"conditions":null},' +
        '{"function":100000001,"functionLabel":"Logistics","decision":100000000,"decisionLabel":"Pending","blocking":true,"reviewer":"Lena","due":null,"reason":null,"conditions":null},' +
        '{"function":100000002,"functionLabel":"Finance","decision":100000004,"decisionLabel":"Invalidated","blocking":true,"reviewer":"Fiona","due":null,"reason":null,"conditions":null},' +
        '{"function":100000004,"functionLabel":"SAV","decision":100000005,"decisionLabel":"Withdrawn","blocking":false,"reviewer":"Sam","due":null,"reason":null,"conditions":null}]}',
    );
    expect(blockingLines(Status.Pending, detail)).toEqual(['Logistics pending (Lena)']);
    expect(feasibilityNotices(Status.Pending, detail)[0].message).toBe(
      'Feasibility: Pending. 1 review(s) must be approved before Propose:',
    );
  });

  it('reads the conditions attached to approvals', () => {
    expect(conditionsLine(Status.Cleared, parseFeasibilityDetail(cleared))).toBe('Finance: 30% upfront');
    expect(conditionsLine(Status.Blocked, parseFeasibilityDetail(blocked))).toBe('ADV: contract signed first');
    expect(conditionsLine(Status.Cleared, null)).toBeNull();
  });
});

describe('feasibility notices', () => {
  it('show a headline and one line per blocking function, as errors when a review is rejected', () => {
    const notices = feasibilityNotices(Status.Blocked, parseFeasibilityDetail(blocked));
    expect(notices.map((n) => n.id)).toEqual(['crmc_feasibility', 'crmc_feasibility_0', 'crmc_feasibility_1']);
    expect(notices.every((n) => n.level === 'ERROR')).toBe(true);
    expect(notices.map((n) => n.message)).toEqual([
      'Feasibility: Blocked. 2 review(s) must be approved before Propose:',
      'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC',
      'Finance rejected (Fiona): margin too low; pay 30% upfront',
    ]);
  });

  it('warn while pending, inform with the conditions when cleared, stay quiet when not required', () => {
    const pending = '{"v":1,"status":100000001,"items":[{"function":100000001,"functionLabel":"Logistics","decision":100000000,"blocking":true,"reviewer":"Lena","due":null}]}';
    expect(feasibilityNotices(Status.Pending, parseFeasibilityDetail(pending)).map((n) => n.level)).toEqual(['WARNING', 'WARNING']);
    expect(feasibilityNotices(Status.Cleared, parseFeasibilityDetail(cleared))).toEqual([
      { id: 'crmc_feasibility', level: 'INFO', message: 'Feasibility: Cleared, all reviews approved. Conditions: Finance: 30% upfront.' },
    ]);
    expect(feasibilityNotices(Status.NotRequired, parseFeasibilityDetail('{"v":1,"status":100000000,"items":[]}'))).toEqual([]);
    expect(feasibilityNotices(null, null)).toEqual([]);
  });

  it('show the status headline only when the detail is missing or malformed', () => {
    for (const detail of [null, '', '{"v":1,"status":100000003,"items":[{]}'])
      expect(feasibilityNotices(Status.Blocked, parseFeasibilityDetail(detail))).toEqual([
        { id: 'crmc_feasibility', level: 'ERROR', message: 'Feasibility: Blocked. Reviews must be approved before Propose.' },
      ]);
    expect(feasibilityNotices(Status.Cleared, null)).toEqual([
      { id: 'crmc_feasibility', level: 'INFO', message: 'Feasibility: Cleared, all reviews approved.' },
    ]);
  });

  it('ignore a detail that describes another status than the one shown (read at another moment)', () => {
    expect(feasibilityNotices(Status.Pending, parseFeasibilityDetail(blocked)).map((n) => n.message)).toEqual([
      'Feasibility: Pending. Reviews must be approved before Propose.',
    ]);
  });

  it('take the status from the detail when the status column was not read', () => {
    expect(feasibilityNotices(null, parseFeasibilityDetail(blocked))[0].message).toBe(
      'Feasibility: Blocked. 2 review(s) must be approved before Propose:',
    );
  });
});
