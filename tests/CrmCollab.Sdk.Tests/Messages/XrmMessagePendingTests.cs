using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Messages
{
    // Rename to .cs once ConcurrencyBehavior, RelationshipQueryCollection and OrganizationResponseCollection
    // exist in the root namespace and the *.cs.pending message files beside Messages/ are restored.
    public class XrmMessagePendingTests
    {
        [Fact]
        public void Retrieve_uses_official_names()
        {
            var target = new EntityReference("contact", Guid.NewGuid());
            var columns = new ColumnSet("fullname");
            var retrieve = new RetrieveRequest { Target = target, ColumnSet = columns, ReturnNotifications = true };
            Assert.Equal("Retrieve", retrieve.RequestName);
            Assert.Same(target, retrieve.Parameters["Target"]);
            Assert.Same(columns, retrieve.Parameters["ColumnSet"]);
            Assert.Equal(true, retrieve.Parameters["ReturnNotifications"]);

            var related = new RelationshipQueryCollection();
            retrieve.RelatedEntitiesQuery = related;
            Assert.Same(related, retrieve.Parameters["RelatedEntitiesQuery"]);
        }

        [Fact]
        public void Update_delete_and_UpdateMultiple_use_official_names()
        {
            var entity = new Entity("account", Guid.NewGuid());
            var update = new UpdateRequest { Target = entity, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches };
            Assert.Equal("Update", update.RequestName);
            Assert.Same(entity, update.Parameters["Target"]);
            Assert.Equal(ConcurrencyBehavior.IfRowVersionMatches, update.Parameters["ConcurrencyBehavior"]);
            Assert.Equal(ConcurrencyBehavior.Default, new UpdateRequest().ConcurrencyBehavior);

            var reference = entity.ToEntityReference();
            var delete = new DeleteRequest { Target = reference };
            Assert.Equal("Delete", delete.RequestName);
            Assert.Same(reference, delete.Parameters["Target"]);

            var targets = new EntityCollection();
            var updateMultiple = new UpdateMultipleRequest { Targets = targets };
            Assert.Equal("UpdateMultiple", updateMultiple.RequestName);
            Assert.Same(targets, updateMultiple.Parameters["Targets"]);
        }

        [Fact]
        public void ExecuteTransaction_uses_official_names()
        {
            var requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") } };
            var transaction = new ExecuteTransactionRequest { Requests = requests };
            Assert.Equal("ExecuteTransaction", transaction.RequestName);
            Assert.Same(requests, transaction.Parameters["Requests"]);
            Assert.Null(transaction.ReturnResponses);
            transaction.ReturnResponses = true;
            Assert.Equal(true, transaction.Parameters["ReturnResponses"]);

            var responses = new OrganizationResponseCollection { new CreateResponse() };
            var response = new ExecuteTransactionResponse();
            Assert.Null(response.Responses);
            response.Results["Responses"] = responses;
            Assert.Same(responses, response.Responses);
        }
    }
}
