import { describe, expect, it } from 'vitest';
import {
  blockingItems,
  blockingText,
  conditionsText,
  crossesGate,
  feasibilityNotices,
  gateMessage,
  stageIndex,
} from '../src/opportunity/feasibility';

// Summaries as FeasibilityGate.Summarize writes them.
const blocked =
  'Waiting on: Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low; pay 30% upfront.';
const withConditions = 'Waiting on: Logistics pending (Lena). Conditions: ADV: contract signed first.';
const cleared = 'Cleared: all feasibility reviews approved. Conditions: Finance: 30% upfront.';

describe('feasibility summary', () => {
  it('keeps the blocking list as the server wrote it', () => {
    expect(blockingText(blocked)).toBe(
      'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low; pay 30% upfront',
    );
    expect(blockingText(withConditions)).toBe('Logistics pending (Lena)');
    expect(blockingText(cleared)).toBeNull();
    expect(blockingText(null)).toBeNull();
  });

  it('splits items only where a function starts, not inside a rejection reason', () => {
    expect(blockingItems(blocked)).toEqual([
      'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC',
      'Finance rejected (Fiona): margin too low; pay 30% upfront',
    ]);
  });

  it('reads the conditions of a cleared deal', () => {
    expect(conditionsText(cleared)).toBe('Finance: 30% upfront');
  });
});

describe('gate message', () => {
  it('is word for word the server refusal', () => {
    expect(gateMessage(blocked)).toBe(
      'This opportunity cannot enter Propose until its feasibility reviews are approved. Still blocking: ' +
        'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low; pay 30% upfront. ' +
        'Ask the reviewers to decide, or adjust the deal and request new reviews.',
    );
  });

  it('names the stage being entered', () => {
    expect(gateMessage(withConditions, 'Close')).toMatch(/^This opportunity cannot enter Close until/);
  });
});

describe('notices', () => {
  it('shows a headline and one line per blocking function, as an error when rejected', () => {
    const notices = feasibilityNotices(100000003, blocked);
    expect(notices.map((n) => n.id)).toEqual(['crmc_feasibility', 'crmc_feasibility_0', 'crmc_feasibility_1']);
    expect(notices.every((n) => n.level === 'ERROR')).toBe(true);
    expect(notices[0].message).toBe('Feasibility: Blocked. 2 review(s) must be approved before Propose:');
    expect(notices[2].message).toContain('Finance rejected (Fiona)');
  });

  it('warns while pending, informs when cleared, stays quiet when not required', () => {
    expect(feasibilityNotices(100000001, withConditions)[0].level).toBe('WARNING');
    expect(feasibilityNotices(100000002, cleared)).toEqual([
      {
        id: 'crmc_feasibility',
        level: 'INFO',
        message: 'Feasibility: Cleared, all reviews approved. Conditions: Finance: 30% upfront.',
      },
    ]);
    expect(feasibilityNotices(100000000, null)).toEqual([]);
    expect(feasibilityNotices(null, null)).toEqual([]);
  });
});

describe('stages', () => {
  it('recognises stage names', () => {
    expect(stageIndex('Develop')).toBe(1);
    expect(stageIndex('2-Propose')).toBe(2);
    expect(stageIndex('propose')).toBe(2);
    expect(stageIndex('Negotiate')).toBeNull();
  });

  it('crosses the gate only from before it to it or beyond', () => {
    expect(crossesGate(1, 2)).toBe(true);
    expect(crossesGate(0, 3)).toBe(true);
    expect(crossesGate(2, 3)).toBe(false);
    expect(crossesGate(2, 1)).toBe(false);
  });
});
