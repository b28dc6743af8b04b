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
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table ?? "none",
                HasPreImage = false,
                HasPostImage = false,
                Main = op =>
                {
                    var engine = context.Engine;
                    var security = engine.Security;
                    var user = op.UserId;
                    // A user with no read privilege on the table is refused, as Dataverse refuses ("missing prvRead…");
                    // with some depth, the rows outside it are filtered out below.
                    if (security != null && table != null) security.Demand(user, table, Metadata.AccessRight.Read, null);
                    var result = QueryEngine.Execute(engine.DataSource, (QueryBase)op.InputParameters["Query"],
                        security == null ? null : (System.Func<string, Entity, bool>)((t, row) => security.CanRead(user, t, row)),
                        engine.Clock.UtcNow, user, engine.BusinessUnitOfUser(user),
                        security is SecurityGuard guard ? () => guard.TeamsOf(user) : (System.Func<IReadOnlyCollection<System.Guid>>)null);
                    // The query engine projects every row into a new entity with copied values: those copies leave,
                    // carrying formatted values.
                    foreach (var row in result.Entities) context.Store.Format(row);
                    op.OutputParameters["EntityCollection"] = result;
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
