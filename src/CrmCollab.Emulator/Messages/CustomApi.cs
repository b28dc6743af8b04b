using System;
using CrmCollab.Emulator.Metadata;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// One custom API as the engine runs it: its definition and the stage 30 "step" its plug-in type runs as. The
    /// platform registers no step for it; the step made here only lets the pipeline run the type as it runs any step
    /// (one cached instance, tracing, fault mapping), its name saying what it is in traces and the cost breakdown.
    /// </summary>
    internal sealed class CustomApi
    {
        public CustomApi(CustomApiDefinition definition)
        {
            Definition = definition;
            if (definition.PluginTypeName != null)
                MainStep = new StepDefinition
                {
                    Id = Guid.Empty,
                    Name = $"{definition.PluginTypeName}: {definition.UniqueName} (main operation)",
                    MessageName = definition.UniqueName,
                    PrimaryEntity = definition.BoundEntityLogicalName,
                    PluginTypeName = definition.PluginTypeName,
                    Stage = StepStage.MainOperation,
                    Mode = StepMode.Synchronous,
                };
        }

        public CustomApiDefinition Definition { get; }

        /// <summary>Null for an API without a plug-in type: its main operation does nothing.</summary>
        public StepDefinition MainStep { get; }
    }
}
