using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Tests.Engine;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Messages
{
    /// <summary>
    /// A user has no statecode: SetState disables (State 1) or enables (State 0) them, as Microsoft's sample does, with
    /// Status -1. Steps on SetState of systemuser run around it; a disabled user's own calls are refused.
    /// </summary>
    public class UserStateTests
    {
        private static SetStateRequest SetState(Guid user, int state) => new SetStateRequest
        {
            EntityMoniker = new EntityReference("systemuser", user), State = new OptionSetValue(state), Status = new OptionSetValue(-1),
        };

        [Fact]
        public void SetState_disables_and_enables_a_user_and_its_steps_see_the_change()
        {
            var org = new TestOrg();
            bool? seen = null;
            org.Step("SetState", "systemuser", StepStage.PostOperation, run =>
                seen = run.Service.Retrieve("systemuser", run.Context.PrimaryEntityId, new ColumnSet("isdisabled")).GetAttributeValue<bool>("isdisabled"));
            var engine = org.Boot();
            Guid user = TestOrg.AddUser(engine, "Alice");

            engine.SystemService.Execute(SetState(user, 1));
            Assert.True(seen);
            Assert.True(engine.SystemService.Retrieve("systemuser", user, new ColumnSet("isdisabled")).GetAttributeValue<bool>("isdisabled"));

            engine.SystemService.Execute(SetState(user, 0));
            Assert.False(seen);
            Assert.False(engine.SystemService.Retrieve("systemuser", user, new ColumnSet("isdisabled")).GetAttributeValue<bool>("isdisabled"));
        }

        [Fact]
        public void A_user_has_only_the_enabled_and_disabled_states()
        {
            var engine = new TestOrg().Boot();
            Guid user = TestOrg.AddUser(engine, "Alice");
            Fails(() => engine.SystemService.Execute(SetState(user, 2)), ErrorCodes.InvalidArgument);
            Fails(() => engine.SystemService.Execute(SetState(Guid.NewGuid(), 1)), ErrorCodes.ObjectDoesNotExist);
            Assert.False(engine.SystemService.Retrieve("systemuser", user, new ColumnSet("isdisabled")).GetAttributeValue<bool>("isdisabled"));
        }
    }
}
