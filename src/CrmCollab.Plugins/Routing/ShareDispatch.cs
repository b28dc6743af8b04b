using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The carriers of a large re-routing's shares (<see cref="Domain.Routing.WorkShare"/>): the rule, the dedicated owner
    /// row, the account, the user. <see cref="Start"/> saves the carrier once for each share, which starts its background
    /// run; whether the platform accepts every such save is not documented for each carrier — a disabled user's row, above
    /// all, may be refused where the user has lost their licence — so a refused first save starts nothing and the caller
    /// re-routes what one run may take; a refused later save leaves the shares not started to the next change
    /// (asynchronous steps only: a refused call inside them dooms no transaction). <see cref="IsOwnShareSave"/> is each
    /// carrier guard's first check: no client writes a share.
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

        /// <summary>
        /// The first check of each carrier's guard (PreOperation Create and Update): a client's save sending the share column
        /// is refused with <paramref name="sentence"/>; CrmCollab's own save of a share (SYSTEM) sending nothing else changes
        /// nothing the guard's other checks judge, so true tells the guard to stop there.
        /// </summary>
        public static bool IsOwnShareSave(LocalPluginContext context, string column, string sentence)
        {
            Entity target = context.TargetEntity;
            if (target == null || !target.Contains(column)) return false;
            if (!ServerCall.IsSystem(context))
                throw new InvalidPluginExecutionException(new Refusal(RefusalCodes.ServerOwnedColumn, sentence).Message);
            return target.Attributes.Keys.All(name => name == column || name == target.LogicalName + "id");
        }
    }
}
