using System;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>
    /// A custom API that reads with its caller's rights (as the workflow step it stands in for flows reads with its user's):
    /// Dataverse refusing the caller a privilege or access reads as one coded sentence naming what the caller must be
    /// allowed to do (<c>CRMC-CALLER-RIGHTS</c>), and a record that no longer exists as <paramref name="notFound"/>.
    /// </summary>
    public static class CallerReads
    {
        /// <summary>Dataverse's ObjectDoesNotExist (0x80040217): no row with that id.</summary>
        public const int ObjectDoesNotExist = unchecked((int)0x80040217);

        public static T Answer<T>(LocalPluginContext context, string api, string neededRights, Refusal notFound, Func<IOrganizationService, T> read)
        {
            try
            {
                return read(context.UserService);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == ObjectDoesNotExist)
            {
                context.Trace("{0}: {1}", api, fault.Detail.Message);
                throw new InvalidPluginExecutionException(notFound.Message);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail != null && PlatformFault.IsAccessDenied(fault.Detail.ErrorCode))
            {
                context.Trace("{0}: the caller may not read what it needs: {1}", api, fault.Detail.Message);
                throw new InvalidPluginExecutionException(new Refusal(RefusalCodes.CallerRights,
                    $"{api} reads with your rights, and you may not read all it needs: you must be allowed to {neededRights}. " +
                    "Ask your CrmCollab administrator for such a role.").Message);
            }
        }
    }
}
