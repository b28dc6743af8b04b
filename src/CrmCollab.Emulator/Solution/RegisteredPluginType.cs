namespace CrmCollab.Emulator.Solution
{
    /// <summary>A plug-in type of the solution's assemblies, as its data xml registers it.</summary>
    public sealed class RegisteredPluginType
    {
        public RegisteredPluginType(string name, bool isWorkflowActivity)
        {
            Name = name;
            IsWorkflowActivity = isWorkflowActivity;
        }

        /// <summary>Full type name, e.g. CrmCollab.Plugins.Routing.OwnerPeriodRerouting.</summary>
        public string Name { get; }
        /// <summary>True for a custom workflow activity (a PluginType with a WorkflowActivityGroupName).</summary>
        public bool IsWorkflowActivity { get; }
    }
}
