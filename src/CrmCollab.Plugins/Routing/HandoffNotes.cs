using System.Collections.Generic;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>The notes a win's handoff run leaves on the deal: for the administrator (handoffs not created) and the salesperson (unrouted ones).</summary>
    internal static class HandoffNotes
    {
        /// <summary>A note on the deal names each handoff that could not be created and why, for the administrator.</summary>
        public static void TellTheAdministrator(IOrganizationService service, Entity deal, IReadOnlyList<string> failures)
        {
            service.Create(new Entity(Annotation.Table)
            {
                [Annotation.Subject] = Values.Shorten($"{failures.Count} handoff(s) could not be created", 500),
                [Annotation.NoteText] = "CrmCollab could not create these post-sale handoffs; the others were created. " +
                    "Fix the cause (often a dedicated owner who cannot own tasks), then reopen the deal and close it as won again: CrmCollab creates only the missing handoffs:\n" +
                    string.Join("\n", failures),
                [Annotation.ObjectId] = deal.ToEntityReference(),
            });
        }

        /// <summary>A note on the deal tells the salesperson a handoff was created (or, at a re-win, given back) unrouted, and whom to ask.</summary>
        /// <param name="givenBack">A canceled handoff reopened by a new win, rather than one made.</param>
        public static void TellTheSalesperson(IOrganizationService service, Entity deal, PlannedHandoff handoff, bool givenBack = false)
        {
            service.Create(new Entity(Annotation.Table)
            {
                [Annotation.Subject] = Values.Shorten($"Unrouted handoff: {handoff.Template.Subject}", 500),
                [Annotation.NoteText] = $"No dedicated {handoff.Template.Function.Label()} owner or routing rule was found for this deal's account, " +
                    $"so '{handoff.Subject}' was {(givenBack ? "given back" : "created")} unrouted ({handoff.Routing.RoutingPath}). " +
                    "Ask your CrmCollab administrator to set the account's dedicated owner; the task is reassigned automatically.",
                [Annotation.ObjectId] = deal.ToEntityReference(),
            });
        }
    }
}
