using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>Dispatches by RequestName, so typed and generic requests with the same name behave the same.</summary>
    internal sealed class MessageRouter
    {
        private readonly DataverseEngine _engine;
        private readonly Dictionary<string, IMessageHandler> _handlers = new Dictionary<string, IMessageHandler>(StringComparer.OrdinalIgnoreCase);

        public MessageRouter(DataverseEngine engine)
        {
            _engine = engine;
            var setState = new SetStateHandler("SetState");
            foreach (var handler in new IMessageHandler[]
            {
                new CreateHandler(), new RetrieveHandler(), new UpdateHandler(), new DeleteHandler(),
                new RetrieveMultipleHandler(), new AssociateHandler(), new DisassociateHandler(), new AssignHandler(),
                setState, new SetStateHandler("SetStateDynamicEntity"), new WinOpportunityHandler(), new LoseOpportunityHandler(),
                new UpsertHandler(), new CreateMultipleHandler(), new UpdateMultipleHandler(), new UpsertMultipleHandler(),
                new ExecuteMultipleHandler(),
                new ExecuteTransactionHandler(), new WhoAmIHandler(), new AddMembersTeamHandler(), new RemoveMembersTeamHandler(),
                new RetrieveActivePathHandler(), new RemoveFromQueueHandler(), new PickFromQueueHandler(), new ReleaseToQueueHandler(), new MergeHandler(), new GrantAccessHandler(),
                new ModifyAccessHandler(), new RevokeAccessHandler(),
            })
                _handlers[handler.MessageName] = handler;
        }

        public OrganizationResponse Dispatch(OrganizationRequest request, ExecutionFrame frame)
        {
            // Batch items reach here without passing DataverseEngine.Execute's own check: a null one is a fault too.
            if (request == null) throw Faults.Invalid("The request is required.");
            if (string.IsNullOrEmpty(request.RequestName)) throw Faults.Invalid("The request has no RequestName.");
            var context = new MessageContext(_engine, frame, request);
            if (_handlers.TryGetValue(request.RequestName, out var handler)) return handler.Handle(context);
            return CustomMessageHandler.Handle(context);
        }
    }
}
