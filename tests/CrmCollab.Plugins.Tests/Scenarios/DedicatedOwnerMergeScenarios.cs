using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// Merging a duplicate account moves its dedicated owners to the account that stays; the account must still have one
    /// owner per function at a time, whoever merges and however the merge is sent.
    /// </summary>
    public class DedicatedOwnerMergeScenarios
    {
        private static readonly string[] Touched = { "account", "crmc_dedicatedowner", "opportunity" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _lena, _leo, _kept, _duplicate, _duplicateRow;

        public DedicatedOwnerMergeScenarios()
        {
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
            _kept = _org.Account("Contoso");
            _duplicate = _org.Account("Contoso Ltd");
            _org.DedicatedOwner(_kept, BusinessFunction.Logistics, user: _lena);
            _duplicateRow = _org.DedicatedOwner(_duplicate, BusinessFunction.Logistics, user: _leo);
            _org.Deal(_duplicate);
        }

        private MergeRequest MergeDuplicate() => new MergeRequest
        {
            Target = new EntityReference("account", _kept), SubordinateId = _duplicate, UpdateContent = new Entity("account"),
        };

        private int ActiveLogisticsOwnersOfKept()
        {
            var query = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, _kept);
            query.Criteria.AddCondition("crmc_function", ConditionOperator.Equal, (int)BusinessFunction.Logistics);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 0);
            return _org.System.RetrieveMultiple(query).Entities.Count;
        }

        [Fact]
        public void Merging_a_duplicate_with_its_own_logistics_owner_never_leaves_the_account_two_owners_of_one_function()
        {
            foreach (Guid person in new[] { _org.Rep, _org.Admin })
            {
                IOrganizationService service = _org.As(person);
                string refusal = _org.RefusedNamingNoId(RefusalCodes.OwnerOverlap, () => service.Execute(MergeDuplicate()), Touched);
                _org.Refused(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteMultiple(service, MergeDuplicate()), Touched);
                _org.Refused(RefusalCodes.OwnerOverlap, () => CrmCollabOrg.InExecuteTransaction(service, MergeDuplicate()), Touched);
                Assert.StartsWith("Both accounts have a Logistics dedicated owner over the same period (Leo Logistics for the account " +
                    "merged away, Lena Logistics for the account that stays)", refusal);
            }
            Assert.Equal(1, ActiveLogisticsOwnersOfKept());

            _org.As(_org.Admin).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_dedicatedowner", _duplicateRow), State = new OptionSetValue(1), Status = new OptionSetValue(2),
            });
            _org.As(_org.Rep).Execute(MergeDuplicate());
            Assert.Equal(1, ActiveLogisticsOwnersOfKept());
        }

        [Fact]
        public void A_duplicate_whose_owner_is_of_another_function_merges_and_brings_its_owner()
        {
            Guid sally = _org.User("Sally SAV", "CrmCollab SAV");
            Guid other = _org.Account("Contoso SA");
            _org.DedicatedOwner(other, BusinessFunction.Sav, user: sally);

            _org.As(_org.Rep).Execute(new MergeRequest
            {
                Target = new EntityReference("account", _kept), SubordinateId = other, UpdateContent = new Entity("account"),
            });

            var query = new QueryExpression("crmc_dedicatedowner") { ColumnSet = new ColumnSet("crmc_function") };
            query.Criteria.AddCondition("crmc_accountid", ConditionOperator.Equal, _kept);
            Assert.Equal(new[] { (int)BusinessFunction.Logistics, (int)BusinessFunction.Sav },
                _org.System.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<OptionSetValue>("crmc_function").Value).OrderBy(v => v));
        }

        [Fact]
        public void The_open_handoff_of_a_merged_duplicates_won_deal_goes_to_the_logistics_owner_of_the_account_that_stays()
        {
            Guid dan = _org.User("Dan Default Logistics", "CrmCollab Logistics");
            _org.Rule("Logistics default", BusinessFunction.Logistics, dan);
            _org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid plant = _org.Account("Contoso Lille plant"); // no owner of its own: its handoff goes by the rule
            Guid deal = _org.Deal(plant);
            _org.Win(deal);
            Assert.Equal(dan, _org.HandoffTasks(deal).Entities.Single().GetAttributeValue<EntityReference>("ownerid").Id);

            Guid sid = _org.User("Sid Sysadmin", "System Administrator");
            _org.Setup.AssignRole(sid, "CrmCollab Administrator"); // a won deal's account is merged away by an administrator only
            _org.As(sid).Execute(new MergeRequest
            {
                Target = new EntityReference("account", _kept), SubordinateId = plant, UpdateContent = new Entity("account"),
            });
            _org.Engine.DrainAsync();

            Entity task = _org.HandoffTasks(deal).Entities.Single();
            Assert.Equal(_lena, task.GetAttributeValue<EntityReference>("ownerid").Id);
        }
    }
}
