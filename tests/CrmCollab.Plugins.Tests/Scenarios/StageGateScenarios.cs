using System;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A deal enters a stage only with the data that stage needs; the setting itself is checked at save.</summary>
    public class StageGateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal;

        public StageGateScenarios()
        {
            // A bare deal: CrmCollabOrg.Deal fills what the default requirements ask for.
            _deal = _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Line 4 retrofit", ["customerid"] = new EntityReference("account", _org.Account("Contoso")),
            });
        }

        private void MoveTo(int stage, Entity with = null)
        {
            var update = with ?? new Entity("opportunity", _deal);
            update["salesstage"] = new OptionSetValue(stage);
            _org.As(_org.Rep).Update(update);
        }

        [Fact]
        public void Entering_propose_names_every_missing_column_then_passes_once_filled()
        {
            string refusal = CrmCollabOrg.Refusal(() => MoveTo(2, new Entity("opportunity", _deal) { ["customerneed"] = "Faster line" }));

            Assert.Equal("Before moving to Propose, fill in: Decision maker, Est. Close Date, Budget amount. [CRMC-STAGE-DATA-MISSING]", refusal);
            Assert.Equal(CrmCollab.Plugins.Domain.RefusalCodes.StageDataMissing, CrmCollab.Plugins.Domain.Refusal.CodeOf(refusal));
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal)
            {
                ["customerneed"] = "Faster line", ["decisionmaker"] = true, ["budgetamount"] = new Money(90000m),
                ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(30),
            });
            MoveTo(2);
            Assert.Equal(2, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void The_gate_holds_for_a_new_deal_and_for_the_step_name_too()
        {
            Assert.Contains("fill in: Customer need", CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Create(new Entity("opportunity")
            {
                ["name"] = "Straight to develop", ["salesstage"] = new OptionSetValue(1),
            })));
            Assert.Contains("Before moving to Develop", CrmCollabOrg.Refusal(() =>
                _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["stepname"] = "1-Develop" })));
        }

        [Fact]
        public void Bad_stage_requirements_are_refused_and_a_good_one_is_enforced()
        {
            Assert.Contains("not valid JSON", CrmCollabOrg.Refusal(() => _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"customerneed\"")));
            Assert.Contains("Unknown sales stage \"7\"", CrmCollabOrg.Refusal(() => _org.SetVariable("crmc_StageRequirements", "{\"7\":[\"customerneed\"]}")));
            Assert.Contains("no column nosuchcolumn", CrmCollabOrg.Refusal(() =>
                _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"customerneed\",\"nosuchcolumn\"]}")));

            _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"description\"]}");

            Assert.Equal("Before moving to Develop, fill in: Description. [CRMC-STAGE-DATA-MISSING]", CrmCollabOrg.Refusal(() => MoveTo(1)));
        }

        [Fact]
        public void A_required_column_the_guard_s_image_lacks_is_read_from_the_deal_and_a_changed_setting_applies_at_the_next_move()
        {
            // salesstagecode is in neither the change nor the guard's pre-image: the stored deal says whether it is filled.
            _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"salesstagecode\"]}");
            Assert.Equal("Before moving to Develop, fill in: salesstagecode. [CRMC-STAGE-DATA-MISSING]", CrmCollabOrg.Refusal(() => MoveTo(1)));
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal) { ["salesstagecode"] = new OptionSetValue(1) });
            MoveTo(1);
            MoveTo(0);

            // The setting is read at every move: its new text is the one enforced.
            _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"salesstagecode\",\"description\"]}");
            Assert.Equal("Before moving to Develop, fill in: Description. [CRMC-STAGE-DATA-MISSING]", CrmCollabOrg.Refusal(() => MoveTo(1)));
            _org.SetVariable("crmc_StageRequirements", "{\"1\":[\"salesstagecode\"]}");
            MoveTo(1);
            Assert.Equal(1, _org.Row("opportunity", _deal, "salesstage").GetAttributeValue<OptionSetValue>("salesstage").Value);
        }

        [Fact]
        public void A_deal_created_without_a_stage_starts_at_qualify_and_needs_what_qualify_asks()
        {
            // The gate counts a deal created without a sales stage as at Qualify; the data check skipped it, so what an
            // administrator lists for Qualify held only for deals created with the stage sent (quick create, API, import).
            _org.SetVariable("crmc_StageRequirements", "{\"0\":[\"customerneed\"]}");
            var account = new EntityReference("account", _org.Account("Fabrikam"));
            var before = TableSnapshot.Take(_org.System, "opportunity");

            string refusal = CrmCollabOrg.Refusal(() => _org.As(_org.Rep).Create(new Entity("opportunity") { ["name"] = "Press line", ["customerid"] = account }));

            Assert.Equal("Before moving to Qualify, fill in: Customer need. [CRMC-STAGE-DATA-MISSING]", refusal);
            before.AssertUnchanged(_org.System);
            _org.As(_org.Rep).Create(new Entity("opportunity") { ["name"] = "Press line", ["customerid"] = account, ["customerneed"] = "Second press" });
        }

        [Fact]
        public void A_deal_won_before_reaching_propose_still_needs_the_data_every_stage_asks_for()
        {
            // The rep fills what Develop asks, then wins straight from Develop: Propose's decision maker, close date and
            // budget were never asked for. A win ends the sales process, so it needs what every stage up to Close needs.
            MoveTo(1, new Entity("opportunity", _deal) { ["customerneed"] = "Faster line" });
            var before = TableSnapshot.Take(_org.System, "opportunity", "opportunityclose", "task");

            string refusal = CrmCollabOrg.Refusal(() => _org.Win(_deal, drain: false));

            Assert.Equal("Before the deal is won, fill in: Decision maker, Est. Close Date, Budget amount. [CRMC-STAGE-DATA-MISSING]", refusal);
            before.AssertUnchanged(_org.System);
            _org.As(_org.Rep).Update(new Entity("opportunity", _deal)
            {
                ["decisionmaker"] = true, ["budgetamount"] = new Money(90000m), ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(30),
            });
            _org.Win(_deal, drain: false);
            Assert.Equal(1, _org.Row("opportunity", _deal, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }
    }
}
