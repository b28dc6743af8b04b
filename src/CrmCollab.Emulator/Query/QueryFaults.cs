using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Query
{
    /// <summary>The faults the query engine raises, shaped as the organization service raises them.</summary>
    public static class QueryFaults
    {
        // Codes and messages as observed in server faults: unknown attribute / unknown table.
        public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
        public const int QueryBuilderNoEntity = unchecked((int)0x80041102);
        // The generic "invalid argument" code, used for every other query error (bad values, FetchXML, paging,
        // unsupported operators) rather than guessing the server's more specific codes.
        public const int InvalidArgument = unchecked((int)0x80040203);
        /// <summary>Microsoft's documented refusal of an aggregate over more records than the limit (8004E023).</summary>
        public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);
        /// <summary>The platform's limit of records an aggregate query may evaluate; a fetch's aggregatelimit can only lower it.</summary>
        public const int MaxAggregateRecords = 50000;

        public static FaultException<OrganizationServiceFault> Create(int code, string message)
        {
            // No timestamp here: the organization service stamps it with the engine's clock.
            var fault = new OrganizationServiceFault { ErrorCode = code, Message = message };
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        public static FaultException<OrganizationServiceFault> UnknownAttribute(string table, string column) =>
            Create(QueryBuilderNoAttribute, UnknownAttributeMessage(table, column));

        public static FaultException<OrganizationServiceFault> UnknownEntity(string table) =>
            Create(QueryBuilderNoEntity, UnknownEntityMessage(table));

        // Shared with the store's faults (Engine.Faults), so a misspelt name reads the same in a query and a write.
        internal static string UnknownAttributeMessage(string table, string column) =>
            $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'. " +
            "MetadataCacheDetails: ProviderType=Dynamic, StandardCache=True, IsLoadedInStagedContext = False";

        internal static string UnknownEntityMessage(string table) =>
            $"The entity with a name = '{table}' with namemapping = 'Logical' was not found in the MetadataCache.";

        public static FaultException<OrganizationServiceFault> AggregateLimitExceeded() =>
            Create(AggregateQueryRecordLimit, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

        public static FaultException<OrganizationServiceFault> Invalid(string message) => Create(InvalidArgument, message);

        public static FaultException<OrganizationServiceFault> BadFetch(string message) => Create(InvalidArgument, message);

        public static FaultException<OrganizationServiceFault> Unsupported(string message) => Create(InvalidArgument, message);
    }
}
