using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Helpers of the "shortcut" scenarios: people trying to bend a rule through one channel or another. Each asserts
    /// the refusal (its code and its sentence) and that nothing was written (tables compared as SYSTEM reads them).
    /// </summary>
    public sealed partial class CrmCollabOrg
    {
        /// <summary>Every row of the tables, every column, in a stable text: equal before and after = nothing written.</summary>
        public string Tables(params string[] tables) => TableSnapshot.Text(System, tables);

        /// <summary>
        /// Runs the attempt, asserts it is refused with <paramref name="code"/> and that <paramref name="tables"/> are
        /// unchanged; returns the message the person sees.
        /// </summary>
        public string Refused(string code, Action attempt, params string[] tables)
        {
            string before = Tables(tables);
            string message = Assert.Throws<FaultException<OrganizationServiceFault>>(attempt).Detail.Message;
            Assert.Equal(code, Plugins.Domain.Refusal.CodeOf(message));
            Assert.Equal(before, Tables(tables));
            ReadsAsASentence(message);
            return message;
        }

        /// <summary>
        /// <see cref="Refused"/>, for a refusal that names records and people: by name, never by id. (A refusal that
        /// echoes an id the person typed themselves uses <see cref="Refused"/>.)
        /// </summary>
        public string RefusedNamingNoId(string code, Action attempt, params string[] tables)
        {
            string message = Refused(code, attempt, tables);
            ShowsNoIdOrTypeName(message);
            return message;
        }

        /// <summary>What a person reads: no type name, no stack trace, no "a" before a vowel.</summary>
        public static void ReadsAsASentence(string message)
        {
            Assert.DoesNotContain("Exception", message);
            Assert.DoesNotContain(" at CrmCollab.", message);
            Assert.DoesNotContain("CrmCollab.Plugins.", message);
            Assert.DoesNotMatch(@"\b[Aa] [AEIOaeio]\w", message);
        }

        /// <summary>What a person reads names records by name: no id (GUID) and no .NET type name in it.</summary>
        public static void ShowsNoIdOrTypeName(string message)
        {
            Assert.DoesNotMatch(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", message);
            Assert.DoesNotMatch(@"\b(System|Microsoft|CrmCollab)\.[A-Z]\w*", message);
            Assert.DoesNotContain("Exception", message);
        }

        /// <summary>One request through ExecuteMultiple (the batch goes on, each item its own transaction): the item's fault.</summary>
        public static void InExecuteMultiple(IOrganizationService service, OrganizationRequest request)
        {
            var batch = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection { request },
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };
            var response = (ExecuteMultipleResponse)service.Execute(batch);
            OrganizationServiceFault fault = response.Responses.Single().Fault;
            if (fault != null) throw new FaultException<OrganizationServiceFault>(fault, new FaultReason(fault.Message));
        }

        /// <summary>Requests in one ExecuteTransaction: all or nothing.</summary>
        public static void InExecuteTransaction(IOrganizationService service, params OrganizationRequest[] requests)
        {
            var batch = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
            foreach (OrganizationRequest request in requests) batch.Requests.Add(request);
            service.Execute(batch);
        }

        public static void InUpdateMultiple(IOrganizationService service, params Entity[] targets) =>
            service.Execute(new UpdateMultipleRequest { Targets = new EntityCollection(targets.ToList()) { EntityName = targets[0].LogicalName } });

        public static void InUpsert(IOrganizationService service, Entity target) => service.Execute(new UpsertRequest { Target = target });

        /// <summary>One save of <paramref name="change"/> through the channel named: "Update", "UpdateMultiple", "Upsert",
        /// "ExecuteMultiple" or "ExecuteTransaction".</summary>
        public static void UpdateThrough(string channel, IOrganizationService service, Entity change)
        {
            switch (channel)
            {
                case "UpdateMultiple": InUpdateMultiple(service, change); break;
                case "Upsert": InUpsert(service, change); break;
                case "ExecuteMultiple": InExecuteMultiple(service, new UpdateRequest { Target = change }); break;
                case "ExecuteTransaction": InExecuteTransaction(service, new UpdateRequest { Target = change }); break;
                case "Update": service.Update(change); break;
                default: throw new System.ArgumentOutOfRangeException(nameof(channel), channel, "not a channel of an Update");
            }
        }

        /// <summary>
        /// A change of a row's state as each client sends it: "SetState" (SetStateRequest), "SetStateDynamicEntity", or
        /// "Update" (an Update of statecode and statuscode, the way Microsoft recommends).
        /// </summary>
        public static OrganizationRequest StateChange(string message, string table, Guid id, int state, int status)
        {
            switch (message)
            {
                case "Update":
                    return new UpdateRequest { Target = new Entity(table, id) { ["statecode"] = new OptionSetValue(state), ["statuscode"] = new OptionSetValue(status) } };
                case "SetState":
                    return new Microsoft.Crm.Sdk.Messages.SetStateRequest
                    {
                        EntityMoniker = new EntityReference(table, id), State = new OptionSetValue(state), Status = new OptionSetValue(status),
                    };
                default:
                    return new OrganizationRequest(message)
                    {
                        ["EntityMoniker"] = new EntityReference(table, id), ["State"] = new OptionSetValue(state), ["Status"] = new OptionSetValue(status),
                    };
            }
        }
    }
}
