using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An amendment that can still change a won deal's agreed terms stays where its approvers and its author find it:
    /// "Amendments awaiting approval" and the other active views. Nobody raises one inactive, and it is deactivated
    /// only once decided, whatever the path (the grid's Deactivate is a SetState, an integration sends an Update).
    /// </summary>
    public class AmendmentStatusScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity", "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _deal;

        public AmendmentStatusScenarios()
        {
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _org.User("Alice ADV", "CrmCollab ADV"));
            _deal = _org.Deal(account, discount: 10m);
            _org.Win(_deal);
        }

        private Entity Proposal(Guid? id = null, int? state = null)
        {
            var amendment = new Entity("crmc_amendment", id ?? Guid.Empty)
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal),
                ["crmc_reason"] = "Customer asked for a bigger discount",
                ["crmc_newdiscountpercent"] = 12m,
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
            };
            if (state.HasValue) amendment["statecode"] = new OptionSetValue(state.Value);
            return amendment;
        }

        private int Status(Guid amendment) => _org.Row("crmc_amendment", amendment, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value;

        [Fact]
        public void An_amendment_raised_inactive_is_refused_on_every_path_even_for_an_administrator()
        {
            IOrganizationService rep = _org.As(_org.Rep), admin = _org.As(_org.Admin);

            string refusal = _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedInactive, () => rep.Create(Proposal(state: 1)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedInactive, () => admin.Create(Proposal(state: 1)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedInactive,
                () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest { Target = Proposal(state: 1) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedInactive,
                () => CrmCollabOrg.InExecuteTransaction(rep, new CreateRequest { Target = Proposal(state: 1) }), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedInactive, () => CrmCollabOrg.InUpsert(rep, Proposal(Guid.NewGuid(), state: 1)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentCreatedInactive, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Proposal(), Proposal(state: 1) }) { EntityName = "crmc_amendment" },
            }), Touched);

            Assert.Equal("A new amendment is saved active, where its approvers find it: an inactive one would be out of Amendments awaiting " +
                "approval while it can still change the deal's agreed terms. Leave its status empty or Active. [CRMC-AMENDMENT-CREATED-INACTIVE]", refusal);
            Assert.Equal(0, Status(rep.Create(Proposal(state: 0)))); // sent active: fine
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void An_open_amendment_is_deactivated_by_nobody_until_it_is_decided(string message)
        {
            Guid submitted = _org.Amendment(_deal, discount: 12m);
            Guid draft = _org.Amendment(_deal, discount: 11m, submit: false);
            OrganizationRequest Deactivate(Guid amendment) => CrmCollabOrg.StateChange(message, "crmc_amendment", amendment, 1, 2);

            string waiting = _org.RefusedNamingNoId(RefusalCodes.AmendmentNotDeactivated, () => _org.As(_org.Rep).Execute(Deactivate(submitted)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentNotDeactivated, () => _org.As(_org.Admin).Execute(Deactivate(submitted)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentNotDeactivated, () => CrmCollabOrg.InExecuteMultiple(_org.As(_org.Admin), Deactivate(submitted)), Touched);
            Entity statusOnly = new Entity("crmc_amendment", submitted) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2) };
            _org.RefusedNamingNoId(RefusalCodes.AmendmentNotDeactivated, () => CrmCollabOrg.InUpsert(_org.As(_org.Admin), statusOnly), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentNotDeactivated, () => CrmCollabOrg.InUpdateMultiple(_org.As(_org.Admin), statusOnly), Touched);
            string drafted = _org.RefusedNamingNoId(RefusalCodes.AmendmentNotDeactivated, () => _org.As(_org.Rep).Execute(Deactivate(draft)), Touched);

            Assert.StartsWith("This amendment is waiting for approval: deactivating it would take it out of Amendments awaiting approval", waiting);
            Assert.StartsWith("This amendment is still a draft: deactivated, it could still be submitted and approved out of its approvers' sight.", drafted);
            Assert.Equal(0, Status(submitted));
            Assert.Equal(0, Status(draft));

            // Decided, it is the deal's history: it may leave the active views.
            _org.Decide(submitted, _org.Admin, AmendmentState.Rejected, "The price list does not allow it");
            _org.As(_org.Admin).Execute(Deactivate(submitted));
            Assert.Equal(1, Status(submitted));
            _org.As(_org.Rep).Delete("crmc_amendment", draft); // a draft nobody wants is deleted
        }

        [Fact]
        public void An_amendment_approved_and_deactivated_in_one_save_is_applied_and_leaves_the_active_views()
        {
            Guid amendment = _org.Amendment(_deal, discount: 12m);

            _org.As(_org.Admin).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Approved), ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2),
            });

            Entity row = _org.Row("crmc_amendment", amendment, "statecode", "crmc_state");
            Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal((int)AmendmentState.Applied, row.GetAttributeValue<OptionSetValue>("crmc_state").Value);
            Assert.Equal(12m, _org.Row("opportunity", _deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        [Theory]
        [InlineData("Update")]
        [InlineData("UpdateMultiple")]
        [InlineData("Upsert")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        public void A_reviewer_cannot_take_a_submitted_amendment_out_of_those_awaiting_approval_by_emptying_its_state(string channel)
        {
            Guid oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer"); // the Reviewer role writes every amendment
            Guid submitted = _org.Amendment(_deal, discount: 12m);
            Guid draft = _org.Amendment(_deal, discount: 11m, submit: false);
            Entity Emptied(Guid amendment) => new Entity("crmc_amendment", amendment) { ["crmc_state"] = null };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.AmendmentTransition,
                () => CrmCollabOrg.UpdateThrough(channel, _org.As(oscar), Emptied(submitted)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentTransition, () => CrmCollabOrg.UpdateThrough(channel, _org.As(_org.Rep), Emptied(submitted)), Touched);
            _org.RefusedNamingNoId(RefusalCodes.AmendmentTransition, () => CrmCollabOrg.UpdateThrough(channel, _org.As(_org.Admin), Emptied(draft)), Touched);

            Assert.StartsWith("An amendment always has a state", refusal);
            Assert.Equal((int)AmendmentState.Submitted, _org.Row("crmc_amendment", submitted, "crmc_state").GetAttributeValue<OptionSetValue>("crmc_state").Value);
            // Its author still takes it back to Draft, by naming the state.
            _org.As(_org.Rep).Update(new Entity("crmc_amendment", submitted) { ["crmc_state"] = new OptionSetValue((int)AmendmentState.Draft) });
        }
    }
}
