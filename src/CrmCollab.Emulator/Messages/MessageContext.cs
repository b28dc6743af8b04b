using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>One message being handled: the (copied) request, who sends it, and helpers shared by handlers.</summary>
    internal sealed class MessageContext
    {
        public MessageContext(DataverseEngine engine, ExecutionFrame frame, OrganizationRequest request)
        {
            Engine = engine;
            Frame = frame;
            Request = request;
        }

        public DataverseEngine Engine { get; }
        public ExecutionFrame Frame { get; }
        public OrganizationRequest Request { get; }
        public DataStore Store => Engine.Store;

        public T Get<T>(string name) =>
            Request.Parameters.TryGetValue(name, out var value) && value is T typed ? typed : default;

        public T Required<T>(string name) where T : class =>
            Get<T>(name) ?? throw Faults.Invalid($"Required field '{name}' is missing");

        public OrganizationResponse Run(OperationSpec spec)
        {
            spec.Request = spec.Request ?? Request;
            return Engine.Pipeline.Run(Frame, spec);
        }

        /// <summary>The caller's access right on the row; not asked on a row the platform reaches by a cascade (ExecutionFrame.Cascaded).</summary>
        public void Demand(Guid userId, string table, AccessRight right, Entity row)
        {
            if (!Frame.Cascaded) Engine.Security?.Demand(userId, table, right, row);
        }

        public void DemandCanOwn(EntityReference owner, string table)
        {
            if (owner != null) Engine.Security?.DemandCanOwn(owner, table);
        }

        /// <summary>
        /// The owner a Create or Update names: null when it names none; the platform's InvalidOwnerID fault when ownerid
        /// is sent empty (a row always has an owner) or as anything but a reference (a bare Guid, a name).
        /// </summary>
        public static EntityReference NamedOwner(Entity target)
        {
            if (!target.Attributes.TryGetValue("ownerid", out var value)) return null;
            return value as EntityReference ?? throw Faults.InvalidOwner();
        }

        /// <summary>
        /// The typed response (so the engine need not re-wrap it) whose Results are the operation's OutputParameters,
        /// the one collection stage 40 steps still write to.
        /// </summary>
        public static OrganizationResponse Respond(string name, Operation op)
        {
            var response = ResponseTypes.Create(name, op.HasOutputParameters ? op.OutputParameters : null);
            if (!op.HasOutputParameters) op.OutputParameters = response.Results;
            return response;
        }

        /// <summary>
        /// A platform-internal sub-operation of the running one (e.g. the Update a SetState performs): same user,
        /// depth and transaction; its ParentContext is the outer operation at stage 30.
        /// </summary>
        public OrganizationResponse Inner(Operation outer, OrganizationRequest request) =>
            Engine.Dispatch(request, InnerFrame(outer));

        /// <summary>The frame of a sub-operation of <paramref name="outer"/>: its ParentContext is the outer operation at stage 30.</summary>
        public ExecutionFrame InnerFrame(Operation outer)
        {
            var parent = new PluginExecutionContext(outer, null, 30, 0, outer.UserId, Engine.BusinessUnitOfUser(outer.UserId),
                WellKnownIds.OrganizationId, Engine.Options.OrganizationName, Engine.Options.IsolationMode) { IsInTransaction = true };
            var frame = Frame.Within(parent, outer.Transaction);
            frame.InnerOperation = true;
            frame.Cascaded = Frame.Cascaded;
            return frame;
        }

        /// <summary>Runs several operations in one transaction (owned here unless the caller already has one).</summary>
        public T InTransaction<T>(Func<ExecutionFrame, T> body)
        {
            bool owns = Frame.Transaction == null;
            var transaction = Frame.Transaction ?? new Transaction();
            bool committed = !owns;
            try
            {
                var result = body(Frame.Within(Frame.ParentContext, transaction));
                if (owns) transaction.Commit(Engine.AsyncQueue);
                committed = true;
                return result;
            }
            finally
            {
                if (!committed) transaction.Rollback(Engine.Store.Rows);
            }
        }

        public TableDefinition Table(string name) => Store.RequireTable(name);
    }
}
