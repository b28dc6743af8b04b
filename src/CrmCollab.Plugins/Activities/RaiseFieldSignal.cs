using System.Activities;
using System.Linq;
using CrmCollab.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: raise a field signal on an account as the workflow's user, so the same rules run as for a
    /// signal typed in a form (validation, routing to the salesperson, lead, churn flag); returns what was made. A
    /// competitor-presence signal names its competitor (Competitor), as the form asks.
    /// Once saved the signal belongs to the account's salesperson, so an ADV, Logistics or SAV user (Basic read on signals,
    /// no read on leads) may no longer read it: Lead is read back with a query, which returns only rows the user may
    /// read, and stays empty for them (the signal is raised all the same; the salesperson gets the lead).
    /// </summary>
    public sealed class RaiseFieldSignal : ActivityBase
    {
        [RequiredArgument]
        [Input("Account")]
        [ReferenceTarget(Data.Account.Table)]
        public InArgument<EntityReference> Account { get; set; }

        [RequiredArgument]
        [Input("Kind")]
        [AttributeTarget(FieldSignalRow.Table, FieldSignalRow.Kind)]
        public InArgument<OptionSetValue> Kind { get; set; }

        [RequiredArgument]
        [Input("Description")]
        public InArgument<string> Description { get; set; }

        /// <summary>
        /// The competitor seen at the account: a competitor-presence signal needs it (refused without, as in the form),
        /// other kinds may name one. Optional, so workflows built before it keep working.
        /// </summary>
        [Input("Competitor")]
        [ReferenceTarget(Data.Competitor.Table)]
        public InArgument<EntityReference> Competitor { get; set; }

        [Output("Signal")]
        [ReferenceTarget(FieldSignalRow.Table)]
        public OutArgument<EntityReference> Signal { get; set; }

        [Output("Lead")]
        [ReferenceTarget(Data.Lead.Table)]
        public OutArgument<EntityReference> Lead { get; set; }

        protected override string StepName => "Raise Field Signal";

        protected override string NeededRights =>
            "create field signals about the account (the CrmCollab ADV, Logistics, SAV and Salesperson roles, on accounts they may read)";

        protected override void Run(ActivityContext context)
        {
            EntityReference account = Account.Get(context.Activity);
            OptionSetValue kind = Kind.Get(context.Activity);
            if (account == null) throw MissingInput(StepName, "the account the signal is about", "Account");
            // As the workflow's user (the only service a workflow step has): the signal is raised by them, with their rights.
            IOrganizationService service = context.WorkflowUserService;
            var signal = new Entity(FieldSignalRow.Table)
            {
                [FieldSignalRow.AccountId] = account,
                [FieldSignalRow.Kind] = kind,
                [FieldSignalRow.Description] = Description.Get(context.Activity),
            };
            EntityReference competitor = Competitor.Get(context.Activity);
            if (competitor != null) signal[FieldSignalRow.CompetitorId] = competitor;
            var id = service.Create(signal);
            Signal.Set(context.Activity, new EntityReference(FieldSignalRow.Table, id));
            Lead.Set(context.Activity, LeadOf(service, id));
        }

        /// <summary>The lead CrmCollab made of the signal, when the user may still read the signal (a query: no fault when not).</summary>
        private static EntityReference LeadOf(IOrganizationService service, System.Guid signalId)
        {
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(FieldSignalRow.LeadId), TopCount = 1 };
            query.Criteria.AddCondition(FieldSignalRow.Id, ConditionOperator.Equal, signalId);
            Entity visible = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            return visible?.Read<EntityReference>(FieldSignalRow.LeadId);
        }
    }
}
