using System;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using CrmCollab.Emulator.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>
    /// WinOpportunity / LoseOpportunity: refuse a closed opportunity, create the completed opportunityclose
    /// activity, then move the opportunity to Won (1) / Lost (2) with the given status (default 3 Won / 4 Canceled),
    /// actualclosedate and, on win, actualvalue from OpportunityClose.actualrevenue, else the estimated revenue (Opportunity
    /// table reference, ActualValue: it "defaults to the Est. Revenue value when an opportunity is won"). Both writes are sub-operations in
    /// the Win/Lose transaction: the activity's Create runs the Create pipeline of opportunityclose (its steps see
    /// ParentContext.MessageName "Win"/"Lose" on opportunity), the state change an internal Update, so Update steps on
    /// opportunity fire too, once (whether the platform runs them on Win is undocumented; the documented split of state and
    /// other columns is of a caller's Update, not of this one). A failure in either rolls back all.
    /// </summary>
    internal abstract class CloseOpportunityHandler : IMessageHandler
    {
        protected abstract int State { get; }
        protected abstract int DefaultStatus { get; }
        protected abstract bool Won { get; }
        public abstract string MessageName { get; }

        /// <summary>The pipeline's message: WinOpportunityRequest runs the "Win" sdkmessage, LoseOpportunityRequest "Lose".</summary>
        protected abstract string PipelineMessage { get; }

        public OrganizationResponse Handle(MessageContext context)
        {
            var close = context.Required<Entity>("OpportunityClose");
            var opportunity = close.GetAttributeValue<EntityReference>("opportunityid")
                ?? throw Faults.Invalid("OpportunityClose.opportunityid is required.");
            var row = context.Store.RequireRow("opportunity", opportunity.Id);
            if (row.GetAttributeValue<OptionSetValue>("statecode")?.Value != 0)
                throw Faults.Create(ErrorCodes.OpportunityIsAlreadyClosed, "The opportunity is already closed.");
            return context.Run(new OperationSpec
            {
                MessageName = PipelineMessage,
                PrimaryEntityName = "opportunity",
                PrimaryEntityId = opportunity.Id,
                Main = op =>
                {
                    var activity = EntityCloner.Clone((Entity)op.InputParameters["OpportunityClose"]);
                    activity.LogicalName = "opportunityclose";
                    activity["statecode"] = new OptionSetValue(1);
                    activity["statuscode"] = new OptionSetValue(2);
                    if (!activity.Contains("actualend")) activity["actualend"] = context.Engine.Clock.UtcNow;
                    context.Inner(op, new OrganizationRequest("Create") { ["Target"] = activity });

                    op.InputParameters.TryGetValue<OptionSetValue>("Status", out var status);
                    int statusValue = status == null || status.Value == -1 ? DefaultStatus : status.Value;
                    var update = new Entity("opportunity", opportunity.Id)
                    {
                        ["statecode"] = new OptionSetValue(State),
                        ["statuscode"] = new OptionSetValue(statusValue),
                        ["actualclosedate"] = activity.GetAttributeValue<DateTime?>("actualend") ?? context.Engine.Clock.UtcNow,
                    };
                    if (Won && activity.GetAttributeValue<Money>("actualrevenue") is Money revenue)
                        update["actualvalue"] = new Money(revenue.Value);
                    else if (Won && context.Store.RequireRow("opportunity", opportunity.Id).GetAttributeValue<Money>("estimatedvalue") is Money estimate)
                        update["actualvalue"] = new Money(estimate.Value); // "defaults to the Est. Revenue value when an opportunity is won"
                    context.Inner(op, new OrganizationRequest("Update") { ["Target"] = update });
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }

    internal sealed class WinOpportunityHandler : CloseOpportunityHandler
    {
        public override string MessageName => "WinOpportunity";
        protected override string PipelineMessage => "Win";
        protected override int State => 1;
        protected override int DefaultStatus => 3;
        protected override bool Won => true;
    }

    internal sealed class LoseOpportunityHandler : CloseOpportunityHandler
    {
        public override string MessageName => "LoseOpportunity";
        protected override string PipelineMessage => "Lose";
        protected override int State => 2;
        protected override int DefaultStatus => 4;
        protected override bool Won => false;
    }
}
