using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>Retrieve: ColumnSet required (AllColumns allowed); the row comes back formatted.</summary>
    internal sealed class RetrieveHandler : IMessageHandler
    {
        public string MessageName => "Retrieve";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<EntityReference>("Target");
            var columns = context.Required<ColumnSet>("ColumnSet");
            var table = context.Table(target.LogicalName);
            var id = target.Id;
            if (id == System.Guid.Empty && target.KeyAttributes.Count > 0)
                id = context.Store.FindByKey(table, target.KeyAttributes) ?? throw Engine.Faults.NotFound(table.LogicalName, id);
            return context.Run(new RetrieveSpec(context, table)
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = id,
                HasPreImage = false,
                HasPostImage = false,
            });
        }

        private sealed class RetrieveSpec : OperationSpec
        {
            private readonly MessageContext _context;
            private readonly TableDefinition _table;

            public RetrieveSpec(MessageContext context, TableDefinition table)
            {
                _context = context;
                _table = table;
            }

            public override OrganizationResponse RunMain(Operation op)
            {
                var store = _context.Store;
                var row = store.RequireRow(_table.LogicalName, PrimaryEntityId);
                _context.Demand(op.UserId, _table.LogicalName, AccessRight.Read, row);
                op.OutputParameters["Entity"] = store.Read(_table, row, (ColumnSet)op.InputParameters["ColumnSet"]);
                return MessageContext.Respond(MessageName, op);
            }
        }
    }
}
