// Choice values and labels shared with the server (solution/OptionSets, solution/Entities).

export const FunctionLabels: Readonly<Record<number, string>> = {
  100000000: 'Operations',
  100000001: 'Logistics',
  100000002: 'Finance',
  100000003: 'ADV',
  100000004: 'SAV',
  100000005: 'Engineering',
};

export const AllFunctions: readonly number[] = Object.keys(FunctionLabels).map(Number);

export function functionLabel(value: number | null | undefined): string {
  if (value == null) return 'Unknown function';
  return FunctionLabels[value] ?? `Function ${value}`;
}

export const FeasibilityStatus = {
  NotRequired: 100000000,
  Pending: 100000001,
  Cleared: 100000002,
  Blocked: 100000003,
} as const;

export const FeasibilityStatusLabels: Readonly<Record<number, string>> = {
  100000000: 'Not required',
  100000001: 'Pending',
  100000002: 'Cleared',
  100000003: 'Blocked',
};

export const Decision = {
  Pending: 100000000,
  Approved: 100000001,
  ApprovedWithConditions: 100000002,
  Rejected: 100000003,
  Invalidated: 100000004,
  Withdrawn: 100000005,
} as const;

export const DecisionLabels: Readonly<Record<number, string>> = {
  100000000: 'Pending',
  100000001: 'Approved',
  100000002: 'Approved with conditions',
  100000003: 'Rejected',
  100000004: 'Invalidated',
  100000005: 'Withdrawn',
};

export const SignalKindLabels: Readonly<Record<number, string>> = {
  100000000: 'Lead',
  100000001: 'Competitor presence',
  100000002: 'Churn risk',
  100000003: 'Expansion',
  100000004: 'Complaint',
};

/** salesstage values; the server's gate stage defaults to Propose. */
export const SalesStages = ['Qualify', 'Develop', 'Propose', 'Close'] as const;
export const GateStage = 2;

export const OpportunityState = { Open: 0, Won: 1, Lost: 2 } as const;
