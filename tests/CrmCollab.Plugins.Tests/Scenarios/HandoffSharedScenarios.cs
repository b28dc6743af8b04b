using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A handoff shared instead of passed on: its logistics owner cannot give it to the salesperson (the hand-over
    /// check), but sharing it with Write (GrantAccess) opens it to them without changing its owner. The work stays the
    /// owner's: only the owner, a member of the owning team or a CrmCollab Administrator fills in its evidence and
    /// completes it.
    /// </summary>
    public class HandoffSharedScenarios
    {
        private static readonly string[] Touched = { "task" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _deal;

        public HandoffSharedScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Logistics, user: _lena);
            _deal = _org.Deal(account);
            _org.Win(_deal);
        }

        private Guid Delivery => _org.HandoffOf(_deal, BusinessFunction.Logistics).Id;

        private void ShareWithRep(Guid task) => _org.As(_lena).Execute(new GrantAccessRequest
        {
            Target = new EntityReference("task", task),
            PrincipalAccess = new PrincipalAccess
            {
                Principal = new EntityReference("systemuser", _org.Rep), AccessMask = AccessRights.ReadAccess | AccessRights.WriteAccess,
            },
        });

        private static Entity Completed(Guid task, string tracking) => new Entity("task", task)
        {
            ["crmc_trackingnumber"] = tracking, ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5),
        };

        private int StateOf(Guid task) => _org.Row("task", task, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value;

        [Theory]
        [InlineData("owner")]
        [InlineData("administrator")]
        public void A_logistics_handoff_shared_with_write_to_the_salesperson_is_not_theirs_to_trace_or_complete(string completedBy)
        {
            Guid task = Delivery;
            ShareWithRep(task);
            IOrganizationService rep = _org.As(_org.Rep);
            rep.Update(new Entity("task", task) { ["description"] = "Customer asks for a morning slot" }); // the share works

            string message = _org.Refused(RefusalCodes.HandoffWorkOwnerOnly,
                () => rep.Update(new Entity("task", task) { ["crmc_trackingnumber"] = "1Z999" }), Touched);
            Assert.Contains("Ask the owner to pass it to you", message);
            CrmCollabOrg.ShowsNoIdOrTypeName(message);
            _org.Refused(RefusalCodes.HandoffWorkOwnerOnly, () => rep.Update(Completed(task, "1Z999")), Touched);
            _org.Refused(RefusalCodes.HandoffWorkOwnerOnly, () => rep.Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("task", task), State = new OptionSetValue(1), Status = new OptionSetValue(5),
            }), Touched);

            _org.As(completedBy == "owner" ? _lena : _org.Admin).Update(Completed(task, "1Z999"));
            Assert.Equal(1, StateOf(task));
        }
    }
}
