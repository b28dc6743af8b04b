using System;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>Pipeline stages a step can be registered on (sdkmessageprocessingstep.stage).</summary>
    public enum PipelineStage
    {
        PreValidation = 10,
        PreOperation = 20,
        PostOperation = 40,
    }

    /// <summary>
    /// One message × table × stage the plugin handles, declared next to the code that handles it, so the
    /// registration in solution/ and the code can be checked against each other.
    /// </summary>
    public sealed class RegisteredEvent
    {
        public RegisteredEvent(PipelineStage stage, string messageName, string entityName, Action<LocalPluginContext> handler)
        {
            if (string.IsNullOrEmpty(messageName)) throw new ArgumentNullException(nameof(messageName));
            Stage = stage;
            MessageName = messageName;
            EntityName = entityName;
            Handler = handler ?? throw new ArgumentNullException(nameof(handler));
        }

        public PipelineStage Stage { get; }

        public string MessageName { get; }

        /// <summary>Null: any table (messages such as Win or SetState on a given table still pass one).</summary>
        public string EntityName { get; }

        public Action<LocalPluginContext> Handler { get; }

        public bool Matches(int stage, string messageName, string entityName) =>
            (int)Stage == stage
            && string.Equals(MessageName, messageName, StringComparison.OrdinalIgnoreCase)
            && (EntityName == null || string.Equals(EntityName, entityName, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => $"{MessageName} of {EntityName ?? "any table"} at stage {(int)Stage}";
    }
}
