using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Create: returns the new id (a client-supplied id is honoured); OutputParameters["id"] from stage 40. An
    /// opportunity cannot be created already Won or Lost (<see cref="DirectCloseRule"/>): only Win and Lose close one.
    /// A target carrying related rows creates them in the same operation (<see cref="DeepInsert"/>).
    /// </summary>
    internal sealed class CreateHandler : IMessageHandler
    {
        public string MessageName => "Create";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<Entity>("Target");
            var table = context.Table(target.LogicalName);
            // Related rows (a deep insert): never on a shared request (DataverseEngine.IsUnobserved copies one that has any).
            if (!context.Frame.SharesCallersRequest && Store.EntityParts.HasRelatedRows(target))
                return WithRelatedRows(context, table, target);
            return Run(context, table, target, related: false);
        }

        /// <summary>Its own method: the lambda's closure would otherwise be allocated on every Create.</summary>
        private OrganizationResponse WithRelatedRows(MessageContext context, TableDefinition table, Entity target) =>
            DeepInsert.Create(context, table.LogicalName, target, within => Run(within, table, target, related: true));

        private OrganizationResponse Run(MessageContext context, TableDefinition table, Entity target, bool related) =>
            context.Run(new CreateSpec(context, table, related)
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = target.Id,
                HasPreImage = false,
                // Steps image the new row, known once it is written.
                ImageRecordAfterMain = true,
            });

        private sealed class CreateSpec : OperationSpec
        {
            private readonly MessageContext _context;
            private readonly TableDefinition _table;
            private readonly bool _related;

            public CreateSpec(MessageContext context, TableDefinition table, bool related)
            {
                _context = context;
                _table = table;
                _related = related;
            }

            public override OrganizationResponse RunMain(Operation op)
            {
                // PreOperation plugins may have changed (or replaced) the Target: save what they left.
                var saved = (Entity)op.InputParameters["Target"];
                return BulkEvent.Raised(_context, BulkEvent.CreateMultiple, _table.LogicalName) ? WithBulkEvent(op, saved) : Write(op, saved);
            }

            /// <summary>The merged pipeline: the CreateMultiple steps see this row alone in Targets, then it is written.
            /// Its own method: the lambda's closure would otherwise be allocated on every Create.</summary>
            private OrganizationResponse WithBulkEvent(Operation op, Entity saved)
            {
                OrganizationResponse response = null;
                BulkEvent.Run(_context, op, BulkEvent.CreateMultiple, saved, entity => response = Write(op, entity));
                return response;
            }

            private OrganizationResponse Write(Operation op, Entity saved)
            {
                var context = _context;
                var table = _table;
                // A request no step observes was found free of lookups by key before it came in (DataverseEngine.IsUnobserved).
                if (!context.Frame.SharesCallersRequest) KeyedLookups.Resolve(context, saved);
                DirectCloseRule.RefuseCreateClosed(table.LogicalName, saved);
                // An ownerid sent null means "the caller", as when it is left out; any other non-reference is refused.
                bool ownable = table.Column("ownerid") != null;
                var named = ownable && saved.Attributes.TryGetValue("ownerid", out var sent) && sent != null
                    ? MessageContext.NamedOwner(saved) : null;
                var security = context.Engine.Security;
                if (security != null)
                {
                    // The target as the check sees it: owned by the caller unless it names an owner. SYSTEM
                    // passes every check without reading it, so no copy is made for SYSTEM.
                    bool hasOwner = named != null;
                    if (!security.IsSystem(op.UserId))
                    {
                        var asOwned = EntityForCheck(saved, hasOwner, op.UserId);
                        security.Demand(op.UserId, table.LogicalName, AccessRight.Create, asOwned);
                        // Each lookup it sets: Append on the new row (as owned), AppendTo on the row it names.
                        LookupAppend.DemandOnCreate(context, op.UserId, table, saved, asOwned);
                    }
                    if (ownable)
                        context.DemandCanOwn(named ?? new EntityReference("systemuser", op.UserId), table.LogicalName);
                }
                var id = context.Store.Create(saved, op.UserId, op.Transaction.Log);
                // Stage 40 steps read the new id on the Target; a caller's own entity (shared when no step
                // observes the request) is left untouched, as the SDK client leaves it.
                if (!context.Frame.SharesCallersRequest) saved.Id = id;
                op.PrimaryEntityId = id;
                op.OutputParameters["id"] = id;
                // The rows that refer to it (a deep insert's one-to-many and many-to-many rows), once it has its id.
                if (_related && Store.EntityParts.HasRelatedRows(saved)) DeepInsert.CreateReferencing(context, op, table.LogicalName, saved, id);
                return MessageContext.Respond(MessageName, op);
            }
        }

        private static Entity EntityForCheck(Entity target, bool hasOwner, System.Guid userId)
        {
            var copy = Store.EntityCloner.Clone(target);
            if (!hasOwner) copy["ownerid"] = new EntityReference("systemuser", userId);
            return copy;
        }
    }
}
