using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>How an Update or Delete treats a row changed since it was read (optimistic concurrency).</summary>
    [DataContract(Name = "ConcurrencyBehavior", Namespace = XrmNamespaces.Contracts71)]
    public enum ConcurrencyBehavior
    {
        [EnumMember] Default = 0,
        [EnumMember] IfRowVersionMatches = 1,
        [EnumMember] AlwaysOverwrite = 2,
    }

    /// <summary>Related rows to retrieve along with a row, per relationship.</summary>
    [CollectionDataContract(Name = "RelationshipQueryCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class RelationshipQueryCollection : DataCollection<Relationship, QueryBase>
    {
        public RelationshipQueryCollection() { }
    }

    /// <summary>The responses of an ExecuteTransaction, in request order.</summary>
    [CollectionDataContract(Name = "OrganizationResponseCollection", Namespace = XrmNamespaces.Contracts71)]
    public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
    {
        public OrganizationResponseCollection() { }
    }
}
