using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Workflow;
using CrmCollab.Plugins.Activities;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>A classic workflow on won deals checking their handoffs, as the scenarios about what is missing ask it.</summary>
    public static class HandoffStepOrg
    {
        /// <summary>
        /// Runs the Create Post-Sale Handoff step on <paramref name="deal"/> as <paramref name="user"/> (the workflow's user);
        /// it fails when a handoff is missing. Returns its TasksCreated output.
        /// </summary>
        public static int RunHandoffStep(this CrmCollabOrg org, Guid deal, Guid user)
        {
            var reference = new EntityReference("opportunity", deal);
            WorkflowRunResult run = new WorkflowActivityRunner().Run<CreatePostSaleHandoff>(
                new Dictionary<string, object> { ["Opportunity"] = reference }, new WorkflowRunContext
                {
                    UserId = user, PrimaryEntity = reference, ServiceFactory = org.Engine.ServiceFactory, UtcNow = org.Engine.Clock.UtcNow,
                });
            return (int)run.Outputs["TasksCreated"];
        }
    }
}
