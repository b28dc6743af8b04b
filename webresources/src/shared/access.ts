// A read the user's roles do not allow. Dataverse answers it with PrivilegeDenied (0x80040220: no role grants the
// privilege) or a failed access check (0x80048306: the privilege's depth does not reach the row); the plugins treat
// the same two codes as the user's rights (CrmCollab.Plugins Domain/PlatformFault.cs). Such a read is the role's
// design, not a fault: the scripts leave that part out with a plain sentence instead of the server's technical text.

export const PrivilegeDenied = 0x80040220 | 0;
export const AccessCheckFailed = 0x80048306 | 0;

/**
 * True for the { errorCode } objects Xrm.WebApi rejects with when the user's roles do not allow the read. The code is
 * compared as a 32-bit value, so that 0x80040220 matches whether it comes signed (-2147220960) or not (2147746336):
 * the Client API reference does not say which.
 */
export function isAccessDenied(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | null | undefined)?.errorCode;
  if (typeof code !== 'number') return false;
  const value = code | 0;
  return value === PrivilegeDenied || value === AccessCheckFailed;
}
