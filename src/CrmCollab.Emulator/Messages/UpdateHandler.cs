using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Update: only the columns present in Target change. As documented ("Behavior of specialized update
    /// operations"), an Update carrying statecode/statuscode together with other columns runs the Update
    /// pipeline twice in one transaction: first for the other columns, then for the state/status columns.
    /// </summary>
    internal sealed class UpdateHandler : IMessageHandler
    {
        private static bool IsStateColumn(string column) => column == "statecode" || column == "statuscode";

        public string MessageName => "Update";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<Entity>("Target");
            var table = context.Table(target.LogicalName);
            var id = context.Store.ResolveId(table, target);
            if (id == Guid.Empty)
                throw target.KeyAttributes.Count > 0
                    ? Engine.Faults.NotFound(table.LogicalName, Guid.Empty)
                    : Engine.Faults.Invalid("Entity Id must be specified for Update");
            context.Store.RequireRow(table.LogicalName, id);
            target.Id = id;

            bool hasState = false, hasOther = false;
            foreach (var pair in target.Attributes)
            {
                if (IsStateColumn(pair.Key)) hasState = true;
                else if (pair.Key != table.PrimaryIdAttribute) hasOther = true;
            }
            // The documented split is of an Update as a caller sends it; the state change a Win or Lose makes (through
            // MessageContext.Inner, whose parent is the Win or Lose at stage 30) is one operation.
            if (!hasState || !hasOther || IsPlatformInternal(context))
                return RunOne(context, context.Frame, context.Request, table.LogicalName, id);

            return context.InTransaction(frame =>
            {
                RunOne(context, frame, Part(context.Request, target, keepState: false), table.LogicalName, id);
                return RunOne(context, frame, Part(context.Request, target, keepState: true), table.LogicalName, id);
            });
        }

        /// <summary>The state change a Win or Lose makes (an Upsert's or UpdateMultiple's inner Update is a caller's, and splits).</summary>
        private static bool IsPlatformInternal(MessageContext context)
        {
            var parent = context.Frame.ParentContext;
            return parent?.Stage == 30 && (parent.MessageName == "Win" || parent.MessageName == "Lose");
        }

        private static OrganizationRequest Part(OrganizationRequest request, Entity target, bool keepState)
        {
            var part = Store.EntityCloner.CloneRequest(request);
            var copy = (Entity)part.Parameters["Target"];
            foreach (var key in copy.Attributes.Keys.ToList())
                if (IsStateColumn(key) != keepState) copy.Attributes.Remove(key);
            return part;
        }

        private OrganizationResponse RunOne(MessageContext context, ExecutionFrame frame, OrganizationRequest request, string table, Guid id) =>
            context.Engine.Pipeline.Run(frame, new UpdateSpec(context, id)
            {
                MessageName = MessageName,
                PrimaryEntityName = table,
                PrimaryEntityId = id,
                Request = request,
            });

        private sealed class UpdateSpec : OperationSpec
        {
            private readonly MessageContext _context;
            private readonly Guid _id;

            public UpdateSpec(MessageContext context, Guid id)
            {
                _context = context;
                _id = id;
            }

            public override OrganizationResponse RunMain(Operation op)
            {
                var saved = (Entity)op.InputParameters["Target"];
                saved.Id = _id;
                if (!BulkEvent.Raised(_context, BulkEvent.UpdateMultiple, PrimaryEntityName)) return Write(op, saved);
                // The merged pipeline: the UpdateMultiple steps see this row alone in Targets, then it is written.
                OrganizationResponse response = null;
                BulkEvent.Run(_context, op, BulkEvent.UpdateMultiple, saved, entity =>
                {
                    entity.Id = _id;
                    response = Write(op, entity);
                });
                return response;
            }

            private OrganizationResponse Write(Operation op, Entity saved)
            {
                var context = _context;
                string table = PrimaryEntityName;
                DirectCloseRule.RefuseDirectClose(context, table, saved);
                var current = context.Store.RequireRow(table, _id);
                context.Demand(op.UserId, table, AccessRight.Write, current);
                if (context.Table(table).Column("ownerid") != null && MessageContext.NamedOwner(saved) is EntityReference newOwner)
                {
                    // Giving the row to another principal is an assignment ("Update of the ownerid column, or the legacy
                    // Assign message": Assign), asked on the row as it stands, as AssignHandler asks it; the owner it
                    // already has, sent again, gives it to nobody (OwnerChange).
                    if (OwnerChange.Moves(current, newOwner)) context.Demand(op.UserId, table, AccessRight.Assign, current);
                    // A new owner (Update of ownerid, Assign) must be an enabled user or a team that may own the row.
                    context.DemandCanOwn(newOwner, table);
                }
                // A lookup set to another row than the stored one: Append on this row, AppendTo on the row it names.
                LookupAppend.DemandOnUpdate(context, op.UserId, context.Table(table), saved, current);
                context.Store.Update(saved, op.UserId, op.Transaction.Log);
                return MessageContext.Respond(MessageName, op);
            }
        }
    }
}
