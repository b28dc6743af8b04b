using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The ways a client can send one change: a plain Update, UpdateMultiple, an ExecuteMultiple batch, an
    /// ExecuteTransaction, an Upsert, UpsertMultiple. A refusal reaches the caller as the fault a plain Update would raise, so the
    /// random operations treat every channel alike and every rule is attacked through each of them.
    /// </summary>
    public static class FuzzChannel
    {
        public static readonly string[] Names = { "Update", "UpdateMultiple", "ExecuteMultiple", "ExecuteTransaction", "Upsert", "UpsertMultiple" };

        public static readonly string[] CreateNames = { "Create", "CreateMultiple", "ExecuteMultiple", "ExecuteTransaction", "Upsert", "UpsertMultiple" };

        public static void Update(IOrganizationService service, Entity change, int channel)
        {
            switch (channel)
            {
                case 0:
                    service.Update(change);
                    return;
                case 1:
                    service.Execute(new UpdateMultipleRequest { Targets = new EntityCollection { EntityName = change.LogicalName, Entities = { change } } });
                    return;
                case 2:
                case 3:
                    Send(service, new UpdateRequest { Target = change }, channel);
                    return;
                case 4:
                    var upsert = (UpsertResponse)service.Execute(new UpsertRequest { Target = change });
                    if (upsert.RecordCreated) throw new InvalidOperationException($"an Upsert of existing {change.LogicalName} {change.Id} created a row");
                    return;
                case 5:
                    if (UpsertMultiple(service, change).RecordCreated)
                        throw new InvalidOperationException($"an UpsertMultiple of existing {change.LogicalName} {change.Id} created a row");
                    return;
                default:
                    throw new ArgumentOutOfRangeException(nameof(channel));
            }
        }

        /// <summary>A new row through each channel: Create, CreateMultiple, ExecuteMultiple, ExecuteTransaction, Upsert and
        /// UpsertMultiple (with an id no row has, so their insert branch). Returns the new row's id.</summary>
        public static Guid Create(IOrganizationService service, Entity row, int channel, Guid upsertId)
        {
            switch (channel)
            {
                case 0:
                    return service.Create(row);
                case 1:
                    var created = (CreateMultipleResponse)service.Execute(new CreateMultipleRequest { Targets = new EntityCollection { EntityName = row.LogicalName, Entities = { row } } });
                    return created.Ids[0];
                case 2:
                case 3:
                    return ((CreateResponse)Send(service, new CreateRequest { Target = row }, channel)).id;
                case 4:
                    if (row.Id == Guid.Empty) row.Id = upsertId; // the world's seeded id: a run replays exactly
                    var upsert = (UpsertResponse)service.Execute(new UpsertRequest { Target = row });
                    if (!upsert.RecordCreated) throw new InvalidOperationException($"an Upsert of new {row.LogicalName} {row.Id} updated a row");
                    return row.Id;
                case 5:
                    if (row.Id == Guid.Empty) row.Id = upsertId;
                    if (!UpsertMultiple(service, row).RecordCreated)
                        throw new InvalidOperationException($"an UpsertMultiple of new {row.LogicalName} {row.Id} updated a row");
                    return row.Id;
                default:
                    throw new ArgumentOutOfRangeException(nameof(channel));
            }
        }

        /// <summary>
        /// Any request on its own (channel 0), in an ExecuteMultiple batch (2) or in an ExecuteTransaction (3): the batch's
        /// fault is raised as the request's own would be. Returns the request's response.
        /// </summary>
        public static OrganizationResponse Send(IOrganizationService service, OrganizationRequest request, int channel)
        {
            switch (channel)
            {
                case 0:
                    return service.Execute(request);
                case 2:
                    var batch = new ExecuteMultipleRequest
                    {
                        Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
                        Requests = new OrganizationRequestCollection { request },
                    };
                    var result = (ExecuteMultipleResponse)service.Execute(batch);
                    foreach (ExecuteMultipleResponseItem item in result.Responses)
                        if (item.Fault != null) throw new FaultException<OrganizationServiceFault>(item.Fault, new FaultReason(item.Fault.Message));
                    return result.Responses[0].Response;
                case 3:
                    var transaction = (ExecuteTransactionResponse)service.Execute(new ExecuteTransactionRequest
                    {
                        ReturnResponses = true, Requests = new OrganizationRequestCollection { request },
                    });
                    return transaction.Responses[0];
                default:
                    throw new ArgumentOutOfRangeException(nameof(channel));
            }
        }

        /// <summary>One row sent alone in UpsertMultiple: its one result.</summary>
        private static UpsertResponse UpsertMultiple(IOrganizationService service, Entity row)
        {
            var response = (UpsertMultipleResponse)service.Execute(new UpsertMultipleRequest
            {
                Targets = new EntityCollection { EntityName = row.LogicalName, Entities = { row } },
            });
            return response.Results[0];
        }
    }
}
