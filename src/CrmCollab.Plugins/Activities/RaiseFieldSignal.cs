using System.Activities;
using CrmCollab.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Plugins.Activities
{
    /// <summary>
    /// Workflow step: raise a field signal on an account as the workflow's user, so the same rules run as for a
    /// signal typed in a form (validation, routing to the salesperson, lead, churn flag); returns what was made.
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

        [Output("Signal")]
        [ReferenceTarget(FieldSignalRow.Table)]
        public OutArgument<EntityReference> Signal { get; set; }

        [Output("Lead")]
        [ReferenceTarget(Data.Lead.Table)]
        public OutArgument<EntityReference> Lead { get; set; }

        protected override void Run(ActivityContext context)
        {
            EntityReference account = Account.Get(context.Activity);
            OptionSetValue kind = Kind.Get(context.Activity);
            if (account == null) throw MissingInput("Raise Field Signal", "the account the signal is about", "Account");
            // As the workflow's user: the signal is raised by them, with their rights.
            IOrganizationService service = context.Activity.GetExtension<IOrganizationServiceFactory>()
                .CreateOrganizationService(context.Workflow.UserId);
            var signal = new Entity(FieldSignalRow.Table)
            {
                [FieldSignalRow.AccountId] = account,
                [FieldSignalRow.Kind] = kind,
                [FieldSignalRow.Description] = Description.Get(context.Activity),
            };
            var id = service.Create(signal);
            Entity created = context.SystemService.Retrieve(FieldSignalRow.Table, id, new ColumnSet(FieldSignalRow.LeadId));
            Signal.Set(context.Activity, new EntityReference(FieldSignalRow.Table, id));
            Lead.Set(context.Activity, created.Read<EntityReference>(FieldSignalRow.LeadId));
        }
    }
}
