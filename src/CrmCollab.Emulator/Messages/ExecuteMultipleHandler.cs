using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// ExecuteMultiple: each request runs as its own operation (own transaction); faults are reported per item;
    /// ContinueOnError decides whether the batch goes on; ReturnResponses whether successes are returned. Run-time
    /// limitations (Microsoft Learn, "Execute multiple requests using the SDK for .NET"): more requests than the maximum
    /// batch size (1000, the default) is a fault "thrown before the first request is ever executed", carrying the maximum
    /// in ErrorDetails["MaxBatchSize"]; "no recursion is allowed": an ExecuteMultiple in the collection generates a fault
    /// for that request item. The fault code of either is not documented: the engine uses InvalidArgument. Sent by a
    /// plug-in inside the transaction, the items share it: a failed item ends it (documented: every operation of the batch
    /// must then be rolled back), the items after it fail with NoActiveTransaction, and the plug-in's own operation fails.
    /// </summary>
    internal sealed class ExecuteMultipleHandler : IMessageHandler
    {
        /// <summary>The default maximum batch size of a Dataverse deployment (the engine models no other).</summary>
        public const int MaxBatchSize = 1000;

        public string MessageName => "ExecuteMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var requests = context.Required<OrganizationRequestCollection>("Requests");
            var settings = context.Required<ExecuteMultipleSettings>("Settings");
            if (requests.Count > MaxBatchSize)
            {
                var tooMany = Faults.Invalid(
                    $"The request collection holds {requests.Count} requests, more than the maximum batch size of {MaxBatchSize}.");
                tooMany.Detail.ErrorDetails["MaxBatchSize"] = MaxBatchSize;
                throw tooMany;
            }
            var responses = new ExecuteMultipleResponseItemCollection();
            bool faulted = false;
            for (int i = 0; i < requests.Count; i++)
            {
                try
                {
                    // Inside a caller's transaction (a plug-in's) a failed item ended it: the items after it find none.
                    if (context.Frame.Transaction?.Doomed == true)
                        throw Faults.Create(ErrorCodes.NoActiveTransaction, ErrorCodes.NoActiveTransactionMessage);
                    if (IsBatch(requests[i], MessageName))
                        throw Faults.Invalid("An ExecuteMultiple request cannot contain another ExecuteMultiple request.");
                    // The batch's own frame: with no transaction around the batch, each item owns one.
                    var response = context.Engine.Dispatch(requests[i], context.Frame);
                    if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
                }
                catch (FaultException<OrganizationServiceFault> ex)
                {
                    faulted = true;
                    // Sent inside a database transaction (by a plug-in), a failed item's operations cannot be kept: "any
                    // failures in the synchronous step must roll back all data operations" of the batch. The server ends
                    // the transaction, as for any failed call a plug-in catches (DataverseEngine.Doom); its owner rolls it back.
                    if (context.Frame.Transaction != null) context.Frame.Transaction.Doomed = true;
                    responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = ex.Detail });
                    if (!settings.ContinueOnError) break;
                }
            }
            return new OrganizationResponse
            {
                ResponseName = MessageName,
                Results = { ["Responses"] = responses, ["IsFaulted"] = faulted },
            };
        }

        /// <summary>True when <paramref name="request"/> is a <paramref name="batchMessage"/> (a null item is the router's fault).</summary>
        internal static bool IsBatch(OrganizationRequest request, string batchMessage) =>
            request != null && string.Equals(request.RequestName, batchMessage, System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// ExecuteTransaction: all requests in one transaction; the first fault rolls everything back and surfaces as
    /// an ExecuteTransactionFault carrying FaultedRequestIndex. "An ExecuteTransactionRequest instance may not contain a
    /// ExecuteMultipleRequest or ExecuteTransactionRequest" (Microsoft Learn, "Execute messages in a single database
    /// transaction"): such an item is that index's fault.
    /// </summary>
    internal sealed class ExecuteTransactionHandler : IMessageHandler
    {
        public string MessageName => "ExecuteTransaction";

        public OrganizationResponse Handle(MessageContext context)
        {
            var requests = context.Required<OrganizationRequestCollection>("Requests");
            bool returnResponses = context.Get<bool?>("ReturnResponses") ?? false;
            var responses = NewResponseCollection(requests.Count);
            context.InTransaction(frame =>
            {
                for (int i = 0; i < requests.Count; i++)
                {
                    try
                    {
                        if (ExecuteMultipleHandler.IsBatch(requests[i], "ExecuteMultiple") || ExecuteMultipleHandler.IsBatch(requests[i], MessageName))
                            throw Faults.Invalid("An ExecuteTransaction request cannot contain an ExecuteMultiple or ExecuteTransaction request.");
                        var response = context.Engine.Dispatch(requests[i], frame);
                        if (returnResponses) responses.Add(response);
                    }
                    catch (FaultException<OrganizationServiceFault> ex)
                    {
                        var fault = new ExecuteTransactionFault
                        {
                            ErrorCode = ex.Detail.ErrorCode, Message = ex.Detail.Message, FaultedRequestIndex = i,
                            InnerFault = ex.Detail, TraceText = ex.Detail.TraceText,
                        };
                        throw new FaultException<OrganizationServiceFault>(fault, new FaultReason(fault.Message));
                    }
                }
                return 0;
            });
            var result = new OrganizationResponse { ResponseName = MessageName };
            if (returnResponses) result.Results["Responses"] = responses;
            return result;
        }

        // The SDK's OrganizationResponseCollection when the surface has it, else its base collection type.
        private static DataCollection<OrganizationResponse> NewResponseCollection(int capacity)
        {
            var type = typeof(OrganizationResponse).Assembly.GetType("Microsoft.Xrm.Sdk.OrganizationResponseCollection", false);
            return type != null
                ? (DataCollection<OrganizationResponse>)System.Activator.CreateInstance(type)
                : new DataCollection<OrganizationResponse>(capacity);
        }
    }
}
