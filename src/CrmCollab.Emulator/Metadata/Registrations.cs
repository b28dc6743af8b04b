using System;
using System.Collections.Generic;

namespace CrmCollab.Emulator.Metadata
{
    // Plugin step, role and environment-variable definitions as shipped in solution/.

    /// <summary>Pipeline stages. MainOperation (30) is the platform's own operation, or a custom API's plug-in type:
    /// no step is registered on it.</summary>
    public enum StepStage { PreValidation = 10, PreOperation = 20, MainOperation = 30, PostOperation = 40 }

    public enum StepMode { Synchronous = 0, Asynchronous = 1 }

    public enum ImageType { PreImage = 0, PostImage = 1, Both = 2 }

    public sealed class StepImageDefinition
    {
        public string Name { get; set; }
        public string EntityAlias { get; set; }
        public ImageType ImageType { get; set; }
        /// <summary>Null or empty: all columns (discouraged, but the platform allows it).</summary>
        public List<string> Attributes { get; } = new List<string>();
        public string MessagePropertyName { get; set; } = "Target";
    }

    public sealed class StepDefinition
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        public string MessageName { get; set; }
        /// <summary>Logical name of the table; null for a step on any table.</summary>
        public string PrimaryEntity { get; set; }
        /// <summary>Type name as registered, e.g. "CrmCollab.Plugins.Routing.HandoffOnWin".</summary>
        public string PluginTypeName { get; set; }
        public StepStage Stage { get; set; }
        public StepMode Mode { get; set; }
        public int Rank { get; set; } = 1;
        /// <summary>Empty: fires on any column (Update steps should always filter).</summary>
        public List<string> FilteringAttributes { get; } = new List<string>();
        /// <summary>Null: the calling user; otherwise the systemuser the step impersonates.</summary>
        public Guid? RunAsUserId { get; set; }
        public string UnsecureConfiguration { get; set; }
        public string SecureConfiguration { get; set; }
        public bool AsyncAutoDelete { get; set; }
        public List<StepImageDefinition> Images { get; } = new List<StepImageDefinition>();
    }

    public enum PrivilegeDepth { None = 0, Basic = 1, Local = 2, Deep = 3, Global = 4 }

    public enum AccessRight { Create, Read, Write, Delete, Append, AppendTo, Assign, Share }

    public sealed class RoleDefinition
    {
        public Guid Id { get; set; }
        public string Name { get; set; }
        /// <summary>(table, right) → depth. Privilege names like prvReadcrmc_dedicatedowner map here.</summary>
        public Dictionary<(string Table, AccessRight Right), PrivilegeDepth> Privileges { get; } =
            new Dictionary<(string, AccessRight), PrivilegeDepth>();
        /// <summary>Miscellaneous privileges, e.g. prvBypassCustomPlugins.</summary>
        public HashSet<string> Misc { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    }

    public sealed class EnvironmentVariableDefinition
    {
        public string SchemaName { get; set; }
        public string DisplayName { get; set; }
        /// <summary>String, Number, Boolean, JSON, DataSource, Secret.</summary>
        public string Type { get; set; } = "String";
        public string DefaultValue { get; set; }
        public string Description { get; set; }
        /// <summary>Current value shipped with the solution (environmentvariablevalues.json); null if none.</summary>
        public string Value { get; set; }
    }

    /// <summary>Everything the engine boots from.</summary>
    public sealed class SolutionDefinition
    {
        public MetadataCatalog Catalog { get; } = new MetadataCatalog();
        public List<StepDefinition> Steps { get; } = new List<StepDefinition>();
        public List<RoleDefinition> Roles { get; } = new List<RoleDefinition>();
        public List<EnvironmentVariableDefinition> EnvironmentVariables { get; } = new List<EnvironmentVariableDefinition>();
        /// <summary>Custom workflow activity types registered in the plugin assembly.</summary>
        public List<string> WorkflowActivityTypes { get; } = new List<string>();
        /// <summary>Plugin types (IPlugin) registered in the plugin assemblies, by full type name.</summary>
        public List<string> PluginTypes { get; } = new List<string>();
        /// <summary>Custom APIs (customapis/&lt;unique name&gt;/customapi.xml), with their parameters and response properties.</summary>
        public List<CustomApiDefinition> CustomApis { get; } = new List<CustomApiDefinition>();
        /// <summary>From Other/Solution.xml: unique name, version and publisher customization prefix.</summary>
        public string UniqueName { get; set; }
        public string Version { get; set; }
        public string PublisherPrefix { get; set; }
    }
}
