using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Sdk.Tests.Messages
{
    public class XrmMessageTests
    {
        [Fact]
        public void CreateRequest_stores_target_under_official_name()
        {
            var target = new Entity("account");
            var request = new CreateRequest { Target = target };

            Assert.Equal("Create", request.RequestName);
            Assert.Same(target, request.Parameters["Target"]);
            Assert.Same(target, request["Target"]);
        }

        [Fact]
        public void Typed_request_reads_a_generic_request_built_the_same_way()
        {
            var target = new Entity("account", Guid.NewGuid());
            var generic = new OrganizationRequest("Upsert");
            generic.Parameters["Target"] = target;

            var typed = new UpsertRequest { Parameters = generic.Parameters };

            Assert.Equal("Upsert", typed.RequestName);
            Assert.Same(target, typed.Target);
        }

        [Fact]
        public void Absent_parameters_and_results_read_as_defaults()
        {
            var create = new CreateRequest();
            create.Parameters.Remove("Target");

            Assert.Null(create.Target);
            Assert.Equal(Guid.Empty, new CreateResponse().id);
            Assert.False(new UpsertResponse().RecordCreated);
            Assert.Null(new UpsertResponse().Target);
            Assert.Null(new RetrieveResponse().Entity);
            Assert.Null(new RetrieveMultipleResponse().EntityCollection);
            Assert.Null(new CreateMultipleResponse().Ids);
            Assert.Null(new ExecuteMultipleResponse().Responses);
            Assert.False(new ExecuteMultipleResponse().IsFaulted);
        }

        [Fact]
        public void RetrieveMultiple_and_Upsert_use_official_names()
        {
            var query = new QueryExpression("contact");
            var multiple = new RetrieveMultipleRequest { Query = query };
            Assert.Equal("RetrieveMultiple", multiple.RequestName);
            Assert.Same(query, multiple.Parameters["Query"]);

            var entity = new Entity("account");
            var upsert = new UpsertRequest { Target = entity };
            Assert.Equal("Upsert", upsert.RequestName);
            Assert.Same(entity, upsert.Parameters["Target"]);
        }

        [Fact]
        public void Associate_and_Disassociate_use_official_names()
        {
            var target = new EntityReference("account", Guid.NewGuid());
            var relationship = new Relationship("account_primary_contact");
            var related = new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) };

            var associate = new AssociateRequest { Target = target, Relationship = relationship, RelatedEntities = related };
            Assert.Equal("Associate", associate.RequestName);
            Assert.Same(target, associate.Parameters["Target"]);
            Assert.Same(relationship, associate.Parameters["Relationship"]);
            Assert.Same(related, associate.Parameters["RelatedEntities"]);

            var disassociate = new DisassociateRequest { Target = target, Relationship = relationship, RelatedEntities = related };
            Assert.Equal("Disassociate", disassociate.RequestName);
            Assert.Same(related, disassociate.RelatedEntities);
        }

        [Fact]
        public void CreateMultiple_and_ExecuteMultiple_use_official_names()
        {
            var targets = new EntityCollection { EntityName = "account" };
            var create = new CreateMultipleRequest { Targets = targets };
            Assert.Equal("CreateMultiple", create.RequestName);
            Assert.Same(targets, create.Parameters["Targets"]);

            var requests = new OrganizationRequestCollection { new CreateRequest { Target = new Entity("account") } };
            var settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true };
            var multiple = new ExecuteMultipleRequest { Requests = requests, Settings = settings };
            Assert.Equal("ExecuteMultiple", multiple.RequestName);
            Assert.Same(requests, multiple.Parameters["Requests"]);
            Assert.Same(settings, multiple.Parameters["Settings"]);
        }

        [Fact]
        public void Responses_read_results_under_official_names()
        {
            var id = Guid.NewGuid();
            var create = new CreateResponse();
            create.Results["id"] = id;
            Assert.Equal(id, create.id);

            var entity = new Entity("account", id);
            var retrieve = new RetrieveResponse();
            retrieve.Results["Entity"] = entity;
            Assert.Same(entity, retrieve.Entity);

            var collection = new EntityCollection();
            var multiple = new RetrieveMultipleResponse();
            multiple.Results["EntityCollection"] = collection;
            Assert.Same(collection, multiple.EntityCollection);

            var reference = new EntityReference("account", id);
            var upsert = new UpsertResponse();
            upsert.Results["RecordCreated"] = true;
            upsert.Results["Target"] = reference;
            Assert.True(upsert.RecordCreated);
            Assert.Same(reference, upsert.Target);

            var ids = new[] { id };
            var createMultiple = new CreateMultipleResponse();
            createMultiple.Results["Ids"] = ids;
            Assert.Same(ids, createMultiple.Ids);
        }

        [Fact]
        public void ExecuteMultiple_response_reads_items_and_fault_flag()
        {
            var items = new ExecuteMultipleResponseItemCollection
            {
                new ExecuteMultipleResponseItem { RequestIndex = 0, Response = new CreateResponse() },
                new ExecuteMultipleResponseItem { RequestIndex = 1, Fault = new OrganizationServiceFault() },
            };
            var multiple = new ExecuteMultipleResponse();
            multiple.Results["Responses"] = items;
            multiple.Results["IsFaulted"] = true;

            Assert.Same(items, multiple.Responses);
            Assert.True(multiple.IsFaulted);
            Assert.Equal(1, multiple.Responses[1].RequestIndex);
        }
    }
}
