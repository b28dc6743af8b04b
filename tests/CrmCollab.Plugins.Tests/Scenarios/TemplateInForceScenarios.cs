using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// The administrator takes a handoff template out of force for a while (the delivery is planned by the partner this
    /// quarter), or drafts a new one inactive, and puts it in force later. Deals won in between were never handed that
    /// work off: a flow asking Get Handoff Status, or a workflow running the Create Post-Sale Handoff step, must not find
    /// it missing on them. Deals won afterwards get it.
    /// </summary>
    public class TemplateInForceScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _delivery, _contoso;

        public TemplateInForceScenarios()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            _delivery = _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            _contoso = _org.Account("Contoso");
            _org.DedicatedOwner(_contoso, BusinessFunction.Adv, user: alice);
            _org.Engine.DrainAsync();
        }

        private void SetActive(Guid template, bool active, string channel)
        {
            var reference = new EntityReference("crmc_handofftemplate", template);
            OptionSetValue state = new OptionSetValue(active ? 0 : 1), status = new OptionSetValue(active ? 1 : 2);
            switch (channel)
            {
                case "flag": _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", template) { ["crmc_isactive"] = active }); break;
                case "SetState": _org.As(_org.Admin).Execute(new SetStateRequest { EntityMoniker = reference, State = state, Status = status }); break;
                default:
                    _org.As(_org.Admin).Execute(new OrganizationRequest("SetStateDynamicEntity")
                        { ["EntityMoniker"] = reference, ["State"] = state, ["Status"] = status });
                    break;
            }
        }

        /// <summary>What a flow and a workflow on the won deal are told: complete, nothing missing (the step goes through).</summary>
        private void AssertNothingMissing(Guid deal)
        {
            ParameterCollection answer = _org.As(_org.Rep).Execute(new OrganizationRequest(HandoffStatusApi.ApiName)
                { ["Target"] = new EntityReference("opportunity", deal) }).Results;
            Assert.Equal("", answer[HandoffStatusApi.Missing]);
            Assert.Equal(true, answer[HandoffStatusApi.IsComplete]);
            Assert.Equal(0, _org.RunHandoffStep(deal, _org.Rep)); // the step goes through: it fails on a missing handoff
        }

        [Theory]
        [InlineData("flag")]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void A_template_back_in_force_after_a_deal_was_won_without_it_is_not_asked_of_that_deal(string channel)
        {
            SetActive(_delivery, false, channel);
            Guid deal = _org.Deal(_contoso);
            _org.Win(deal);
            Assert.Single(_org.HandoffTasks(deal).Entities); // the contract only: the delivery was out of force
            _org.Engine.Clock.Advance(TimeSpan.FromDays(30));
            DateTime backOn = _org.Engine.Clock.UtcNow;

            SetActive(_delivery, true, channel);

            Assert.Equal(backOn, _org.Row("crmc_handofftemplate", _delivery, "crmc_inforcesince").GetAttributeValue<DateTime?>("crmc_inforcesince"));
            AssertNothingMissing(deal); // before, 'Plan the delivery' was named missing, and the step failed for it for good
            Guid next = _org.Deal(_org.Account("Fabrikam"), "Packaging line");
            _org.Win(next);
            Assert.Equal(2, _org.HandoffTasks(next).Entities.Count); // a deal won once it is back is handed it off
        }

        [Fact]
        public void A_template_drafted_inactive_and_put_in_force_after_a_win_is_not_asked_of_that_deal()
        {
            Guid survey = _org.As(_org.Admin).Create(new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = "Book the site survey", ["crmc_subject"] = "Book the site survey",
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics), ["crmc_dueoffsetdays"] = 3, ["crmc_sequence"] = 30,
                ["crmc_isactive"] = false,
            });
            Assert.Null(_org.Row("crmc_handofftemplate", survey, "crmc_inforcesince").GetAttributeValue<DateTime?>("crmc_inforcesince"));
            Guid deal = _org.Deal(_contoso);
            _org.Win(deal);
            _org.Engine.Clock.Advance(TimeSpan.FromDays(7));

            SetActive(survey, true, "flag");

            AssertNothingMissing(deal);
        }

        [Fact]
        public void A_template_made_in_force_is_dated_by_crmcollab_and_no_one_else()
        {
            DateTime made = _org.Row("crmc_handofftemplate", _delivery, "crmc_inforcesince").GetAttributeValue<DateTime>("crmc_inforcesince");
            DateTime created = _org.Row("crmc_handofftemplate", _delivery, "createdon").GetAttributeValue<DateTime>("createdon");
            Assert.InRange(made, created.AddSeconds(-1), created.AddSeconds(1)); // the save that made it

            _org.Refused(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", _delivery)
                { ["crmc_inforcesince"] = made.AddYears(-1) }), "crmc_handofftemplate");
            _org.Refused(RefusalCodes.ServerOwnedColumn, () => _org.As(_org.Admin).Create(new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = "Check the installation", ["crmc_subject"] = "Check the installation",
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics), ["crmc_dueoffsetdays"] = 5, ["crmc_inforcesince"] = made.AddYears(-1),
            }), "crmc_handofftemplate");
            // Saved again while in force (a new due date, Active and the date sent as they are, as an integration re-sending the
            // whole row does): it stays in force since when it was made.
            _org.Engine.Clock.Advance(TimeSpan.FromDays(1));
            _org.As(_org.Admin).Update(new Entity("crmc_handofftemplate", _delivery)
                { ["crmc_isactive"] = true, ["crmc_dueoffsetdays"] = 12, ["crmc_inforcesince"] = made });
            Assert.Equal(made, _org.Row("crmc_handofftemplate", _delivery, "crmc_inforcesince").GetAttributeValue<DateTime>("crmc_inforcesince"));
        }
    }
}
