using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A choice value. Equal when the numbers are equal.</summary>
    [DataContract(Name = "OptionSetValue", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class OptionSetValue : IExtensibleDataObject
    {
        public OptionSetValue() { }

        public OptionSetValue(int value) => Value = value;

        [DataMember]
        public int Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>A currency amount. Equal when the amounts are equal.</summary>
    [DataContract(Name = "Money", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class Money : IExtensibleDataObject
    {
        public Money() { }

        public Money(decimal value) => Value = value;

        [DataMember]
        public decimal Value { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) => obj is Money other && other.Value == Value;

        public override int GetHashCode() => Value.GetHashCode();
    }

    /// <summary>A value read through a link-entity or an aggregate alias, tagged with where it came from.</summary>
    [DataContract(Name = "AliasedValue", Namespace = XrmNamespaces.Contracts2011)]
    [KnownType("GetKnownAliasedValueTypes")]
    public sealed class AliasedValue : IExtensibleDataObject
    {
        public AliasedValue() { }

        public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
        {
            EntityLogicalName = entityLogicalName;
            AttributeLogicalName = attributeLogicalName;
            Value = value;
        }

        // Read-only to callers, but the serializer must still be able to set them.
        [DataMember]
        public string AttributeLogicalName { get; private set; }

        [DataMember]
        public string EntityLogicalName { get; private set; }

        [DataMember]
        public object Value { get; private set; }

        // Members the service fills and the SDK keeps off its public surface; they travel on the wire.
        [DataMember]
        internal bool NeedFormatting { get; set; }

        [DataMember]
        internal int ReturnType { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        private static IEnumerable<Type> GetKnownAliasedValueTypes() => KnownTypes.AliasedValues;
    }

    /// <summary>Names a relationship, with the role of the primary table for self-referential ones.</summary>
    [DataContract(Name = "Relationship", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class Relationship : IExtensibleDataObject
    {
        public Relationship() { }

        public Relationship(string schemaName) => SchemaName = schemaName;

        [DataMember]
        public string SchemaName { get; set; }

        [DataMember]
        public EntityRole? PrimaryEntityRole { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        public override bool Equals(object obj) =>
            obj is Relationship other
            && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
            && PrimaryEntityRole == other.PrimaryEntityRole;

        // As in the SDK: the schema name's hash (an unset name hashes as "") mixed with the role's number.
        public override int GetHashCode() => (SchemaName ?? string.Empty).GetHashCode() ^ PrimaryEntityRole.GetHashCode();

        /// <summary>"schemaname.Role", or "schemaname." without a role, as the SDK writes it.</summary>
        public override string ToString() => $"{SchemaName}.{PrimaryEntityRole}";
    }

    [DataContract(Name = "EntityRole", Namespace = XrmNamespaces.Contracts2011)]
    public enum EntityRole
    {
        [EnumMember] Referencing = 0,
        [EnumMember] Referenced = 1,
    }

    [DataContract(Name = "EntityState", Namespace = XrmNamespaces.Contracts2011)]
    public enum EntityState
    {
        [EnumMember] Unchanged = 0,
        [EnumMember] Created = 1,
        [EnumMember] Changed = 2,
    }

    public enum OperationStatus
    {
        Failed = 0,
        Canceled = 1,
        Retry = 2,
        Suspended = 3,
        Succeeded = 4,
    }

    public enum PluginHttpStatusCode
    {
        NotSet = 0,
        BadRequest = 400,
        Unauthorized = 401,
        Forbidden = 403,
        NotFound = 404,
        MethodNotAllowed = 405,
        RequestTimeout = 408,
        Conflict = 409,
        Gone = 410,
        PreconditionFailed = 412,
        RequestEntityTooLarge = 413,
        ExpectationFailed = 417,
        FailedDependency = 424,
        TooManyRequests = 429,
        InternalServerError = 500,
        BadGateway = 502,
        ServiceUnavailable = 503,
        GatewayTimeout = 504,
    }
}
