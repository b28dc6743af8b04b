using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCollab.Emulator.Metadata
{
    // Custom APIs as shipped in solution/customapis (Microsoft Learn, "Create a custom API with solution files").

    /// <summary>customapirequestparameter / customapiresponseproperty Type choice, with Microsoft's values.</summary>
    public enum CustomApiFieldType
    {
        Boolean = 0, DateTime = 1, Decimal = 2, Entity = 3, EntityCollection = 4, EntityReference = 5, Float = 6,
        Integer = 7, Money = 8, Picklist = 9, String = 10, StringArray = 11, Guid = 12,
    }

    /// <summary>customapi BindingType: Global (0), Entity (1), EntityCollection (2).</summary>
    public enum CustomApiBinding { Global = 0, Entity = 1, EntityCollection = 2 }

    /// <summary>customapi AllowedCustomProcessingStepType: which steps others may register on the API.</summary>
    public enum CustomApiProcessingSteps { None = 0, AsyncOnly = 1, SyncAndAsync = 2 }

    /// <summary>A request parameter or a response property of a custom API.</summary>
    public sealed class CustomApiField
    {
        /// <summary>The name a request or response carries it under (the file's uniquename).</summary>
        public string UniqueName { get; set; }
        public CustomApiFieldType Type { get; set; }
        /// <summary>Request parameters only: the request may leave it out.</summary>
        public bool IsOptional { get; set; }
        /// <summary>For Entity, EntityCollection and EntityReference: the table, when the API names one.</summary>
        public string LogicalEntityName { get; set; }

        /// <summary>The .NET type a value of <paramref name="type"/> travels as in an OrganizationRequest.</summary>
        public static Type ClrType(CustomApiFieldType type) => type switch
        {
            CustomApiFieldType.Boolean => typeof(bool),
            CustomApiFieldType.DateTime => typeof(DateTime),
            CustomApiFieldType.Decimal => typeof(decimal),
            CustomApiFieldType.Entity => typeof(Microsoft.Xrm.Sdk.Entity),
            CustomApiFieldType.EntityCollection => typeof(Microsoft.Xrm.Sdk.EntityCollection),
            CustomApiFieldType.EntityReference => typeof(Microsoft.Xrm.Sdk.EntityReference),
            CustomApiFieldType.Float => typeof(double),
            CustomApiFieldType.Integer => typeof(int),
            CustomApiFieldType.Money => typeof(Microsoft.Xrm.Sdk.Money),
            CustomApiFieldType.Picklist => typeof(Microsoft.Xrm.Sdk.OptionSetValue),
            CustomApiFieldType.String => typeof(string),
            CustomApiFieldType.StringArray => typeof(string[]),
            CustomApiFieldType.Guid => typeof(Guid),
            _ => typeof(object),
        };
    }

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
