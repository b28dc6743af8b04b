using System.Globalization;

namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// What a person reads when Dataverse refused a request a CrmCollab step made on the server for a reason that is not a
    /// CrmCollab rule (a record gone, a missing privilege, a limit): one coded sentence with the platform's error code,
    /// which Microsoft's list of web service error codes explains, and where an administrator finds the rest. The
    /// platform's own message can name record ids and internal names, so it goes to the plug-in trace log only.
    /// </summary>
    public static class PlatformFault
    {
        /// <summary>
        /// IsvAborted (0x80040265): the fault code with which a plug-in's InvalidPluginExecutionException reaches the
        /// caller, its message being what the plug-in wrote for the user (Microsoft documents that the platform shows it).
        /// </summary>
        public const int StepRefusalCode = unchecked((int)0x80040265);

        /// <summary>
        /// The fault is a step's refusal of the nested write (any plug-in's, or a coded CrmCollab one): the person reads
        /// it in its own words, not <see cref="Refusal(int)"/>.
        /// </summary>
        public static bool IsStepRefusal(int errorCode, string message) =>
            errorCode == StepRefusalCode || Domain.Refusal.CodeOf(message) != null;

        /// <summary>PrivilegeDenied (0x80040220: no role grants the privilege) and the access check failing
        /// (0x80048306: the privilege's depth does not reach the record), per Microsoft's web service error codes.</summary>
        public static bool IsAccessDenied(int errorCode) =>
            errorCode == unchecked((int)0x80040220) || errorCode == unchecked((int)0x80048306);

        /// <summary>The user the request runs as is disabled or in no business unit (0x80040225, "The specified user is either
        /// disabled or is not a member of any business unit"), per Microsoft's web service error codes.</summary>
        public static bool IsUserNotEnabled(int errorCode) => errorCode == unchecked((int)0x80040225);

        /// <summary>ObjectDoesNotExist (0x80040217): no row with that id, per Microsoft's web service error codes.</summary>
        public static bool IsRowMissing(int errorCode) => errorCode == unchecked((int)0x80040217);

        /// <param name="errorCode">The fault's ErrorCode (0 when the platform gave none).</param>
        public static Refusal Refusal(int errorCode) => new Refusal(RefusalCodes.PlatformFault,
            "CrmCollab could not complete this change because Dataverse refused a request CrmCollab made on the server" +
            (errorCode == 0 ? "" : string.Format(CultureInfo.InvariantCulture, " (error 0x{0:X8})", errorCode)) +
            ", so nothing was saved. Try again; if it fails again, ask your CrmCollab administrator, who finds the request " +
            "and its reason at this time in the plug-in trace log (when logging to it is turned on).");
    }
}
