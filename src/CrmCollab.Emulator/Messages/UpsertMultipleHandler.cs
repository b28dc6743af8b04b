using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// UpsertMultiple (Microsoft Learn, "Use bulk operation messages" and "Use UpsertMultiple"; UpsertMultipleRequest:
    /// Targets, all of one table; UpsertMultipleResponse: Results, an UpsertResponse per target, in order): UpsertMultiple
    /// steps fire once with Targets. "When a bulk operation message is used, the respective Create and Update event occurs
    /// for each Entity instance in the Targets parameter": the engine runs each target as an Upsert of its own, which
    /// becomes a Create or an Update with their steps. Whether the Upsert event itself occurs per row is not documented (the
    /// engine raises it, as its Upsert is the path to the Create or Update); nor are UpsertMultiple's images (none taken),
    /// nor whether a single Upsert raises the UpsertMultiple event (not modelled). On a standard table the whole request is
    /// one transaction: any error rolls every row back. Two targets with the same primary key or alternate key values make
    /// it "return an error" (the fault code is not documented: InvalidArgument), before anything runs.
    /// </summary>
    internal sealed class UpsertMultipleHandler : IMessageHandler
    {
        public string MessageName => "UpsertMultiple";

        public OrganizationResponse Handle(MessageContext context)
        {
            var targets = context.Required<EntityCollection>("Targets");
            var table = MultipleTargets.TableOf(context, targets);
            RefuseDuplicates(context, targets);
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

        /// <summary>Refuses Targets where two records name the same row: by id, by alternate key, or one of each.</summary>
        private static void RefuseDuplicates(MessageContext context, EntityCollection targets)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var target in targets.Entities)
            {
                Guid id = target.Id;
                if (id == Guid.Empty && target.KeyAttributes.Count > 0)
                    id = context.Store.FindByKey(context.Table(target.LogicalName), target.KeyAttributes) ?? Guid.Empty;
                if (id == Guid.Empty && target.KeyAttributes.Count == 0) continue; // names no row: always a new one
                string identity = id != Guid.Empty ? "id:" + id.ToString("D") : "key:" + KeyText(target.KeyAttributes);
                if (!seen.Add(identity))
                    throw Engine.Faults.Invalid(
                        "UpsertMultiple does not accept two records with the same primary key or alternate key values in Targets.");
            }
        }

        private static string KeyText(KeyAttributeCollection keys)
        {
            var parts = new List<string>(keys.Count);
            foreach (var pair in keys) parts.Add(pair.Key + "=" + Convert.ToString(pair.Value, System.Globalization.CultureInfo.InvariantCulture));
            parts.Sort(StringComparer.Ordinal);
            return string.Join("\u0001", parts);
        }
    }
}
