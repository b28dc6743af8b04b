import { describe, expect, it } from 'vitest';
import { parseFeasibilityDetail } from '../src/shared/feasibility';
import { crossesGate, gateMessage, isGateBlocking, stageIndex } from '../src/opportunity/gate';

const Blocked = 100000003;
const detail = parseFeasibilityDetail(
  '{"v":1,"status":100000003,"items":[' +
    '{"function":100000001,"functionLabel":"Logistics","decision":100000000,"decisionLabel":"Pending","blocking":true,"reviewer":"Lena Logistics","due":"2026-11-25T09:00:00Z","reason":null,"conditions":null},' +
    '{"function":100000002,"functionLabel":"Finance","decision":100000003,"decisionLabel":"Rejected","blocking":true,"reviewer":"Fiona","due":null,"reason":"margin too low","conditions":null},' +
    '{"function":100000004,"functionLabel":"SAV","decision":100000005,"decisionLabel":"Withdrawn","blocking":false,"reviewer":"Sam","due":null,"reason":null,"conditions":null}]}',
);

/** What a client reads from any refusal: the code in brackets at its end, never the prose. */
const codeOf = (message: string) => / \[(CRMC-[A-Z0-9-]+)\]$/.exec(message)?.[1] ?? null;

describe('gate message', () => {
  it('is word for word the server refusal, code included', () => {
    expect(gateMessage(Blocked, detail)).toBe(
      'This opportunity cannot enter Propose until its feasibility reviews are approved. Still blocking: ' +
        'Logistics pending (Lena Logistics), due 2026-11-25 09:00 UTC; Finance rejected (Fiona): margin too low. ' +
        'Ask the reviewers to decide, or adjust the deal and request new reviews. [CRMC-GATE-NOT-CLEARED]',
    );
  });

  it('carries the code the server gives, whatever the detail says', () => {
    expect(codeOf(gateMessage(Blocked, detail))).toBe('CRMC-GATE-NOT-CLEARED');
    expect(codeOf(gateMessage(Blocked, null))).toBe('CRMC-GATE-NOT-CLEARED');
  });

  it('still refuses in plain words when the detail is missing', () => {
    expect(gateMessage(100000001, null, 'Close')).toBe(
      'This opportunity cannot enter Close until its feasibility reviews are approved. Still blocking: ' +
        'feasibility reviews not yet decided. Ask the reviewers to decide, or adjust the deal and request new reviews. ' +
        '[CRMC-GATE-NOT-CLEARED]',
    );
  });
});

describe('stages', () => {
  it('blocks while pending or blocked only', () => {
    expect([100000000, 100000001, 100000002, 100000003, null].map(isGateBlocking)).toEqual([false, true, false, true, false]);
  });

  it('recognises stage names', () => {
    expect(stageIndex('Develop')).toBe(1);
    expect(stageIndex('2-Propose')).toBe(2);
    expect(stageIndex('propose')).toBe(2);
    expect(stageIndex('Negotiate')).toBeNull();
  });

  // The server's SalesStage.FromStepName reads the same names (FeasibilityGateTests' theory): a stage whose name holds
  // the stage's word ("Proposer" in a French process) or only the out-of-the-box number ("3-Negotiate") is the stage
  // the server's gate sees, so the form stops the move there too instead of leaving it to a refused save.
  it('a deal moving into a renamed or translated gate stage is stopped on the form as the server would stop it', () => {
    const serverReads: [string, number | null][] = [
      ['1-Qualify', 0],
      ['3-Propose', 2],
      ['2-Propose', 2],
      ['Close the deal', 3],
      ['3-Negotiate', 2],
      ['Proposer', 2],
      ['Redevelopment', 1],
      ['Negotiate', null],
      ['', null],
    ];
    expect(serverReads.map(([name]) => [name, stageIndex(name)])).toEqual(serverReads);
    expect(crossesGate(stageIndex('2-Développer'), stageIndex('3-Proposer'))).toBe(true);
  });

  it('crosses the gate only from before it to it or beyond', () => {
    expect(crossesGate(1, 2)).toBe(true);
    expect(crossesGate(0, 3)).toBe(true);
    expect(crossesGate(2, 3)).toBe(false);
    expect(crossesGate(2, 1)).toBe(false);
  });
});
