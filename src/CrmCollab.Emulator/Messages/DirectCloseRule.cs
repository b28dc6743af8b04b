using CrmCollab.Emulator.Engine;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// Only Win and Lose close an opportunity, so a closed one always has its opportunityclose activity. The platform
    /// refuses Won/Lost through Update or SetState (documented) with the message below; Win's and Lose's own inner
    /// Update is the one exception.
    /// </summary>
    internal static class DirectCloseRule
    {
        /// <summary>Update (and SetState, which runs one): refused unless it is the inner Update of Win or Lose.</summary>
        internal static void RefuseDirectClose(MessageContext context, string table, Entity target)
        {
            var state = ClosingState(table, target);
            if (state == null) return;
            var parent = context.Frame.ParentContext;
            bool fromClose = parent != null && parent.Stage == 30 && (parent.MessageName == "Win" || parent.MessageName == "Lose");
            if (!fromClose) throw Refusal(state.Value);
        }

        /// <summary>
        /// Create (and an Upsert or CreateMultiple that creates): an opportunity never starts Won or Lost. No Microsoft
        /// page gives the platform's answer to this Create: statecode is not valid for Create (reports show a Create
        /// naming a closed status refused with InvalidStateCodeStatusCode). The engine refuses it with the documented
        /// refusal of a direct close, the closest documented one, so nothing closed is ever written without Win/Lose.
        /// </summary>
        internal static void RefuseCreateClosed(string table, Entity target)
        {
            var state = ClosingState(table, target);
            if (state != null) throw Refusal(state.Value);
        }

        private static int? ClosingState(string table, Entity target) =>
            table == "opportunity" && target.GetAttributeValue<OptionSetValue>("statecode") is OptionSetValue state
                && (state.Value == 1 || state.Value == 2)
                ? state.Value
                : (int?)null;

        private static System.ServiceModel.FaultException<OrganizationServiceFault> Refusal(int state)
        {
            string outcome = state == 1 ? "Won" : "Lost";
            string message = state == 1 ? "WinOpportunityRequest" : "LoseOpportunityRequest";
            return Faults.Invalid($"This message can not be used to set the state of opportunity to {outcome}. In order to set the state of opportunity to {outcome}, use the {message} message instead.");
        }
    }
}
