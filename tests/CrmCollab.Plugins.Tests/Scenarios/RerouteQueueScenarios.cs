using System;
using System.IO;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Work routed to a desk's queue waits there while the desk holds it. When it is routed again — its queue's owner
    /// leaves, the account gets a dedicated owner — it leaves the old queue as it goes, as the platform's own move
    /// (AddToQueue from a source queue) would: a review or handoff waits in one queue at most, never in two desks' at once.
    /// </summary>
    public class RerouteQueueScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly IOrganizationService _admin;

        public RerouteQueueScenarios()
        {
            _admin = _org.As(_org.Admin);
        }

        /// <summary>A desk: a queue kept by <paramref name="keeper"/>, and the function's rule routing to it.</summary>
        private Guid Desk(string name, BusinessFunction function, Guid keeper, int priority)
        {
            Guid queue = _org.System.Create(new Entity("queue") { ["name"] = name, ["ownerid"] = new EntityReference("systemuser", keeper) });
            _admin.Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)function),
                ["crmc_queueid"] = new EntityReference("queue", queue), ["crmc_priority"] = priority, ["crmc_isactive"] = true,
            });
            return queue;
        }

        /// <summary>The queues a record waits in, as the desks' people see it.</summary>
        private Guid[] QueuesOf(Guid record)
        {
            var query = new QueryExpression("queueitem") { ColumnSet = new ColumnSet("queueid") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return _org.System.RetrieveMultiple(query).Entities.Select(i => i.GetAttributeValue<EntityReference>("queueid").Id).ToArray();
        }

        private Entity FinanceReviewWaitingIn(out Guid account)
        {
            _org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent");
            _org.Engine.DrainAsync();
            account = _org.Account("Adatum");
            Guid deal = _org.CustomDeal(account);
            _org.MoveTo(deal, SalesStage.Develop);
            return _org.Review(deal, BusinessFunction.Finance);
        }

        [Fact]
        public void When_the_finance_desks_keeper_leaves_a_waiting_review_moves_to_the_overflow_desk_and_waits_there_alone()
        {
            Guid quinn = _org.User("Quinn Keeper", "CrmCollab Administrator");
            Guid desk = Desk("Finance desk", BusinessFunction.Finance, quinn, priority: 1);
            Guid overflow = Desk("Finance overflow", BusinessFunction.Finance, _org.Admin, priority: 100);
            Guid review = FinanceReviewWaitingIn(out _).Id;
            Assert.Equal(new[] { desk }, QueuesOf(review));

            _org.Setup.DisableUser(quinn); // Quinn leaves: what the Finance desk holds is routed again
            _org.Engine.DrainAsync();

            Assert.Equal(_org.Admin, _org.Row("crmc_feasibilityreview", review, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Equal(new[] { overflow }, QueuesOf(review)); // was in both desks' queues before
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void When_the_account_gets_a_dedicated_finance_owner_the_waiting_review_leaves_the_desks_queue_for_her()
        {
            Guid desk = Desk("Finance desk", BusinessFunction.Finance, _org.Admin, priority: 1);
            Guid review = FinanceReviewWaitingIn(out Guid adatum).Id;
            Assert.Equal(new[] { desk }, QueuesOf(review));
            Guid fiona = _org.User("Fiona Finance", "CrmCollab Reviewer");

            _org.DedicatedOwner(adatum, BusinessFunction.Finance, user: fiona);
            _org.Engine.DrainAsync();

            Assert.Equal(fiona, _org.Row("crmc_feasibilityreview", review, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Empty(QueuesOf(review)); // the desk no longer lists a review that is Fiona's
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void When_the_account_gets_a_dedicated_adv_owner_the_open_handoff_leaves_the_adv_desks_queue()
        {
            Guid desk = Desk("ADV desk", BusinessFunction.Adv, _org.Admin, priority: 1);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _org.Engine.DrainAsync();
            Guid northwind = _org.Account("Northwind");
            Guid deal = _org.Deal(northwind);
            _org.Win(deal);
            Guid task = _org.HandoffOf(deal, BusinessFunction.Adv).Id;
            Assert.Equal(new[] { desk }, QueuesOf(task));
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");

            _org.DedicatedOwner(northwind, BusinessFunction.Adv, user: alice);
            _org.Engine.DrainAsync();

            Assert.Equal(alice, _org.HandoffOf(deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Empty(QueuesOf(task));
            Assert.Empty(_org.Engine.AsyncFailures);
        }

        [Fact]
        public void The_readme_finds_the_old_queue_item_a_review_rerouted_before_this_version_kept()
        {
            Guid quinn = _org.User("Quinn Keeper", "CrmCollab Administrator");
            Guid desk = Desk("Finance desk", BusinessFunction.Finance, quinn, priority: 1);
            Desk("Finance overflow", BusinessFunction.Finance, _org.Admin, priority: 100);
            Guid review = FinanceReviewWaitingIn(out _).Id;
            _org.Setup.DisableUser(quinn);
            _org.Engine.DrainAsync();
            // As an earlier version left it: the review, now the overflow desk's, still waits in the Finance desk too.
            Guid stale = _org.System.Create(new Entity("queueitem")
            {
                ["queueid"] = new EntityReference("queue", desk),
                ["objectid"] = new EntityReference("crmc_feasibilityreview", review),
                ["title"] = "Finance review",
            });

            var items = _org.System.RetrieveMultiple(new FetchExpression(ReadmeQuery())).Entities;

            Assert.Equal(2, items.Count);
            Assert.Equal(new[] { stale }, items
                .Where(i => Owner(i, "queue").Id != Owner(i, "record").Id)
                .Select(i => i.Id).ToArray());
        }

        private static EntityReference Owner(Entity item, string alias) =>
            (EntityReference)item.GetAttributeValue<AliasedValue>(alias + ".ownerid").Value;

        /// <summary>The FetchXML of the README's upgrade step for records left in their old queue.</summary>
        private static string ReadmeQuery()
        {
            string readme = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CrmCollabOrg.SolutionFolder), "README.md"));
            int step = readme.IndexOf("whose re-routing left a review or handoff in its old queue", StringComparison.Ordinal);
            Assert.True(step >= 0, "the README has no upgrade step for records left in their old queue");
            int start = readme.IndexOf("```xml", step, StringComparison.Ordinal) + "```xml".Length;
            return readme.Substring(start, readme.IndexOf("```", start, StringComparison.Ordinal) - start);
        }
    }
}
