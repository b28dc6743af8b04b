using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Emulator.Metadata
{
    // As shipped in solution/customapis (Microsoft Learn, "Create a custom API with solution files").
    /// <summary>One custom API: the message it adds, who may call it, its plug-in type and its parameters.</summary>
    public sealed class CustomApiDefinition
    {
        /// <summary>The message name (customapi uniquename), e.g. crmc_RerouteOwnerPeriods.</summary>
        public string UniqueName { get; set; }
        public string DisplayName { get; set; }
        public string Description { get; set; }
        public CustomApiBinding Binding { get; set; }
        /// <summary>The table an Entity or EntityCollection bound API is bound to; null for a Global one.</summary>
        public string BoundEntityLogicalName { get; set; }
        public bool IsFunction { get; set; }
        public bool IsPrivate { get; set; }
        public CustomApiProcessingSteps AllowedProcessingSteps { get; set; }
        /// <summary>The privilege a caller must hold; null when anyone may call it.</summary>
        public string ExecutePrivilegeName { get; set; }
        /// <summary>The plug-in type of the main operation (from its PluginTypeId); null: the API does nothing itself.</summary>
        public string PluginTypeName { get; set; }
        public Guid? PluginTypeId { get; set; }
        public List<CustomApiField> RequestParameters { get; } = new List<CustomApiField>();
        public List<CustomApiField> ResponseProperties { get; } = new List<CustomApiField>();

        public CustomApiField RequestParameter(string name) =>
            RequestParameters.FirstOrDefault(p => string.Equals(p.UniqueName, name, StringComparison.Ordinal));

        public CustomApiField ResponseProperty(string name) =>
            ResponseProperties.FirstOrDefault(p => string.Equals(p.UniqueName, name, StringComparison.Ordinal));
    }
}
