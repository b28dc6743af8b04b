using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// Every message that creates or updates a row is a Create or an Update underneath, so each asks the append rights the
    /// same way: a batch item, an Upsert either way, CreateMultiple and UpdateMultiple, and the Update an Associate of a
    /// one-to-many relationship performs on the child row.
    /// </summary>
    public class LookupAppendBatchTests
    {
        private readonly LookupAppendOrg _org = new LookupAppendOrg();

        private static ExecuteMultipleRequest Batch(params OrganizationRequest[] requests)
        {
            var batch = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection(),
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };
            foreach (var request in requests) batch.Requests.Add(request);
            return batch;
        }

        private static EntityCollection Many(params Entity[] widgets) => new EntityCollection(new List<Entity>(widgets)) { EntityName = "crmc_widget" };

        [Fact]
        public void A_batch_refuses_the_items_that_name_rows_out_of_reach_and_runs_the_others()
        {
            var ann = _org.As(_org.Ann);
            Guid widget = ann.Create(LookupAppendOrg.Widget());

            var answer = (ExecuteMultipleResponse)ann.Execute(Batch(
                new CreateRequest { Target = LookupAppendOrg.Widget(_org.BobsAccount) },
                new CreateRequest { Target = LookupAppendOrg.Widget(_org.AnnsAccount) },
                new UpdateRequest { Target = LookupAppendOrg.Naming(widget, _org.BobsAccount) }));

            Assert.Equal(SecurityFaults.AccessCheckFailed, answer.Responses[0].Fault?.ErrorCode);
            Assert.Null(answer.Responses[1].Fault);
            Assert.Equal(SecurityFaults.AccessCheckFailed, answer.Responses[2].Fault?.ErrorCode);
            Assert.Contains("prvAppendToAccount", answer.Responses[2].Fault.Message);
            Assert.Equal(2, _org.Widgets());
            Assert.Null(_org.AccountNamedBy(widget));
        }

        [Fact]
        public void Upsert_asks_as_the_create_or_the_update_it_becomes()
        {
            var ann = _org.As(_org.Ann);
            Guid widget = ann.Create(LookupAppendOrg.Widget());

            Fails(() => ann.Execute(new UpsertRequest { Target = LookupAppendOrg.Widget(_org.BobsAccount, id: Guid.NewGuid()) }),
                SecurityFaults.AccessCheckFailed);
            Fails(() => ann.Execute(new UpsertRequest { Target = LookupAppendOrg.Naming(widget, _org.BobsAccount) }),
                SecurityFaults.AccessCheckFailed);
            var nina = Fails(() => _org.As(_org.Nina).Execute(new UpsertRequest { Target = LookupAppendOrg.Widget(_org.AnnsAccount, id: Guid.NewGuid()) }),
                SecurityFaults.PrivilegeDenied);

            Assert.Contains("prvAppendcrmc_Widget", nina.Message);
            Assert.Equal(1, _org.Widgets());
            Assert.Null(_org.AccountNamedBy(widget));
        }

        [Fact]
        public void CreateMultiple_and_UpdateMultiple_are_refused_whole()
        {
            var ann = _org.As(_org.Ann);
            Guid widget = ann.Create(LookupAppendOrg.Widget(_org.AnnsAccount));

            Fails(() => ann.Execute(new CreateMultipleRequest
            {
                Targets = Many(LookupAppendOrg.Widget(_org.AnnsAccount), LookupAppendOrg.Widget(_org.BobsAccount)),
            }), SecurityFaults.AccessCheckFailed);
            Fails(() => ann.Execute(new UpdateMultipleRequest { Targets = Many(LookupAppendOrg.Naming(widget, _org.BobsAccount)) }),
                SecurityFaults.AccessCheckFailed);

            Assert.Equal(1, _org.Widgets());
            Assert.Equal(_org.AnnsAccount, _org.AccountNamedBy(widget));
        }

        [Fact]
        public void Associating_a_widget_with_an_account_asks_append_to_on_the_account_as_the_update_does()
        {
            var ann = _org.As(_org.Ann);
            Guid widget = ann.Create(LookupAppendOrg.Widget());
            var widgets = new Relationship("crmc_account_widgets");

            ann.Associate("crmc_widget", widget, widgets, new EntityReferenceCollection { new EntityReference("account", _org.AnnsAccount) });
            Fails(() => ann.Associate("crmc_widget", widget, widgets, new EntityReferenceCollection { new EntityReference("account", _org.BobsAccount) }),
                SecurityFaults.AccessCheckFailed);

            Assert.Equal(_org.AnnsAccount, _org.AccountNamedBy(widget));
        }

        [Fact]
        public void A_transaction_rolls_back_when_one_of_its_saves_may_not_link()
        {
            var ann = _org.As(_org.Ann);

            var fault = Fails(() => ann.Execute(new ExecuteTransactionRequest
            {
                Requests = new OrganizationRequestCollection
                {
                    new CreateRequest { Target = LookupAppendOrg.Widget(_org.AnnsAccount) },
                    new CreateRequest { Target = LookupAppendOrg.Widget(_org.BobsAccount) },
                },
            }));

            Assert.Contains("prvAppendToAccount", fault.Detail.Message);
            Assert.Equal(0, _org.Widgets());
        }
    }
}
