using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class TemplatePlaceTests
    {
        private static readonly Guid Deal = Guid.NewGuid();

        private static HandoffTemplate Template(BusinessFunction function, int sequence) =>
            new HandoffTemplate { Id = Guid.NewGuid(), Function = function, Sequence = sequence, Subject = "x" };

        private static ISet<string> Keys(params HandoffTemplate[] templates)
        {
            var keys = new HashSet<string>();
            foreach (HandoffTemplate t in templates) keys.Add(HandoffPlanner.KeyFor(Deal, t.Id));
            return keys;
        }

        [Fact]
        public void A_template_in_the_place_of_a_retired_one_the_deal_has_a_handoff_of_is_held_and_no_other()
        {
            HandoffTemplate retired = Template(BusinessFunction.Logistics, 40);
            HandoffTemplate replacement = Template(BusinessFunction.Logistics, 40);
            HandoffTemplate otherPlace = Template(BusinessFunction.Logistics, 45);
            HandoffTemplate otherFunction = Template(BusinessFunction.Sav, 40);

            ISet<string> held = TemplatePlace.Held(Deal, new[] { replacement, otherPlace, otherFunction }, new[] { retired }, Keys(retired));

            Assert.Equal(Keys(replacement), held);
        }

        [Fact]
        public void A_retired_templates_handoff_that_no_longer_holds_its_place_holds_nothing()
        {
            HandoffTemplate retired = Template(BusinessFunction.Logistics, 40);
            HandoffTemplate replacement = Template(BusinessFunction.Logistics, 40);

            Assert.Empty(TemplatePlace.Held(Deal, new[] { replacement }, new[] { retired }, new HashSet<string>()));
        }

        [Fact]
        public void Templates_in_force_never_hold_each_others_place()
        {
            HandoffTemplate first = Template(BusinessFunction.Adv, 10);
            HandoffTemplate second = Template(BusinessFunction.Adv, 10);

            Assert.Empty(TemplatePlace.Held(Deal, new[] { first, second }, new[] { first }, Keys(first)));
        }

        [Fact]
        public void A_retired_templates_handoff_stands_for_one_template_in_force_of_its_place_not_two()
        {
            HandoffTemplate retired = Template(BusinessFunction.Logistics, 40);
            HandoffTemplate replacement = Template(BusinessFunction.Logistics, 40);
            HandoffTemplate parallel = Template(BusinessFunction.Logistics, 40);
            HandoffTemplate retiredToo = Template(BusinessFunction.Logistics, 40);

            Assert.Empty(TemplatePlace.Held(Deal, new[] { replacement, parallel }, new[] { retired }, Keys(retired)));
            Assert.Equal(Keys(replacement, parallel),
                TemplatePlace.Held(Deal, new[] { replacement, parallel }, new[] { retired, retiredToo }, Keys(retired, retiredToo)));
        }

        [Theory]
        [InlineData(false, false, true)]
        [InlineData(false, true, true)]
        [InlineData(true, false, true)]
        [InlineData(true, true, false)]
        public void Open_completed_or_for_good_canceled_handoffs_hold_their_place_one_canceled_before_the_loss_does_not(
            bool canceled, bool canceledBeforeTheLoss, bool holds)
        {
            Assert.Equal(holds, TemplatePlace.Holds(canceled, canceledBeforeTheLoss));
        }

        [Fact]
        public void The_place_a_handoff_recorded_holds_for_its_replacement_whatever_its_template_became()
        {
            HandoffTemplate replacement = Template(BusinessFunction.Logistics, 40);
            Guid deletedTemplate = Guid.NewGuid();
            string key = HandoffPlanner.KeyFor(Deal, deletedTemplate);

            Assert.Equal(deletedTemplate, HandoffPlanner.TemplateOf(key));
            HandoffTemplate recorded = TemplatePlace.Recorded(deletedTemplate, BusinessFunction.Logistics, 40);
            Assert.Contains(HandoffPlanner.KeyFor(Deal, replacement.Id),
                TemplatePlace.Held(Deal, new[] { replacement }, new[] { recorded }, new HashSet<string> { key }));
            Assert.Empty(TemplatePlace.Held(Deal, new[] { replacement },
                new[] { TemplatePlace.Recorded(deletedTemplate, BusinessFunction.Sav, 40) }, new HashSet<string> { key }));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("not a key")]
        [InlineData("abc:not-a-guid")]
        public void A_key_crmcollab_did_not_write_names_no_template(string key) => Assert.Null(HandoffPlanner.TemplateOf(key));

        [Fact]
        public void A_handoff_records_its_templates_sequence_only_when_the_template_has_one()
        {
            Assert.Equal(40, TemplatePlace.SequenceOf(Template(BusinessFunction.Adv, 40)));
            Assert.Null(TemplatePlace.SequenceOf(new HandoffTemplate { Id = Guid.NewGuid(), HasSequence = false }));
        }

        [Fact]
        public void A_retired_template_counts_in_its_place_as_it_is_now_and_in_the_recorded_one_only_once_deleted()
        {
            HandoffTemplate movedThenRetired = Template(BusinessFunction.Logistics, 50);
            Guid deleted = Guid.NewGuid();

            List<HandoffTemplate> retired = TemplatePlace.Retired(new[] { movedThenRetired }, new[]
            {
                TemplatePlace.Recorded(movedThenRetired.Id, BusinessFunction.Logistics, 40), // handed off at 40, moved to 50 since
                TemplatePlace.Recorded(deleted, BusinessFunction.Logistics, 20),
            });

            Assert.Equal(2, retired.Count);
            Assert.Equal(50, retired.Single(t => t.Id == movedThenRetired.Id).Sequence);
            Assert.Equal(20, retired.Single(t => t.Id == deleted).Sequence);
        }
    }
}
