using System;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Recognises the one write allowed through the lock: AmendmentApplication applying an approved amendment.
    /// That write is a nested call whose ParentContext is the amendment's own Update pipeline at PostOperation,
    /// with the Target AmendmentValidation turned into Applied. The platform builds ParentContext itself, so no
    /// client (API, import, flow) can forge it, unlike a shared variable or a "tag" parameter a caller may send.
    /// The parent context alone is not enough: another step of the approval running as the approver, or the platform
    /// writing a deal sent as a related row with the approval ("Update related table rows in one operation"), has it too.
    /// AmendmentApplication writes through the SYSTEM service, so that is asked last (<see cref="ServerCall.IsSystem"/>).
    /// </summary>
    public static class AmendmentPath
    {
        public static bool IsApplying(LocalPluginContext context, Guid opportunityId) =>
            FollowsApproval(context.ExecutionContext, opportunityId) && ServerCall.IsSystem(context);

        private static bool FollowsApproval(IPluginExecutionContext context, Guid opportunityId)
        {
            IPluginExecutionContext parent = context.ParentContext;
            if (parent == null || parent.Stage < 30 // the call comes from the approval's own operation, after its checks
                || !string.Equals(parent.MessageName, "Update", StringComparison.OrdinalIgnoreCase)
                || !string.Equals(parent.PrimaryEntityName, AmendmentRow.Table, StringComparison.OrdinalIgnoreCase))
                return false;
            if (!parent.InputParameters.TryGetValue("Target", out object value) || !(value is Entity amendment)) return false;
            if (amendment.Choice(AmendmentRow.State) != (int)AmendmentState.Applied) return false;
            // The amendment's post-image names its deal: the pass is for that opportunity only.
            Entity image = parent.PostEntityImages != null && parent.PostEntityImages.Contains(AmendmentApplication.PostImage)
                ? parent.PostEntityImages[AmendmentApplication.PostImage] : null;
            return image == null || image.RefId(AmendmentRow.OpportunityId) == opportunityId;
        }
    }
}
