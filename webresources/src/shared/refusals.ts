// Refusal codes: the server ends each refusal with a stable code in brackets ("… [CRMC-GATE-NOT-CLEARED]"). A message
// this client words itself carries the code the server would give, so a user sees the same text whichever stops them.

/** Codes as the server spells them (src/CrmCollab.Plugins/Domain/RefusalCodes.cs); only the ones the client gives. */
export const RefusalCode = {
  GateNotCleared: 'CRMC-GATE-NOT-CLEARED',
} as const;

/** "<text> [<code>]", as the server's Refusal.Message. */
export function withCode(text: string, code: string): string {
  return `${text} [${code}]`;
}
