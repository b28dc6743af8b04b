using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Signals;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class ChurnMarkRulesTests
    {
        private int _reads;
        private Func<bool> Answer(bool value) => () => { _reads++; return value; };
        private Func<bool?> Merged(bool? value) => () => { _reads++; return value; };

        [Fact]
        public void The_mark_is_left_alone_by_saves_that_do_not_change_it_and_by_the_intake_without_a_read()
        {
            Assert.Null(ChurnMarkRules.Check(false, true, false, false, null, Answer(false), Answer(true))); // not sent
            Assert.Null(ChurnMarkRules.Check(true, true, false, true, null, Answer(false), Answer(true))); // the intake marks it
            Assert.Null(ChurnMarkRules.Check(true, true, true, false, null, Answer(false), Answer(true))); // sent as it is
            Assert.Null(ChurnMarkRules.Check(true, false, null, false, null, Answer(false), Answer(true))); // created unmarked
            Assert.Null(ChurnMarkRules.Check(true, null, false, false, null, Answer(false), Answer(true))); // cleared when clear
            Assert.Equal(0, _reads);
        }

        [Fact]
        public void Only_the_salesperson_or_an_administrator_changes_it_and_nobody_clears_it_over_an_open_signal()
        {
            Assert.Null(ChurnMarkRules.Check(true, true, false, false, null, Answer(true), Answer(true))); // marked by the salesperson
            Assert.Null(ChurnMarkRules.Check(true, false, true, false, null, Answer(true), Answer(false))); // cleared once acknowledged
            Assert.Contains("Raise a churn-risk field signal instead",
                ChurnMarkRules.Check(true, true, false, false, null, Answer(false), Answer(false)).Message);
            Refusal notTheirs = ChurnMarkRules.Check(true, null, true, false, null, Answer(false), Answer(false));
            Assert.Equal(RefusalCodes.AccountChurnMark, notTheirs.Code);
            Assert.Contains("Only the account's salesperson clears", notTheirs.Message);
            Refusal open = ChurnMarkRules.Check(true, false, true, false, null, Answer(true), Answer(true));
            Assert.Equal(RefusalCodes.AccountChurnMark, open.Code);
            Assert.Contains("still to be acknowledged", open.Message);
            _reads = 0;
            Assert.NotNull(ChurnMarkRules.Check(true, true, false, false, null, Answer(false), Answer(true)));
            Assert.Equal(1, _reads); // a mark set by hand never asks about open signals
        }

        [Fact]
        public void A_merge_may_bring_the_merged_away_accounts_mark_but_clears_nothing_by_itself()
        {
            Assert.Null(ChurnMarkRules.Check(true, true, false, false, Merged(true), Answer(false), Answer(false)));
            Assert.NotNull(ChurnMarkRules.Check(true, true, false, false, Merged(false), Answer(false), Answer(false)));
            Assert.NotNull(ChurnMarkRules.Check(true, false, true, false, Merged(false), Answer(false), Answer(false)));
            Assert.NotNull(ChurnMarkRules.Check(true, false, true, false, Merged(null), Answer(true), Answer(true)));
        }
    }
}
