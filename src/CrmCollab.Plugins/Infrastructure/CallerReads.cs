using System;
using System.ServiceModel;
using CrmCollab.Plugins.Domain;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Infrastructure
{
    /// <summary>
    /// A custom API that reads with its caller's rights (as the workflow step it stands in for flows reads with its user's):
    /// Dataverse refusing the caller a privilege or access, or finding no such row, reads as the caller's refusal
    /// (<see cref="CallerRefusals"/>), the platform's own text going to the trace.
    /// </summary>
    public static class CallerReads
    {
        /// <param name="row">The row the API was asked about, as people name it: "an opportunity".</param>
        public static T Answer<T>(LocalPluginContext context, string api, string neededRights, string row, Func<IOrganizationService, T> read)
        {
            try
            {
                return read(context.UserService);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail != null && PlatformFault.IsRowMissing(fault.Detail.ErrorCode))
            {
                context.Trace("{0}: {1}", api, fault.Detail.Message);
                throw new InvalidPluginExecutionException(CallerRefusals.RowMissing(api, row).Message);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail != null && PlatformFault.IsAccessDenied(fault.Detail.ErrorCode))
            {
                context.Trace("{0}: the caller may not read what it needs: {1}", api, fault.Detail.Message);
                throw new InvalidPluginExecutionException(CallerRefusals.LacksRights(api, neededRights).Message);
            }
        }
    }
}
