using System;
using System.Linq;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Update: only the columns present in Target change. As documented (powerapps-docs "Behavior of specialized update
    /// operations"), an Update carrying statecode/statuscode together with other columns runs the Update steps "in
    /// PreOperation and/or PostOperation stages" twice in one transaction: first for the other columns, then for the
    /// state/status columns; a plug-in that needs the whole change registers in PreOperation and keeps it in
    /// SharedVariables "for later plug-ins (in the pipeline) to consume", so both parts share one SharedVariables.
    /// PreValidation is not among the stages that run per part: its steps run once, on the whole Target, before the
    /// transaction as for any Update. Not documented, so kept as before: each part has its own OperationId (the first
    /// takes the PreValidation's), and asynchronous steps are queued per part.
    /// <para>
    /// The same page splits an Update of a business-owned table carrying "owner fields plus other standard fields": once
    /// for the non-owner fields, then once for the owner fields, which are the columns of the deprecated messages the
    /// Update replaces (includes/cc-legacy-update-messages.md; <see cref="OwnerFields"/>).
    /// </para>
    /// <para>A target carrying related rows updates them after the row, in the same operation (<see cref="DeepUpdate"/>).</para>
    /// </summary>
    internal sealed class UpdateHandler : IMessageHandler
    {
        private static bool IsStateColumn(string column) => column == "statecode" || column == "statuscode";

        /// <summary>
        /// The owner fields of the business-owned tables the engine has: SetBusinessSystemUser and SetParentSystemUser
        /// (systemuser), SetParentTeam (team), SetParentBusinessUnit (businessunit). Equipment is not among its tables.
        /// </summary>
        private static string[] OwnerFields(string table)
        {
            switch (table)
            {
                case "systemuser": return UserOwnerFields;
                case "team": return TeamOwnerFields;
                case "businessunit": return BusinessUnitOwnerFields;
                default: return null;
            }
        }

        private static readonly string[] UserOwnerFields = { "businessunitid", "parentsystemuserid" };
        private static readonly string[] TeamOwnerFields = { "businessunitid" };
        private static readonly string[] BusinessUnitOwnerFields = { "parentbusinessunitid" };

        /// <summary>The columns the second part of a split Update carries: the table's owner fields, else state and status.</summary>
        private static bool IsSecondPart(string table, string column)
        {
            var owner = OwnerFields(table);
            return owner != null ? System.Array.IndexOf(owner, column) >= 0 : IsStateColumn(column);
        }

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
            var stored = context.Store.RequireRow(table.LogicalName, id);
            if (OptimisticConcurrency.Asked(context.Request)) OptimisticConcurrency.Demand(table, target.RowVersion, stored);
            target.Id = id;
            // Related rows (Entity.RelatedEntities): checked before anything runs, updated after the row (DeepUpdate).
            bool related = Store.EntityParts.HasRelatedRows(target);
            if (related) DeepUpdate.Check(context, table.LogicalName, target);

            // The documented split is of an Update as a caller sends it; the state change a Win or Lose makes (through
            // MessageContext.Inner, whose parent is the Win or Lose at stage 30) is one operation.
            if (!Splits(target, table) || IsPlatformInternal(context))
                return RunOne(context, context.Frame, context.Request, table.LogicalName, id, null, false, related);
            return RunSplit(context, table, id, related);
        }

        // Its own method: the lambdas' captures would otherwise be allocated on entry to Handle, on every Update.
        private OrganizationResponse RunSplit(MessageContext context, TableDefinition table, Guid id, bool related)
        {
            // PreValidation once, on the whole Target (its steps may change it: the parts are cut from what they leave).
            var validated = context.Engine.Pipeline.PreValidate(context.Frame, Spec(context, context.Request, table.LogicalName, id));
            var sent = (Entity)context.Request.Parameters["Target"];
            sent.Id = id;
            if (!Splits(sent, table))
                return context.InTransaction(frame => RunOne(context, frame, context.Request, table.LogicalName, id, validated, true, related));
            return context.InTransaction(frame =>
            {
                // The related rows once, after the row's last part.
                RunOne(context, frame, Part(context.Request, table.LogicalName, second: false), table.LogicalName, id, validated, true, false);
                return RunOne(context, frame, Part(context.Request, table.LogicalName, second: true), table.LogicalName, id, validated, false, related,
                    context.Engine.Options.SplitUpdateImagesBeforeRequest ? validated : null);
            });
        }

        /// <summary>True when the Target carries state/status columns (owner fields, for a business-owned table) together with other columns.</summary>
        private static bool Splits(Entity target, TableDefinition table)
        {
            bool hasSecond = false, hasOther = false;
            using var pairs = new Pairs(target.Attributes);
            foreach (var pair in pairs)
            {
                if (IsSecondPart(table.LogicalName, pair.Key)) hasSecond = true;
                else if (pair.Key != table.PrimaryIdAttribute) hasOther = true;
            }
            return hasSecond && hasOther;
        }

        /// <summary>The state change a Win or Lose makes (an Upsert's or UpdateMultiple's inner Update is a caller's, and splits).</summary>
        private static bool IsPlatformInternal(MessageContext context)
        {
            var parent = context.Frame.ParentContext;
            return parent?.Stage == 30 && (parent.MessageName == "Win" || parent.MessageName == "Lose");
        }

        private static OrganizationRequest Part(OrganizationRequest request, string table, bool second)
        {
            var part = Store.EntityCloner.CloneRequest(request);
            var copy = (Entity)part.Parameters["Target"];
            foreach (var key in copy.Attributes.Keys.ToList())
                if (IsSecondPart(table, key) != second) copy.Attributes.Remove(key);
            return part;
        }

        private OrganizationResponse RunOne(MessageContext context, ExecutionFrame frame, OrganizationRequest request, string table, Guid id,
            Operation validated, bool takesOperationId, bool related, Operation imagesFrom = null)
        {
            var spec = Spec(context, request, table, id);
            spec.Related = related;
            spec.ImagesFrom = imagesFrom;
            spec.Validated = validated;
            spec.TakesValidatedOperationId = takesOperationId;
            return context.Engine.Pipeline.Run(frame, spec);
        }

        private UpdateSpec Spec(MessageContext context, OrganizationRequest request, string table, Guid id) =>
            new UpdateSpec(context, id) { MessageName = MessageName, PrimaryEntityName = table, PrimaryEntityId = id, Request = request };

        private sealed class UpdateSpec : OperationSpec
        {
            private readonly MessageContext _context;
            private readonly Guid _id;

            /// <summary>True for the (last) operation that updates the target's related rows.</summary>
            public bool Related { get; set; }

            public UpdateSpec(MessageContext context, Guid id)
            {
                _context = context;
                _id = id;
            }

            public override OrganizationResponse RunMain(Operation op)
            {
                var saved = (Entity)op.InputParameters["Target"];
                saved.Id = _id;
                return BulkEvent.Raised(_context, BulkEvent.UpdateMultiple, PrimaryEntityName) ? WithBulkEvent(op, saved) : Write(op, saved);
            }

            /// <summary>The merged pipeline: the UpdateMultiple steps see this row alone in Targets, then it is written.
            /// Its own method: the lambda's closure would otherwise be allocated on every Update.</summary>
            private OrganizationResponse WithBulkEvent(Operation op, Entity saved)
            {
                OrganizationResponse response = null;
                BulkEvent.Run(_context, op, BulkEvent.UpdateMultiple, saved, entity =>
                {
                    entity.Id = _id;
                    response = Write(op, entity);
                });
                return response;
            }

            private static bool IsAssignsOwnUpdate(IPluginExecutionContext parent, string table, Guid id) =>
                parent != null && parent.MessageName == "Assign" && parent.PrimaryEntityName == table && parent.PrimaryEntityId == id;

            private OrganizationResponse Write(Operation op, Entity saved)
            {
                var context = _context;
                string table = PrimaryEntityName;
                // A request no step observes was found free of lookups by key before it came in (DataverseEngine.IsUnobserved).
                if (!context.Frame.SharesCallersRequest) KeyedLookups.Resolve(context, saved);
                DirectCloseRule.RefuseDirectClose(context, table, saved);
                var current = context.Store.RequireRow(table, _id);
                context.Demand(op.UserId, table, AccessRight.Write, current);
                EntityReference movedTo = null, ownerBefore = current.GetAttributeValue<EntityReference>("ownerid");
                if (context.Table(table).Column("ownerid") != null && MessageContext.NamedOwner(saved) is EntityReference newOwner)
                {
                    if (OwnerChange.Moves(current, newOwner)) movedTo = newOwner;
                    // Giving the row to another principal is an assignment ("Update of the ownerid column, or the legacy
                    // Assign message": Assign), asked on the row as it stands, as AssignHandler asks it; the owner it
                    // already has, sent again, gives it to nobody (OwnerChange).
                    if (OwnerChange.Moves(current, newOwner)) context.Demand(op.UserId, table, AccessRight.Assign, current);
                    // A new owner (Update of ownerid, Assign) must be an enabled user or a team that may own the row.
                    context.DemandCanOwn(newOwner, table);
                }
                // A lookup set to another row than the stored one: Append on this row, AppendTo on the row it names.
                LookupAppend.DemandOnUpdate(context, op.UserId, context.Table(table), saved, current);
                bool movesUnit = UserBusinessUnitMove.Moves(table, current, saved);
                context.Store.Update(saved, op.UserId, op.Transaction.Log);
                if (movesUnit) UserBusinessUnitMove.RemoveRoles(context, op, _id);
                // An owner change is an assignment whichever message makes it (the Web API has no Assign: a PATCH of
                // ownerid is how a row is given to someone): the relationships' Assign cascade follows, each child a
                // sub-operation of this Update — sent alone, in a batch, an UpdateMultiple or an Upsert. The Update inside an
                // Assign of this row leaves it to the Assign (AssignHandler).
                if (movedTo != null && !IsAssignsOwnUpdate(context.Frame.ParentContext, table, _id))
                    AssignCascade.Apply(context, op, table, _id, ownerBefore, movedTo);
                // Then the related rows, each an Update of its own (documented order: the primary row first).
                if (Related && Store.EntityParts.HasRelatedRows(saved)) DeepUpdate.UpdateRelated(context, op, table, saved);
                return MessageContext.Respond(MessageName, op);
            }
        }
    }
}
