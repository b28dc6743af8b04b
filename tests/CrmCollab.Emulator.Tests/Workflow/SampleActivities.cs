using System;
using System.Activities;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCollab.Emulator.Tests.Workflow
{
    /// <summary>Counts an account's contacts of a kind, as a workflow step would, through the context's services.</summary>
    public sealed class CountContactsActivity : CodeActivity
    {
        [RequiredArgument]
        [Input("Account")]
        [ReferenceTarget("account")]
        public InArgument<EntityReference> Account { get; set; }

        [Input("Kind")]
        [AttributeTarget("contact", "customertypecode")]
        public InArgument<OptionSetValue> Kind { get; set; }

        [Input("Minimum")]
        [Default("2")]
        public InArgument<int> Minimum { get; set; }

        [Output("Count")]
        public OutArgument<int> Count { get; set; }

        [Output("Enough")]
        public OutArgument<bool> Enough { get; set; }

        protected override void Execute(CodeActivityContext context)
        {
            var workflow = context.GetExtension<IWorkflowContext>();
            var tracing = context.GetExtension<ITracingService>();
            var service = context.GetExtension<IOrganizationServiceFactory>().CreateOrganizationService(workflow.UserId);
            var account = Account.Get(context);
            tracing.Trace("Counting contacts of {0} (run on {1} {2})", account.Id, workflow.PrimaryEntityName, workflow.PrimaryEntityId);

            var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("contactid") };
            query.Criteria.AddCondition("parentcustomerid", ConditionOperator.Equal, account.Id);
            var kind = Kind.Get(context);
            if (kind != null) query.Criteria.AddCondition("customertypecode", ConditionOperator.Equal, kind.Value);
            var count = service.RetrieveMultiple(query).Entities.Count;

            Count.Set(context, count);
            Enough.Set(context, count >= Minimum.Get(context));
            tracing.Trace("Found {0}", count);
        }
    }

    /// <summary>Fails the way plugin code often does.</summary>
    public sealed class FailingActivity : CodeActivity
    {
        [Input("Business error")]
        public InArgument<bool> BusinessError { get; set; }

        protected override void Execute(CodeActivityContext context)
        {
            if (BusinessError.Get(context)) throw new InvalidPluginExecutionException("The account is on hold.");
            throw new InvalidOperationException("Sequence contains no elements");
        }
    }

    /// <summary>A CodeActivity&lt;T&gt;: its return value is the Result output.</summary>
    public sealed class DoubleActivity : CodeActivity<decimal>
    {
        [Input("Amount")]
        public InArgument<Money> Amount { get; set; }

        protected override decimal Execute(CodeActivityContext context) => Amount.Get(context).Value * 2;
    }

    /// <summary>Asks the factory for a service for null, Guid.Empty, the workflow's user and another user.</summary>
    public sealed class CreateServicesActivity : CodeActivity
    {
        [Input("Other user")]
        public InArgument<Guid> OtherUser { get; set; }

        protected override void Execute(CodeActivityContext context)
        {
            var factory = context.GetExtension<IOrganizationServiceFactory>();
            factory.CreateOrganizationService(null);
            factory.CreateOrganizationService(Guid.Empty);
            factory.CreateOrganizationService(context.GetExtension<IWorkflowContext>().UserId);
            factory.CreateOrganizationService(OtherUser.Get(context));
        }
    }

    /// <summary>Ends the workflow as canceled.</summary>
    public sealed class StopActivity : CodeActivity
    {
        protected override void Execute(CodeActivityContext context) =>
            throw new StopWorkflowException(XrmWorkflowCompletionStatus.Canceled, "Nothing to do.");
    }

    /// <summary>Contacts in memory; records the user each service was created for.</summary>
    internal sealed class ContactServiceFactory : IOrganizationServiceFactory, IOrganizationService
    {
        public List<Entity> Contacts { get; } = new List<Entity>();

        public List<Guid?> CreatedFor { get; } = new List<Guid?>();

        public IOrganizationService CreateOrganizationService(Guid? userId)
        {
            CreatedFor.Add(userId);
            return this;
        }

        public EntityCollection RetrieveMultiple(QueryBase query)
        {
            var conditions = ((QueryExpression)query).Criteria.Conditions;
            var rows = Contacts.Where(c => conditions.All(x => Matches(c.Attributes.TryGetValue(x.AttributeName, out var v) ? v : null, x.Values[0])));
            return new EntityCollection(rows.ToList());
        }

        private static bool Matches(object stored, object wanted) => stored switch
        {
            EntityReference r => r.Id.Equals(wanted),
            OptionSetValue o => o.Value.Equals(wanted),
            _ => Equals(stored, wanted),
        };

        public Guid Create(Entity entity) => throw new NotSupportedException();
        public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => throw new NotSupportedException();
        public void Update(Entity entity) => throw new NotSupportedException();
        public void Delete(string entityName, Guid id) => throw new NotSupportedException();
        public OrganizationResponse Execute(OrganizationRequest request) => throw new NotSupportedException();
        public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();
        public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) =>
            throw new NotSupportedException();
    }
}
