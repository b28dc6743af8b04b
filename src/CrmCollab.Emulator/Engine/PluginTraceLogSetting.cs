namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// The organisation's "Enable logging to plug-in trace log" setting (System Settings → Customization): what reaches
    /// the plug-in trace log. Microsoft's guidance is to turn logging on only while investigating (the log takes
    /// organisation storage); a refused or failed execution is still reported to the caller either way.
    /// </summary>
    public enum PluginTraceLogSetting
    {
        /// <summary>Nothing is logged.</summary>
        Off = 0,

        /// <summary>Only executions that end in an exception (a refusal included).</summary>
        Exception = 1,

        /// <summary>Every execution.</summary>
        All = 2,
    }
}
