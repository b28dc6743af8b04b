namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// What a person reads when a CrmCollab step fails for a reason that is neither a CrmCollab rule nor a request the
    /// platform refused (<see cref="PlatformFault"/>): a step registered on an event its plug-in does not handle, or an
    /// unexpected error in the step itself. One coded sentence saying that nothing was saved and who can fix it; the
    /// plug-in, the step's event and the error's details go to the plug-in trace log only.
    /// </summary>
    public static class StepFailure
    {
        public static Refusal NotHandled() => new Refusal(RefusalCodes.StepNotHandled,
            "CrmCollab is registered to act on this change but is not built to handle it, so nothing was saved. Ask your " +
            "CrmCollab administrator to import the CrmCollab solution again (with its plug-in steps as shipped); the plug-in " +
            "trace log names the step at this time (when logging to it is turned on).");

        /// <summary>The step runs without something it is registered with (an image) or the platform always passes.</summary>
        public static Refusal Misconfigured(string missing) => new Refusal(RefusalCodes.StepMisconfigured,
            $"CrmCollab's step for this change runs without {missing}, so nothing was saved. Ask your CrmCollab administrator to " +
            "import the CrmCollab solution again, with its plug-in steps and their images as shipped.");

        public static Refusal Unexpected() => new Refusal(RefusalCodes.StepFailed,
            "CrmCollab could not complete this change because of an unexpected error on the server, so nothing was saved. " +
            "Try again; if it fails again, ask your CrmCollab administrator, who finds the details at this time in the " +
            "plug-in trace log (when logging to it is turned on).");
    }
}
