using System;
using System.Collections.Generic;
using CrmCollab.Sdk.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Messages
{
    /// <summary>
    /// Every request and response the plugins and the engine use travels over the wire with its typed view. The
    /// Xrm messages are known to OrganizationRequest/Response themselves; the Crm ones (Microsoft.Crm.Sdk.Proxy)
    /// become known when the service proxy registers their classes, as done here.
    /// </summary>
    public class MessageWireTests
    {
        private static readonly Guid RowId = new Guid("6f0b1d2e-3c4a-4b5c-8d9e-0a1b2c3d4e5f");

        private static EntityReference Account => new EntityReference("account", RowId);

        public static IEnumerable<object[]> Requests() => new[]
        {
            new object[] { new CreateRequest { Target = new Entity("account") { ["name"] = "Contoso" } } },
            new object[] { new UpdateRequest { Target = new Entity("account", RowId), ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches } },
            new object[] { new DeleteRequest { Target = Account, ConcurrencyBehavior = ConcurrencyBehavior.AlwaysOverwrite } },
            new object[] { new RetrieveRequest { Target = Account, ColumnSet = new ColumnSet("name") } },
            new object[] { new RetrieveMultipleRequest { Query = new QueryExpression("account") } },
            new object[] { new RetrieveMultipleRequest { Query = new FetchExpression("<fetch><entity name='account'/></fetch>") } },
            new object[] { new RetrieveMultipleRequest { Query = new QueryByAttribute("account") } },
            new object[] { new UpsertRequest { Target = new Entity("account", "accountnumber", "A-1") } },
            new object[] { new AssociateRequest { Target = Account, Relationship = new Relationship("crmc_account_contact"), RelatedEntities = new EntityReferenceCollection { new EntityReference("contact", RowId) } } },
            new object[] { new DisassociateRequest { Target = Account, Relationship = new Relationship("crmc_account_contact"), RelatedEntities = new EntityReferenceCollection { new EntityReference("contact", RowId) } } },
            new object[] { new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings { ContinueOnError = true }, Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") } } } },
            new object[] { new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") } }, ReturnResponses = true } },
            new object[] { new CreateMultipleRequest { Targets = new EntityCollection(new List<Entity> { new Entity("account") }) { EntityName = "account" } } },
            new object[] { new UpdateMultipleRequest { Targets = new EntityCollection(new List<Entity> { new Entity("account", RowId) }) { EntityName = "account" } } },
            new object[] { new SetStateRequest { EntityMoniker = Account, State = new OptionSetValue(1), Status = new OptionSetValue(2) } },
            new object[] { new AssignRequest { Target = Account, Assignee = new EntityReference("systemuser", RowId) } },
            new object[] { new GrantAccessRequest { Target = Account, PrincipalAccess = new PrincipalAccess { Principal = new EntityReference("team", RowId), AccessMask = AccessRights.ReadAccess } } },
            new object[] { new WinOpportunityRequest { OpportunityClose = new Entity("opportunityclose"), Status = new OptionSetValue(3) } },
            new object[] { new LoseOpportunityRequest { OpportunityClose = new Entity("opportunityclose"), Status = new OptionSetValue(4) } },
            new object[] { new RetrievePrincipalAccessRequest { Target = Account, Principal = new EntityReference("systemuser", RowId) } },
            new object[] { new WhoAmIRequest() },
            new object[] { new AddMembersTeamRequest { TeamId = RowId, MemberIds = new[] { RowId } } },
        };

        public static IEnumerable<object[]> Responses() => new[]
        {
            new object[] { new CreateResponse { ["id"] = RowId } },
            new object[] { new UpdateResponse() },
            new object[] { new DeleteResponse() },
            new object[] { new RetrieveResponse { ["Entity"] = new Entity("account", RowId) } },
            new object[] { new RetrieveMultipleResponse { ["EntityCollection"] = new EntityCollection { EntityName = "account", MoreRecords = true, PagingCookie = "<cookie/>" } } },
            new object[] { new UpsertResponse { ["RecordCreated"] = true, ["Target"] = Account } },
            new object[] { new AssociateResponse() },
            new object[] { new DisassociateResponse() },
            new object[] { new ExecuteMultipleResponse { ["IsFaulted"] = true, ["Responses"] = new ExecuteMultipleResponseItemCollection { new ExecuteMultipleResponseItem { RequestIndex = 0, Fault = new OrganizationServiceFault { ErrorCode = -2147220891 } } } } },
            new object[] { new ExecuteTransactionResponse { ["Responses"] = new OrganizationResponseCollection { new CreateResponse { ["id"] = RowId } } } },
            new object[] { new CreateMultipleResponse { ["Ids"] = new[] { RowId } } },
            new object[] { new UpdateMultipleResponse() },
            new object[] { new SetStateResponse() },
            new object[] { new AssignResponse() },
            new object[] { new GrantAccessResponse() },
            new object[] { new WinOpportunityResponse() },
            new object[] { new LoseOpportunityResponse() },
            new object[] { new RetrievePrincipalAccessResponse { ["AccessRights"] = AccessRights.ReadAccess | AccessRights.AppendToAccess } },
            new object[] { new WhoAmIResponse { ["UserId"] = RowId, ["BusinessUnitId"] = RowId, ["OrganizationId"] = RowId } },
            new object[] { new AddMembersTeamResponse() },
        };

        [Fact]
        public void A_crm_request_the_proxy_has_not_registered_cannot_be_sent()
        {
            Assert.Throws<System.Runtime.Serialization.SerializationException>(() => Contract.Write<OrganizationRequest>(new WhoAmIRequest()));
        }

        [Theory]
        [MemberData(nameof(Requests))]
        public void A_request_travels_as_itself_with_its_name_and_parameters(OrganizationRequest request)
        {
            OrganizationRequest copy = Contract.RoundTrip(request, request.GetType());

            Assert.Equal(request.GetType(), copy.GetType());
            Assert.Equal(request.RequestName, copy.RequestName);
            Assert.Equal(request.Parameters.Keys, copy.Parameters.Keys);
            foreach (var pair in request.Parameters)
                Assert.Equal(pair.Value?.GetType(), copy.Parameters[pair.Key]?.GetType());
        }

        [Theory]
        [MemberData(nameof(Responses))]
        public void A_response_travels_as_itself_with_its_results(OrganizationResponse response)
        {
            OrganizationResponse copy = Contract.RoundTrip(response, response.GetType());

            Assert.Equal(response.GetType(), copy.GetType());
            Assert.Equal(response.Results.Keys, copy.Results.Keys);
            foreach (var pair in response.Results)
                Assert.Equal(pair.Value.GetType(), copy.Results[pair.Key].GetType());
        }

        [Fact]
        public void A_batch_response_reads_its_items_and_faults_after_the_trip()
        {
            var response = new ExecuteMultipleResponse
            {
                ["IsFaulted"] = true,
                ["Responses"] = new ExecuteMultipleResponseItemCollection
                {
                    new ExecuteMultipleResponseItem { RequestIndex = 0, Response = new CreateResponse { ["id"] = RowId } },
                    new ExecuteMultipleResponseItem { RequestIndex = 1, Fault = new OrganizationServiceFault { ErrorCode = -2147220891, Message = "Logistics must approve first." } },
                },
            };

            var copy = (ExecuteMultipleResponse)Contract.RoundTrip<OrganizationResponse>(response);

            Assert.True(copy.IsFaulted);
            Assert.Equal(RowId, ((CreateResponse)copy.Responses[0].Response).id);
            Assert.Equal("Logistics must approve first.", copy.Responses[1].Fault.Message);
        }

        [Fact]
        public void A_principal_access_answer_reads_its_rights_after_the_trip()
        {
            var response = new RetrievePrincipalAccessResponse { ["AccessRights"] = AccessRights.ReadAccess | AccessRights.WriteAccess };

            var copy = (RetrievePrincipalAccessResponse)Contract.RoundTrip<OrganizationResponse>(response, typeof(RetrievePrincipalAccessResponse));

            Assert.Equal(AccessRights.ReadAccess | AccessRights.WriteAccess, copy.AccessRights);
        }
    }
}
