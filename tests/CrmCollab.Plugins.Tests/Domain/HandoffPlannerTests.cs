using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class HandoffPlannerTests
    {
        private static readonly Guid Deal = Guid.NewGuid();
        private static readonly DateTime WonOn = new DateTime(2026, 11, 23, 15, 42, 0, DateTimeKind.Utc);

        private static readonly HandoffTemplate Contract = new HandoffTemplate { Id = Guid.NewGuid(), Function = BusinessFunction.Adv, Subject = "Draw up the contract", DueOffsetDays = 5, Sequence = 10 };
        private static readonly HandoffTemplate Delivery = new HandoffTemplate { Id = Guid.NewGuid(), Function = BusinessFunction.Logistics, Subject = "Plan the delivery", DueOffsetDays = 10, Sequence = 20 };
        private static readonly HandoffTemplate Invoicing = new HandoffTemplate { Id = Guid.NewGuid(), Function = BusinessFunction.Adv, Subject = "Set up invoicing with the agreed discount", DueOffsetDays = 7, Sequence = 15 };
        private static readonly HandoffTemplate Retired = new HandoffTemplate { Id = Guid.NewGuid(), Function = BusinessFunction.Sav, Subject = "Old step", IsActive = false };

        private int _routeCalls;

        private OwnerResolution Route(BusinessFunction function)
        {
            _routeCalls++;
            return new OwnerResolution(function, new Principal(PrincipalKind.User, Guid.NewGuid(), function.Label()), $"{function.Label()} owner", false);
        }

        private static readonly AgreedTerms Terms = new AgreedTerms
        {
            Amount = 125000m, CurrencySymbol = "EUR", DiscountPercent = 12.5m, RequestedDelivery = new DateTime(2027, 2, 1), PaymentTerms = "Net 30",
        };

        [Fact]
        public void The_missing_handoffs_are_the_active_templates_the_deal_has_no_task_of_in_sequence()
        {
            var existing = new HashSet<string> { HandoffPlanner.KeyFor(Deal, Contract.Id) };

            var missing = HandoffPlanner.Missing(Deal, new[] { Delivery, Retired, Contract, Invoicing }, existing);

            Assert.Equal(new[] { Invoicing, Delivery }, missing);
            Assert.Empty(HandoffPlanner.Missing(Deal, new[] { Contract, Retired }, existing));
        }

        [Fact]
        public void A_won_deal_plans_one_task_per_active_template_in_sequence_with_due_dates_from_the_win()
        {
            var plan = HandoffPlanner.Plan(Deal, "Line 4 retrofit", WonOn, new[] { Delivery, Retired, Contract, Invoicing }, Route, Terms, null);

            Assert.Equal(new[] { "Draw up the contract – Line 4 retrofit", "Set up invoicing with the agreed discount – Line 4 retrofit", "Plan the delivery – Line 4 retrofit" },
                plan.Select(p => p.Subject));
            Assert.Equal(WonOn.AddDays(5), plan[0].DueOn); // five days after the win, to the hour
            Assert.Equal(WonOn.AddDays(10), plan[2].DueOn);
            Assert.Equal(2, _routeCalls); // ADV routed once for its two tasks
        }

        [Fact]
        public void The_snapshot_tells_adv_the_discount_granted()
        {
            var plan = HandoffPlanner.Plan(Deal, "Deal", WonOn, new[] { Contract }, Route, Terms, null);

            Assert.Equal("Amount: 125,000.00 EUR | Discount: 12.5 % | Requested delivery: 2027-02-01 | Payment terms: Net 30", plan.Single().AgreedTermsSnapshot);
        }

        [Fact]
        public void A_replayed_win_only_completes_what_an_earlier_run_left_undone()
        {
            var done = new HashSet<string> { HandoffPlanner.KeyFor(Deal, Contract.Id) };

            var plan = HandoffPlanner.Plan(Deal, "Deal", WonOn, new[] { Contract, Delivery }, Route, Terms, done);

            Assert.Equal(Delivery.Id, plan.Single().Template.Id);
        }

        [Fact]
        public void Evidence_lists_are_parsed_leniently()
        {
            Assert.Equal(new[] { "crmc_trackingnumber", "crmc_deliveredon" }, CommaList.Parse(" crmc_TrackingNumber, crmc_deliveredon;crmc_deliveredon ,"));
            Assert.Empty(CommaList.Parse(null));
            Assert.Equal(new[] { "crmc_trackingnumber", "crmc_deliveredon" }, CommaList.Parse("\uFEFFcrmc_trackingnumber,\u200B crmc_deliveredon\u200B"));
        }

        [Fact]
        public void A_won_deal_is_judged_by_the_templates_in_force_at_its_latest_win()
        {
            var wonOn = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
            var before = new HandoffTemplate { Id = Guid.NewGuid(), CreatedOn = wonOn.AddDays(-9) };
            var madeLater = new HandoffTemplate { Id = Guid.NewGuid(), CreatedOn = wonOn.AddDays(1) };
            var backLater = new HandoffTemplate { Id = Guid.NewGuid(), CreatedOn = wonOn.AddDays(-9), InForceSince = wonOn.AddDays(2) };
            var backBefore = new HandoffTemplate { Id = Guid.NewGuid(), CreatedOn = wonOn.AddDays(-9), InForceSince = wonOn.AddDays(-1) };
            var unknown = new HandoffTemplate { Id = Guid.NewGuid() };
            var all = new[] { before, madeLater, backLater, backBefore, unknown };

            Assert.Equal(new[] { before, backBefore, unknown }, HandoffPlanner.InForceBy(all, wonOn));
            Assert.Equal(all, HandoffPlanner.InForceBy(all, null)); // no win known: every template
        }

        [Fact]
        public void A_template_is_dated_in_force_when_a_save_puts_it_in_force_and_only_then()
        {
            var now = new DateTime(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
            Assert.Equal(now, HandoffTemplateRules.InForceSince(false, true, now));
            Assert.Null(HandoffTemplateRules.InForceSince(true, true, now));
            Assert.Null(HandoffTemplateRules.InForceSince(true, false, now));
            Assert.Null(HandoffTemplateRules.InForceSince(false, false, now));
            Assert.Null(HandoffTemplateRules.CheckInForceSince(changes: true, isServerCall: true));
            Assert.Null(HandoffTemplateRules.CheckInForceSince(changes: false, isServerCall: false));
            Assert.Equal("CRMC-SERVER-OWNED-COLUMN", HandoffTemplateRules.CheckInForceSince(changes: true, isServerCall: false).Code);
        }
    }
}
