using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Handoff;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    /// <summary>A closed handoff's acceptance (<see cref="HandoffRules.CheckUpdate"/>): none given for the first time once it is closed.</summary>
    public class ClosedHandoffAcceptanceRulesTests
    {
        [Fact]
        public void A_closed_handoff_is_not_accepted_for_the_first_time_and_one_accepted_before_keeps_its_acceptance()
        {
            Refusal late = HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Completed, After = HandoffState.Completed, Accepting = true, CallerOwnsTask = () => true,
            });
            Assert.Equal(RefusalCodes.HandoffClosed, late.Code);
            Assert.StartsWith("This handoff is completed: it is no longer accepted", late.Message);
            Assert.StartsWith("This handoff is canceled", HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Canceled, After = HandoffState.Canceled, Accepting = true, CallerOwnsTask = () => true,
            }).Message);
            Assert.Null(HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Completed, After = HandoffState.Completed, Accepting = true, WasAccepted = true, CallerOwnsTask = () => true,
            }));
            Assert.Null(HandoffRules.CheckUpdate(new HandoffEdit
            {
                Before = HandoffState.Completed, After = HandoffState.Completed, Accepting = true, IsServerCall = () => true, CallerOwnsTask = () => true,
            }));
        }
    }
}
