using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// ExecuteMultiple: each request runs as its own operation (own transaction); faults are reported per item;
    /// ContinueOnError decides whether the batch goes on; ReturnResponses whether successes are returned.
    /// </summary>
    internal sealed class ExecuteMultipleHandler : IMessageHandler
    {
        public string MessageName => "ExecuteMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var requests = context.Required<OrganizationRequestCollection>("Requests");
            var settings = context.Required<ExecuteMultipleSettings>("Settings");
            var responses = new ExecuteMultipleResponseItemCollection();
            bool faulted = false;
            for (int i = 0; i < requests.Count; i++)
            {
                try
                {
                    // The batch's own frame: with no transaction around the batch, each item owns one.
                    var response = context.Engine.Dispatch(requests[i], context.Frame);
                    if (settings.ReturnResponses) responses.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
                }
                catch (FaultException<OrganizationServiceFault> ex)
                {
                    faulted = true;
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
    }

    /// <summary>
    /// ExecuteTransaction: all requests in one transaction; the first fault rolls everything back and surfaces as
    /// an ExecuteTransactionFault carrying FaultedRequestIndex.
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
