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
            return context.Run(new RetrieveMultipleSpec(context, table)
            {
                MessageName = MessageName,
                PrimaryEntityName = table ?? "none",
                HasPreImage = false,
                HasPostImage = false,
            });
        }

        /// <summary>The main operation in a spec of its own (every plug-in query takes this path): no closure and delegate per call.</summary>
        private sealed class RetrieveMultipleSpec : OperationSpec
        {
            private readonly MessageContext _context;
            private readonly string _table;
            private ISecurityGuard _security;
            private Guid _user;

            public RetrieveMultipleSpec(MessageContext context, string table)
            {
                _context = context;
                _table = table;
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
                var result = QueryEngine.Execute(engine.DataSource, (QueryBase)op.InputParameters["Query"],
                    security == null ? null : (Func<string, Entity, bool>)CanRead,
                    engine.Clock.UtcNow, user, engine.BusinessUnitOfUser(user),
                    security is SecurityGuard ? TeamsOfUser : (Func<IReadOnlyCollection<Guid>>)null);
                // The query engine projects every row into a new entity with copied values: those copies leave,
                // carrying formatted values.
                foreach (var row in result.Entities) _context.Store.Format(row);
                op.OutputParameters["EntityCollection"] = result;
                return MessageContext.Respond(MessageName, op);
            }

            private bool CanRead(string table, Entity row) => _security.CanRead(_user, table, row);

            private IReadOnlyCollection<Guid> TeamsOfUser() => ((SecurityGuard)_security).TeamsOf(_user);
        }
    }
}
