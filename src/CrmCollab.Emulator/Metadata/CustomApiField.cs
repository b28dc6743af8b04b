using System;

namespace CrmCollab.Emulator.Metadata
{
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

        /// <summary>What a response property nobody set answers: its type's default (false, 0, an empty id; null for the others).</summary>
        public static object DefaultValue(CustomApiFieldType type)
        {
            Type clr = ClrType(type);
            return clr.IsValueType ? Activator.CreateInstance(clr) : null;
        }

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
}
