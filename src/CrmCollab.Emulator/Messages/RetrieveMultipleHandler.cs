using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Query;
using CrmCollab.Emulator.Security;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// RetrieveMultiple through the query engine: refused without any read privilege on the table, rows filtered by the
    /// security guard's CanRead.
    /// </summary>
    internal sealed class RetrieveMultipleHandler : IMessageHandler
    {
        public string MessageName => "RetrieveMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var query = context.Required<QueryBase>("Query");
            // FetchXML too: its entity element names the table (steps on the table's RetrieveMultiple fire, the privilege is checked).
            string table = QueryEngine.EntityNameOf(query);
            return context.Run(new RetrieveMultipleSpec(context, table, this)
            {
                MessageName = MessageName,
                PrimaryEntityName = table ?? "none",
                HasPreImage = false,
                HasPostImage = false,
            });
        }

        // The last caller's teams reader (queries come in runs for one caller): one delegate for the run, not one per query.
        private TeamsReader _lastTeams;

        /// <summary>Reads the caller's teams when a query asks (eq-userteams), from the security guard as it is then.</summary>
        private sealed class TeamsReader
        {
            public TeamsReader(SecurityGuard guard, Guid user)
            {
                Guard = guard;
                User = user;
                Read = () => guard.TeamsOf(user);
            }

            public SecurityGuard Guard { get; }
            public Guid User { get; }
            public Func<IReadOnlyCollection<Guid>> Read { get; }
        }

        private Func<IReadOnlyCollection<Guid>> TeamsOf(SecurityGuard guard, Guid user)
        {
            var last = _lastTeams;
            if (last == null || last.Guard != guard || last.User != user) _lastTeams = last = new TeamsReader(guard, user);
            return last.Read;
        }

        /// <summary>The main operation in a spec of its own (every plug-in query takes this path): no closure and delegate per call.</summary>
        private sealed class RetrieveMultipleSpec : OperationSpec
        {
            private readonly MessageContext _context;
            private readonly string _table;
            private readonly RetrieveMultipleHandler _handler;
            private ISecurityGuard _security;
            private Guid _user;

            public RetrieveMultipleSpec(MessageContext context, string table, RetrieveMultipleHandler handler)
            {
                _context = context;
                _table = table;
                _handler = handler;
            }

            public override OrganizationResponse RunMain(Operation op)
            {
                var engine = _context.Engine;
                var security = engine.Security;
                var user = op.UserId;
                // A user with no read privilege on the table is refused, as Dataverse refuses ("missing prvRead…");
                // with some depth, the rows outside it are filtered out below.
                if (security != null && _table != null) security.Demand(user, _table, Metadata.AccessRight.Read, null);
                _security = security;
                _user = user;
                // SYSTEM reads every row (SecurityGuard answers it first): no row is asked about, and no delegate is made to ask.
                bool readsAll = security == null || (security is SecurityGuard guard && guard.IsSystem(user));
                var result = QueryEngine.Execute(engine.DataSource, (QueryBase)op.InputParameters["Query"],
                    readsAll ? null : (Func<string, Entity, bool>)CanRead,
                    engine.Clock.UtcNow, user, engine.BusinessUnitOfUser(user),
                    security is SecurityGuard teams ? _handler.TeamsOf(teams, user) : null);
                // The query engine projects every row into a new entity with copied values: those copies leave,
                // carrying formatted values.
                foreach (var row in result.Entities) _context.Store.Format(row);
                op.OutputParameters["EntityCollection"] = result;
                return MessageContext.Respond(MessageName, op);
            }

            private bool CanRead(string table, Entity row) => _security.CanRead(_user, table, row);
        }
    }
}
