using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// UpsertMultiple (Microsoft Learn, "Use bulk operation messages"; UpsertMultipleRequest: Targets, all of one table;
    /// UpsertMultipleResponse: Results, an UpsertResponse per target, in order): UpsertMultiple steps fire once with
    /// Targets, then each target is an Upsert of its own ("Message pipelines merged": the single message's events occur
    /// for each entity of Targets), which runs the Upsert steps and becomes a Create or an Update with theirs. On a
    /// standard table the whole request is one transaction: any error rolls every row back.
    /// Not documented, so not modelled: whether a single Upsert raises the UpsertMultiple event (the page says so of the
    /// Create and Update events only), and UpsertMultiple's images (none are taken).
    /// </summary>
    internal sealed class UpsertMultipleHandler : IMessageHandler
    {
        public string MessageName => "UpsertMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var targets = context.Required<EntityCollection>("Targets");
            var table = MultipleTargets.TableOf(context, targets);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table,
                HasPreImage = false,
                HasPostImage = false,
                ImageRecords = new List<(string, Guid)>(),
                Main = op =>
                {
                    var rows = ((EntityCollection)op.InputParameters["Targets"]).Entities;
                    var results = new UpsertResponse[rows.Count];
                    for (int i = 0; i < rows.Count; i++)
                    {
                        var response = context.Inner(op, new OrganizationRequest("Upsert") { ["Target"] = rows[i] });
                        results[i] = response as UpsertResponse ?? new UpsertResponse { Results = response.Results };
                    }
                    op.OutputParameters["Results"] = results;
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
