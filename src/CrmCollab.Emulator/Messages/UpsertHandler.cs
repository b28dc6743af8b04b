using System;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Upsert, as Microsoft Learn describes the server's processing ("Use Upsert to Create or Update a record"): the row
    /// is looked up by Target.Id when set, otherwise by the alternate key (Target.KeyAttributes); found, the Attributes
    /// using the keys' names are removed and it is updated; not found, the key values the Target does not already carry
    /// are copied into it and it is created. Upsert steps fire, and the Create or Update steps of the inner operation.
    /// RecordCreated and Target tell which.
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
                    // Looked up by Target.Id when it is set, otherwise by the alternate key values.
                    if (id != Guid.Empty) exists = context.Store.Rows.Exists(table.LogicalName, id);
                    else if (saved.KeyAttributes.Count > 0)
                    {
                        var found = context.Store.FindByKey(table, saved.KeyAttributes);
                        exists = found != null;
                        if (exists) id = found.Value;
                    }
                    else exists = false;

                    if (exists)
                    {
                        saved.Id = id;
                        // The values that name the row are not changed through it: Attributes using the keys' names are removed.
                        foreach (var key in saved.KeyAttributes) saved.Attributes.Remove(key.Key);
                        saved.KeyAttributes.Clear();
                        context.Inner(op, new OrganizationRequest("Update") { ["Target"] = saved });
                    }
                    else
                    {
                        // Only the key values the Target does not already carry are copied in: its own data wins.
                        foreach (var key in saved.KeyAttributes)
                            if (!saved.Attributes.ContainsKey(key.Key)) saved[key.Key] = key.Value;
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
