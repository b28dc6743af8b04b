using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Microsoft's own sample disables and enables a user with SetState (State 1 / 0, Status -1). Their open handoffs and
    /// pending reviews still move to the backup, even where SetState runs no Update
    /// step: these scenarios run on an organisation without the handover's Update step.
    /// </summary>
    public class UserSetStateScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg((solution, options) =>
            solution.Steps.RemoveAll(s => s.PluginTypeName.EndsWith(".DisabledOwnerHandover", StringComparison.Ordinal) && s.MessageName == "Update"));
        private readonly Guid _alice, _bob, _deal;

        public UserSetStateScenarios()
        {
            _alice = _org.User("Alice ADV", "CrmCollab ADV", _org.Operations);
            _bob = _org.User("Bob ADV backup", "CrmCollab ADV", _org.Operations);
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid account = _org.Account("Fabrikam");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: _alice, backup: _bob);
            _deal = _org.Deal(account);
            _org.Win(_deal);
        }

        private Guid OwnerOfTheContract() => _org.HandoffOf(_deal, BusinessFunction.Adv).GetAttributeValue<EntityReference>("ownerid").Id;

        private bool IsDisabled(Guid user) =>
            _org.System.Retrieve("systemuser", user, new ColumnSet("isdisabled")).GetAttributeValue<bool>("isdisabled");

        [Theory]
        [InlineData("SetState")]
        [InlineData("SetStateDynamicEntity")]
        public void A_user_disabled_through_SetState_hands_their_open_handoff_to_the_backup(string message)
        {
            Assert.Equal(_alice, OwnerOfTheContract());

            _org.System.Execute(CrmCollabOrg.StateChange(message, "systemuser", _alice, 1, -1));
            _org.Engine.DrainAsync();
            Assert.True(IsDisabled(_alice));
            Assert.Equal(_bob, OwnerOfTheContract());

            _org.System.Execute(CrmCollabOrg.StateChange(message, "systemuser", _alice, 0, -1));
            _org.Engine.DrainAsync();
            Assert.False(IsDisabled(_alice));
            Assert.Equal(_bob, OwnerOfTheContract()); // enabling re-routes only work that disabled people still hold
            Assert.Empty(_org.Engine.AsyncFailures);
        }
    }
}
