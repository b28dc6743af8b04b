using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Engine
{
    /// <summary>
    /// Dataverse error codes the engine raises, as listed in "Web service error codes" (Dataverse docs,
    /// includes/data-service-errors.md); the ones marked "not in the list" are the engine's closest choice.
    /// </summary>
    public static class ErrorCodes
    {
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);
        public const int InvalidArgument = Query.QueryFaults.InvalidArgument;
        public const int QueryBuilderNoEntity = Query.QueryFaults.QueryBuilderNoEntity;
        public const int QueryBuilderNoAttribute = Query.QueryFaults.QueryBuilderNoAttribute;
        public const int StringLengthTooLong = unchecked((int)0x80044331);
        public const int PicklistValueOutOfRange = unchecked((int)0x8004431A);
        public const int InvalidStateCodeStatusCode = unchecked((int)0x80048408);
        public const int InvalidStateTransition = unchecked((int)0x8004F00E);
        public const int IsvAborted = unchecked((int)0x80040265);
        public const int IsvUnExpected = unchecked((int)0x80040224);
        public const int SdkCorrelationTokenDepthTooHigh = unchecked((int)0x80044182);
        public const int DuplicateRecord = unchecked((int)0x80040237);
        public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
        public const int OpportunityIsAlreadyClosed = unchecked((int)0x80040515);
        public const int NoActiveTransaction = unchecked((int)0x80040251);
        public const int IsvTransactionCount = unchecked((int)0x8009000C);
        public const int PrivilegeDenied = unchecked((int)0x80040220);
        public const int InvalidOperation = unchecked((int)0x8004023B);
        /// <summary>InvalidOwnerID: an ownerid that is null or not a reference to a user or team.</summary>
        public const int InvalidOwnerID = unchecked((int)0x80040229);
        /// <summary>Not in the list under this name; the code Dataverse returns for an unknown request name.</summary>
        public const int SdkMessageNotImplemented = unchecked((int)0x80044824);
        /// <summary>Not in the list: Restrict cascade refusal (CannotDeleteDueToAssociation).</summary>
        public const int CannotDeleteDueToAssociation = unchecked((int)0x80040227);
        /// <summary>A team that owns records is not deleted: "Can't delete a team which owns records. Reassign the records and try again."</summary>
        public const int CannotDeleteTeamOwningRecords = unchecked((int)0x8004830E);
        /// <summary>IfRowVersionMatches, and the row's version is not the one sent (optimistic-concurrency.md, Handle exceptions).</summary>
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
        /// <summary>IfRowVersionMatches with no RowVersion on the target.</summary>
        public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);
        /// <summary>IfRowVersionMatches on a table whose IsOptimisticConcurrencyEnabled is false.</summary>
        public const int OptimisticConcurrencyNotEnabled = unchecked((int)0x8006088D);

        public const string ConcurrencyVersionMismatchMessage =
            "The version of the existing record doesn't match the RowVersion property provided.";

        public const string ConcurrencyVersionNotProvidedMessage =
            "The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches.";

        /// <summary>{0}: the table's logical name.</summary>
        public const string OptimisticConcurrencyNotEnabledMessage =
            "Optimistic concurrency isn't enabled for entity type {0}. The IfVersionMatches value of ConcurrencyBehavior " +
            "can only be used if optimistic concurrency is enabled.";

        public const string DepthMessage =
            "This workflow job was canceled because the workflow that started it included an infinite loop. " +
            "Correct the workflow logic and try again. For information about workflow logic, see Help.";

        public const string NoActiveTransactionMessage =
            "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors " +
            "from service calls and continue processing.";

        public const string TransactionCountMessage =
            "ISV code reduced the open transaction count. Custom plug-ins should not catch exceptions from " +
            "OrganizationService calls and continue processing.";
    }

    /// <summary>Builds faults exactly as an SDK client receives them.</summary>
    public static class Faults
    {
        public static FaultException<OrganizationServiceFault> Create(int code, string message)
        {
            var fault = new OrganizationServiceFault { ErrorCode = code, Message = message };
            return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
        }

        public static FaultException<OrganizationServiceFault> NotFound(string table, System.Guid id) =>
            Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

        public static FaultException<OrganizationServiceFault> Invalid(string message) =>
            Create(ErrorCodes.InvalidArgument, message);

        public static FaultException<OrganizationServiceFault> InvalidOwner() =>
            Create(ErrorCodes.InvalidOwnerID, "The owner ID is invalid or missing.");

        public static FaultException<OrganizationServiceFault> UnknownTable(string table) =>
            Create(ErrorCodes.QueryBuilderNoEntity, Query.QueryFaults.UnknownEntityMessage(table));

        public static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column) =>
            Create(ErrorCodes.QueryBuilderNoAttribute, Query.QueryFaults.UnknownAttributeMessage(table, column));
    }
}
