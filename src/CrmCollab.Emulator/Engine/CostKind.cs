namespace CrmCollab.Emulator.Engine
{
    /// <summary>What a <see cref="CostEntry"/> measures.</summary>
    public enum CostKind
    {
        /// <summary>A request sent by a caller outside any plug-in (a user, the app, a test), without the steps it runs.</summary>
        Request,

        /// <summary>A plug-in step's execution: the platform's context and images for it and the plug-in's own code, without its calls.</summary>
        Step,

        /// <summary>A request a plug-in sends through its organization service, without the steps it runs in turn.</summary>
        PluginCall,
    }
}
