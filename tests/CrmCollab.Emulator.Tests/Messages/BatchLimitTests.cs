using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;
using static CrmCollab.Emulator.Tests.Engine.TestOrg;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// The run-time limits of the batch messages, as Microsoft Learn states them: "Execute multiple requests using the SDK
    /// for .NET", section Run-time limitations (no recursion: an ExecuteMultiple in the collection faults that item; more
    /// than the maximum batch size, 1000 by default, faults before the first request runs, with MaxBatchSize in the fault's
    /// ErrorDetails), and "Execute messages in a single database transaction" (an ExecuteTransaction may not contain an
    /// ExecuteMultiple or an ExecuteTransaction; an ExecuteMultiple may contain ExecuteTransactions).
    /// </summary>
    public class BatchLimitTests
    {
        private static CreateRequest Account(string name) => new CreateRequest { Target = new Entity("account") { ["name"] = name } };

        private static ExecuteMultipleRequest Batch(params OrganizationRequest[] requests)
        {
            var batch = new ExecuteMultipleRequest
            {
                Requests = new OrganizationRequestCollection(),
                Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            };
            batch.Requests.AddRange(requests);
            return batch;
        }

        [Fact]
        public void An_import_batch_nested_in_another_fails_that_item_and_the_others_are_saved()
        {
            var engine = new TestOrg().Boot();
            var response = (ExecuteMultipleResponse)engine.SystemService.Execute(Batch(Account("a"), Batch(Account("inner")), Account("c")));
            Assert.True(response.IsFaulted);
            Assert.NotNull(response.Responses.Single(r => r.RequestIndex == 1).Fault);
            Assert.Null(response.Responses.Single(r => r.RequestIndex == 0).Fault);
            Assert.Equal(2, Count(engine, "account")); // the nested batch's own account was never created
        }

        [Fact]
        public void An_import_batch_over_the_maximum_size_is_refused_before_any_row_is_written()
        {
            var engine = new TestOrg().Boot();
            var requests = Enumerable.Range(0, 1001).Select(i => (OrganizationRequest)Account("a" + i)).ToArray();
            var fault = Fails(() => engine.SystemService.Execute(Batch(requests))).Detail;
            Assert.Equal(1000, (int)fault.ErrorDetails["MaxBatchSize"]);
            Assert.Equal(0, Count(engine, "account"));

            // The maximum itself is accepted.
            var response = (ExecuteMultipleResponse)engine.SystemService.Execute(Batch(requests.Take(1000).ToArray()));
            Assert.False(response.IsFaulted);
            Assert.Equal(1000, Count(engine, "account"));
        }

        [Fact]
        public void A_transaction_holding_a_batch_or_another_transaction_is_refused_and_saves_nothing()
        {
            var engine = new TestOrg().Boot();
            foreach (var inner in new OrganizationRequest[]
            {
                Batch(Account("inner")),
                new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { Account("inner") } },
            })
            {
                var request = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { Account("a"), inner } };
                var fault = Assert.IsType<ExecuteTransactionFault>(Fails(() => engine.SystemService.Execute(request)).Detail);
                Assert.Equal(1, fault.FaultedRequestIndex);
                Assert.Equal(0, Count(engine, "account"));
            }
        }

        [Fact]
        public void A_batch_may_hold_transactions()
        {
            var engine = new TestOrg().Boot();
            var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection { Account("a"), Account("b") } };
            var response = (ExecuteMultipleResponse)engine.SystemService.Execute(Batch(transaction, Account("c")));
            Assert.False(response.IsFaulted);
            Assert.Equal(3, Count(engine, "account"));
        }
    }
}
