using System;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Upsert: finds the row by alternate key (Target.KeyAttributes) or id; updates it when found, else creates
    /// it (key values become column values). Upsert steps fire, and the Create or Update steps of the inner
    /// operation. RecordCreated and Target tell which.
    /// </summary>
    internal sealed class UpsertHandler : IMessageHandler
    {
        public string MessageName => "Upsert";

        public OrganizationResponse Handle(MessageContext context)
        {
            var target = context.Required<Entity>("Target");
            var table = context.Table(target.LogicalName);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = table.LogicalName,
                PrimaryEntityId = target.Id,
                HasPreImage = false,
                Main = op =>
                {
                    var saved = EntityCloner.Clone((Entity)op.InputParameters["Target"]);
                    Guid id = saved.Id;
                    bool exists;
                    if (saved.KeyAttributes.Count > 0)
                    {
                        var found = context.Store.FindByKey(table, saved.KeyAttributes);
                        exists = found != null;
                        if (exists) id = found.Value;
                    }
                    else exists = id != Guid.Empty && context.Store.Rows.Exists(table.LogicalName, id);

                    if (exists)
                    {
                        saved.Id = id;
                        saved.KeyAttributes.Clear();
                        context.Inner(op, new OrganizationRequest("Update") { ["Target"] = saved });
                    }
                    else
                    {
                        foreach (var key in saved.KeyAttributes) saved[key.Key] = key.Value;
                        saved.KeyAttributes.Clear();
                        id = (Guid)context.Inner(op, new OrganizationRequest("Create") { ["Target"] = saved }).Results["id"];
                    }
                    op.PrimaryEntityId = id;
                    op.OutputParameters["RecordCreated"] = !exists;
                    op.OutputParameters["Target"] = new EntityReference(table.LogicalName, id);
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }
}
