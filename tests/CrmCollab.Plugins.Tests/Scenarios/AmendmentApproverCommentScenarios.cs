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
    /// The approver's comment is the approver's word on an amendment: written with the decision, by someone allowed to
    /// decide it. Its author (who may write the row) cannot put words in the approver's mouth while it waits.
    /// </summary>
    public class AmendmentApproverCommentScenarios
    {
        private static readonly string[] Touched = { "crmc_amendment", "opportunity" };
        private const string Forged = "Agreed by Finance on the phone, approve as is";
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _oscar, _deal;

        public AmendmentApproverCommentScenarios()
        {
            _oscar = _org.User("Oscar Reviewer", "CrmCollab Reviewer");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _org.User("Alice ADV", "CrmCollab ADV"));
            _deal = _org.Deal(account, discount: 10m);
            _org.Win(_deal);
        }

        private string CommentOf(Guid amendment) =>
            _org.Row("crmc_amendment", amendment, "crmc_approvercomment").GetAttributeValue<string>("crmc_approvercomment");

        [Theory]
        [InlineData("Update")]
        [InlineData("ExecuteMultiple")]
        [InlineData("ExecuteTransaction")]
        [InlineData("Upsert")]
        [InlineData("UpdateMultiple")]
        public void A_salesperson_cannot_write_the_approvers_comment_on_his_submitted_amendment(string channel)
        {
            Guid amendment = _org.Amendment(_deal, discount: 25m);
            IOrganizationService sam = _org.As(_org.Rep);
            var forge = new Entity("crmc_amendment", amendment) { ["crmc_approvercomment"] = Forged };
            string refusal = _org.RefusedNamingNoId(RefusalCodes.AmendmentApproverComment, () => CrmCollabOrg.UpdateThrough(channel, sam, forge), Touched);
            Assert.Contains("approver", refusal);
            Assert.Null(CommentOf(amendment));
        }

        [Fact]
        public void The_approvers_comment_is_written_with_the_decision_by_someone_who_may_decide()
        {
            Guid amendment = _org.Amendment(_deal, discount: 25m, submit: false);
            // Not with the draft, nor with its submission, nor by a reviewer who may write the row but not decide it.
            _org.RefusedNamingNoId(RefusalCodes.AmendmentApproverComment, () => _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_approvercomment"] = Forged, ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
            }), Touched);
            _org.As(_org.Rep).Update(new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted) });
            _org.RefusedNamingNoId(RefusalCodes.AmendmentApproverComment,
                () => _org.As(_oscar).Update(new Entity("crmc_amendment", amendment) { ["crmc_approvercomment"] = "Looks fine to me" }), Touched);
            // Even an administrator writes it with the decision, not ahead of it.
            _org.RefusedNamingNoId(RefusalCodes.AmendmentApproverComment,
                () => _org.As(_org.Admin).Update(new Entity("crmc_amendment", amendment) { ["crmc_approvercomment"] = "Will reject" }), Touched);
            // Its author deciding with a comment is refused as an approver.
            _org.Refused(RefusalCodes.AmendmentApprover, () => _org.Decide(amendment, _org.Rep, AmendmentState.Approved, Forged), Touched);

            _org.Decide(amendment, _org.Admin, AmendmentState.Rejected, "25% is below our floor for this line; 15% would pass");
            Assert.Equal("25% is below our floor for this line; 15% would pass", CommentOf(amendment));
        }

        [Theory]
        [InlineData("Create")]
        [InlineData("ExecuteMultiple")]
        [InlineData("CreateMultiple")]
        [InlineData("Upsert")]
        public void An_amendment_is_not_raised_with_an_approvers_comment_already_in_it(string channel)
        {
            var proposal = new Entity("crmc_amendment", Guid.NewGuid())
            {
                ["crmc_opportunityid"] = new EntityReference("opportunity", _deal), ["crmc_reason"] = "Customer asked for a bigger discount",
                ["crmc_newdiscountpercent"] = 25m, ["crmc_state"] = new OptionSetValue((int)AmendmentState.Submitted),
                ["crmc_approvercomment"] = Forged,
            };
            IOrganizationService sam = _org.As(_org.Rep);
            Action attempt;
            switch (channel)
            {
                case "ExecuteMultiple": attempt = () => CrmCollabOrg.InExecuteMultiple(sam, new CreateRequest { Target = proposal }); break;
                case "CreateMultiple":
                    attempt = () => sam.Execute(new CreateMultipleRequest
                    {
                        Targets = new EntityCollection(new List<Entity> { proposal }) { EntityName = "crmc_amendment" },
                    });
                    break;
                case "Upsert": attempt = () => CrmCollabOrg.InUpsert(sam, proposal); break;
                default: attempt = () => sam.Create(proposal); break;
            }

            _org.RefusedNamingNoId(RefusalCodes.AmendmentApproverComment, attempt, Touched);
        }
    }
}
