using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class OwnerResolverTests
    {
        private static readonly DateTime Today = new DateTime(2026, 11, 23);
        private static readonly Principal Alice = new Principal(PrincipalKind.User, Guid.NewGuid(), "Alice (ADV)");
        private static readonly Principal Bob = new Principal(PrincipalKind.User, Guid.NewGuid(), "Bob (ADV backup)");
        private static readonly Principal LogisticsTeam = new Principal(PrincipalKind.Team, Guid.NewGuid(), "Logistics North");
        private static readonly Principal RetailLogistics = new Principal(PrincipalKind.User, Guid.NewGuid(), "Rita (retail logistics)");
        private static readonly Principal DefaultLogistics = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "Logistics desk");
        private static readonly Principal Unrouted = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "CrmCollab unrouted");

        private static readonly AccountProfile Group = new AccountProfile { Id = Guid.NewGuid(), Name = "Contoso Group" };
        private static readonly AccountProfile Plant = new AccountProfile
        {
            Id = Guid.NewGuid(), Name = "Contoso Lyon plant", ParentId = Group.Id, IndustryCode = 27, CustomerSizeCode = 2,
        };

        private static OwnerResolver Resolver(IEnumerable<DedicatedOwner> owners = null, IEnumerable<RoutingRule> rules = null) =>
            new OwnerResolver(new[] { Plant, Group }, owners, rules, () => Unrouted);

        private static DedicatedOwner Owner(AccountProfile account, BusinessFunction function, Principal who,
            DateTime? from = null, DateTime? to = null, bool active = true, Principal backup = null) =>
            new DedicatedOwner
            {
                Id = Guid.NewGuid(), AccountId = account.Id, Function = function, Owner = who, OwnerIsActive = active,
                Backup = backup, ValidFrom = from ?? Today.AddYears(-1), ValidTo = to,
            };

        [Fact]
        public void The_accounts_own_dedicated_owner_gets_the_work()
        {
            var result = Resolver(new[] { Owner(Plant, BusinessFunction.Adv, Alice) }).Resolve(BusinessFunction.Adv, Today);

            Assert.Same(Alice, result.Owner);
            Assert.False(result.IsUnrouted);
            Assert.Contains("dedicated owner of account Contoso Lyon plant", result.RoutingPath);
        }

        [Fact]
        public void Rules_are_loaded_once_and_only_for_work_no_dedicated_owner_takes()
        {
            int loads = 0;
            var rules = new[] { new RoutingRule { Id = Guid.NewGuid(), Name = "Logistics desk", Function = BusinessFunction.Logistics, Target = DefaultLogistics, Priority = 100 } };
            var resolver = new OwnerResolver(new[] { Plant, Group }, new[] { Owner(Plant, BusinessFunction.Adv, Alice) },
                () => { loads++; return rules; }, () => Unrouted);

            Assert.Same(Alice, resolver.Resolve(BusinessFunction.Adv, Today).Owner);
            Assert.Equal(0, loads);
            Assert.Same(DefaultLogistics, resolver.Resolve(BusinessFunction.Logistics, Today).Owner);
            Assert.Same(Unrouted, resolver.Resolve(BusinessFunction.Sav, Today).Owner);
            Assert.Equal(1, loads);
        }

        [Fact]
        public void A_disabled_dedicated_owner_hands_over_to_the_backup()
        {
            var owners = new[] { Owner(Plant, BusinessFunction.Adv, Alice, active: false, backup: Bob) };

            var result = Resolver(owners).Resolve(BusinessFunction.Adv, Today);

            Assert.Same(Bob, result.Owner);
            Assert.Contains("is disabled → backup", result.RoutingPath);
        }

        [Fact]
        public void A_plant_without_its_own_owner_inherits_the_parent_accounts()
        {
            var result = Resolver(new[] { Owner(Group, BusinessFunction.Logistics, LogisticsTeam) }).Resolve(BusinessFunction.Logistics, Today);

            Assert.Same(LogisticsTeam, result.Owner);
            Assert.Contains("parent account Contoso Group", result.RoutingPath);
        }

        [Fact]
        public void An_owner_row_outside_its_validity_is_ignored()
        {
            var expired = Owner(Plant, BusinessFunction.Adv, Alice, from: Today.AddYears(-2), to: Today.AddDays(-1));
            var future = Owner(Plant, BusinessFunction.Adv, Bob, from: Today.AddDays(1));

            var result = Resolver(new[] { expired, future }).Resolve(BusinessFunction.Adv, Today);

            Assert.True(result.IsUnrouted);
            Assert.Same(Unrouted, result.Owner);
        }

        [Fact]
        public void A_sector_rule_beats_the_default_rule()
        {
            var rules = new[]
            {
                new RoutingRule { Id = Guid.NewGuid(), Name = "Logistics default", Function = BusinessFunction.Logistics, Target = DefaultLogistics, Priority = 1 },
                new RoutingRule { Id = Guid.NewGuid(), Name = "Retail logistics", Function = BusinessFunction.Logistics, IndustryCode = 27, Target = RetailLogistics, Priority = 50 },
            };

            var result = Resolver(rules: rules).Resolve(BusinessFunction.Logistics, Today);

            Assert.Same(RetailLogistics, result.Owner);
            Assert.Contains("routing rule 'Retail logistics' (1 criteria matched, priority 50)", result.RoutingPath);
        }

        [Fact]
        public void Equally_specific_rules_are_decided_by_the_lower_priority_number()
        {
            var rules = new[]
            {
                new RoutingRule { Id = Guid.NewGuid(), Name = "Size 2", Function = BusinessFunction.Sav, CustomerSizeCode = 2, Target = LogisticsTeam, Priority = 20 },
                new RoutingRule { Id = Guid.NewGuid(), Name = "Industry 27", Function = BusinessFunction.Sav, IndustryCode = 27, Target = RetailLogistics, Priority = 10 },
            };

            Assert.Same(RetailLogistics, Resolver(rules: rules).Resolve(BusinessFunction.Sav, Today).Owner);
        }

        [Fact]
        public void A_rule_whose_criteria_do_not_all_hold_is_not_used()
        {
            var rules = new[]
            {
                new RoutingRule { Id = Guid.NewGuid(), Name = "Retail, size 3", Function = BusinessFunction.Logistics, IndustryCode = 27, CustomerSizeCode = 3, Target = RetailLogistics },
                new RoutingRule { Id = Guid.NewGuid(), Name = "Default", Function = BusinessFunction.Logistics, Target = DefaultLogistics },
            };

            var result = Resolver(rules: rules).Resolve(BusinessFunction.Logistics, Today);

            Assert.Same(DefaultLogistics, result.Owner);
            Assert.Contains("default rule 'Default'", result.RoutingPath);
        }

        [Fact]
        public void Nobody_found_goes_to_the_unrouted_queue_and_says_why()
        {
            var result = Resolver().Resolve(BusinessFunction.Sav, Today);

            Assert.True(result.IsUnrouted);
            Assert.Same(Unrouted, result.Owner);
            Assert.Contains("no dedicated owner and no routing rule", result.RoutingPath);
        }

        [Fact]
        public void A_disabled_owner_without_backup_falls_through_to_the_rules_and_the_path_keeps_the_reason()
        {
            var owners = new[] { Owner(Plant, BusinessFunction.Adv, Alice, active: false) };
            var rules = new[] { new RoutingRule { Id = Guid.NewGuid(), Name = "ADV desk", Function = BusinessFunction.Adv, Target = DefaultLogistics } };

            var result = Resolver(owners, rules).Resolve(BusinessFunction.Adv, Today);

            Assert.Same(DefaultLogistics, result.Owner);
            Assert.StartsWith("dedicated owner of account Contoso Lyon plant (user Alice (ADV)) is disabled and has no active backup", result.RoutingPath);
        }

        [Fact]
        public void A_rule_to_a_disabled_user_or_to_a_queue_whose_owner_is_disabled_is_passed_over_and_the_path_says_why()
        {
            var quinn = new Principal(PrincipalKind.User, Guid.NewGuid(), "Quinn", isDisabled: true);
            var desk = new Principal(PrincipalKind.Queue, Guid.NewGuid(), "Finance desk", holder: quinn);
            var gus = new Principal(PrincipalKind.User, Guid.NewGuid(), "Gus", isDisabled: true);
            var rules = new[]
            {
                new RoutingRule { Id = Guid.NewGuid(), Name = "Retail finance", Function = BusinessFunction.Finance, IndustryCode = 27, Target = desk, Priority = 1 },
                new RoutingRule { Id = Guid.NewGuid(), Name = "Finance Gus", Function = BusinessFunction.Finance, Target = gus, Priority = 1 },
                new RoutingRule { Id = Guid.NewGuid(), Name = "Finance default", Function = BusinessFunction.Finance, Target = RetailLogistics, Priority = 2 },
            };

            var result = Resolver(rules: rules).Resolve(BusinessFunction.Finance, Today);

            Assert.Same(RetailLogistics, result.Owner);
            Assert.Equal("routing rule 'Retail finance' passed over: the owner of queue Finance desk (user Quinn) is disabled; " +
                "routing rule 'Finance Gus' passed over: user Gus is disabled; Finance: default rule 'Finance default' → user Rita (retail logistics)", result.RoutingPath);
            // With no rule left, the work goes unrouted; an unrouted queue whose owner is disabled is passed over too, to nobody.
            var onlyDesk = new OwnerResolver(new[] { Plant }, null, new[] { rules[0] }, () => desk).Resolve(BusinessFunction.Finance, Today);
            Assert.Null(onlyDesk.Owner);
            Assert.True(onlyDesk.IsUnrouted);
            Assert.EndsWith("unrouted queue Finance desk passed over: the owner of queue Finance desk (user Quinn) is disabled", onlyDesk.RoutingPath);
            Assert.Null(new Principal(PrincipalKind.Queue, Guid.NewGuid(), "Finance desk", holder: new Principal(PrincipalKind.User, Guid.NewGuid(), "Ann")).Unavailable);
        }
    }

    public class DedicatedOwnerRulesTests
    {
        [Fact]
        public void A_row_made_active_is_checked_as_a_new_one_and_a_row_ending_inactive_is_not_checked()
        {
            Assert.Equal(OwnerRowChecks.EveryOwner, DedicatedOwnerRules.ChecksFor(activeAfter: true, wasActive: false, sendsRowColumns: false));
            Assert.Equal(OwnerRowChecks.EveryOwner, DedicatedOwnerRules.ChecksFor(true, false, true));
            Assert.Equal(OwnerRowChecks.NamedOwners, DedicatedOwnerRules.ChecksFor(true, null, true)); // a new row
            Assert.Equal(OwnerRowChecks.NamedOwners, DedicatedOwnerRules.ChecksFor(true, true, true));
            Assert.Equal(OwnerRowChecks.None, DedicatedOwnerRules.ChecksFor(true, true, false)); // its status alone sent again
            Assert.Equal(OwnerRowChecks.None, DedicatedOwnerRules.ChecksFor(false, true, true)); // deactivated, a broken row too
            Assert.Equal(OwnerRowChecks.None, DedicatedOwnerRules.ChecksFor(false, false, true));
            // Given another account or function (a rule another function or segment), an active row is checked as a new one.
            Assert.Equal(OwnerRowChecks.EveryOwner, DedicatedOwnerRules.ChecksFor(true, true, true, retargets: true));
            Assert.Equal(OwnerRowChecks.None, DedicatedOwnerRules.ChecksFor(false, true, true, retargets: true));
        }

        [Fact]
        public void Both_or_neither_of_user_and_team_is_refused()
        {
            Refusal both = DedicatedOwnerRules.Check((int)BusinessFunction.Adv, Guid.NewGuid(), Guid.NewGuid(), null, null);
            Refusal neither = DedicatedOwnerRules.Check((int)BusinessFunction.Adv, null, null, null, null);

            Assert.Equal(RefusalCodes.OwnerInvalid, both.Code);
            Assert.Contains("not both", both.Text);
            Assert.Equal(RefusalCodes.OwnerInvalid, neither.Code);
            Assert.Contains("Set the user or the team", neither.Text);
            Assert.Null(DedicatedOwnerRules.Check((int)BusinessFunction.Adv, Guid.NewGuid(), null, null, null));
            Assert.StartsWith("Choose the account this owner is dedicated to.",
                DedicatedOwnerRules.Check((int)BusinessFunction.Adv, Guid.NewGuid(), null, null, null, hasAccount: false).Text);
        }

        [Fact]
        public void An_unknown_function_value_is_refused()
        {
            Assert.StartsWith("The function value 42 is not one of CrmCollab's functions", DedicatedOwnerRules.Check(42, Guid.NewGuid(), null, null, null).Text);
        }

        [Fact]
        public void Overlapping_validity_is_found_and_adjacent_periods_are_not()
        {
            var account = Guid.NewGuid();
            var existing = new DedicatedOwner { Id = Guid.NewGuid(), AccountId = account, ValidFrom = new DateTime(2026, 1, 1), ValidTo = new DateTime(2026, 6, 30) };
            var overlapping = new DedicatedOwner { Id = Guid.NewGuid(), AccountId = account, ValidFrom = new DateTime(2026, 6, 30) };
            var adjacent = new DedicatedOwner { Id = Guid.NewGuid(), AccountId = account, ValidFrom = new DateTime(2026, 7, 1) };

            Assert.Same(existing, DedicatedOwnerRules.FindOverlap(overlapping, new[] { existing }));
            Assert.Null(DedicatedOwnerRules.FindOverlap(adjacent, new[] { existing }));
            Assert.Null(DedicatedOwnerRules.FindOverlap(existing, new[] { existing }));
        }

        [Fact]
        public void A_routing_rule_needs_exactly_one_target()
        {
            Assert.Equal("Set the user, team or queue that receives the work routed by this rule.", DedicatedOwnerRules.CheckRule((int)BusinessFunction.Sav, 0).Text);
            Assert.Equal("Set only one target (a user, a team or a queue) on a routing rule.", DedicatedOwnerRules.CheckRule((int)BusinessFunction.Sav, 2).Text);
            Assert.Equal(RefusalCodes.RoutingRuleInvalid, DedicatedOwnerRules.CheckRule(null, 2).Code);
            Assert.Null(DedicatedOwnerRules.CheckRule((int)BusinessFunction.Sav, 1));
        }
    }
}
