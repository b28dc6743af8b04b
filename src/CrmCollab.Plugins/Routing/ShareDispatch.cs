using System;
using System.ServiceModel;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// Starts the background runs of a large re-routing (<see cref="Domain.Routing.WorkShare"/>): one save of its carrier row
    /// (the rule, the dedicated owner row, the account, the user) for each share. Whether the platform accepts every such
    /// save is not documented for each carrier — a disabled user's row, above all, may be refused where the user has lost
    /// their licence — so a refused first save starts nothing and the caller re-routes what one run may take, as before the
    /// shares; a refused later save leaves the shares not started to the next change. Asynchronous steps only: a refused
    /// call inside them dooms no transaction.
    /// </summary>
    internal static class ShareDispatch
    {
        /// <summary>Saves <paramref name="carrier"/>(index) for each share; false when the first save was refused (nothing started).</summary>
        public static bool Start(LocalPluginContext context, int shares, Func<int, Entity> carrier)
        {
            for (int index = 0; index < shares; index++)
            {
                try
                {
                    context.SystemService.Update(carrier(index));
                }
                catch (FaultException<OrganizationServiceFault> refused)
                {
                    context.Trace("The save starting share {0} of {1} was refused: {2}", index + 1, shares, refused.Detail?.Message ?? refused.Message);
                    return index > 0;
                }
            }
            return true;
        }
    }
}
