using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator imports the logistics desks in one request: "Logistics default → Lena" and "Logistics default → Leo",
    /// both for every account at priority 100. Routing would pick one of the two by an internal order and the other would
    /// never receive any work. Whether each rule's PreOperation check runs before the other rule of a CreateMultiple or
    /// UpdateMultiple is saved is not documented; each scenario runs on the organisation as shipped, and on one where each
    /// rule's PreOperation check ran before the other was saved (those steps left out: with no earlier rule saved, they
    /// would have seen nothing to tie with), as for two overlapping dedicated owners (OverlappingOwnerBatchScenarios).
    /// </summary>
    public class RoutingRuleTieBatchScenarios
    {
        private static readonly string[] Touched = { "crmc_routingrule" };
        private CrmCollabOrg _org;
        private Guid _lena, _leo;

        /// <param name="setStateRunsNoUpdateStep">No page says a SetState runs the Update steps: leave the rule's Update steps out too.</param>
        private void Start(bool preChecksSawNoSibling, bool setStateRunsNoUpdateStep = false)
        {
            _org = new CrmCollabOrg((solution, options) =>
            {
                if (preChecksSawNoSibling)
                    solution.Steps.RemoveAll(s => s.PluginTypeName == typeof(Routing.RoutingRuleValidation).FullName
                        && s.PrimaryEntity == "crmc_routingrule"
                        && (s.Stage == StepStage.PreOperation || (setStateRunsNoUpdateStep && s.MessageName == "Update")));
            });
            _lena = _org.User("Lena Logistics", "CrmCollab Logistics");
            _leo = _org.User("Leo Logistics", "CrmCollab Logistics");
        }

        private static Entity Rule(string name, Guid user, int priority, int? industry = null)
        {
            var rule = new Entity("crmc_routingrule")
            {
                ["crmc_name"] = name, ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Logistics),
                ["crmc_userid"] = new EntityReference("systemuser", user), ["crmc_priority"] = priority, ["crmc_isactive"] = true,
            };
            if (industry.HasValue) rule["crmc_industrycode"] = new OptionSetValue(industry.Value);
            return rule;
        }

        private int Rules()
        {
            var query = new QueryExpression("crmc_routingrule") { ColumnSet = new ColumnSet(false) };
            return _org.System.RetrieveMultiple(query).Entities.Count;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_logistics_defaults_at_the_same_priority_imported_in_one_create_multiple_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);
            var batch = new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Rule("Logistics default", _lena, 100), Rule("Logistics default (Leo)", _leo, 100) })
                    { EntityName = "crmc_routingrule" },
            };

            string refusal = _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied, () => _org.As(_org.Admin).Execute(batch), Touched);
            Assert.Contains("only one of the two would ever receive the work", refusal);
            Assert.Equal(0, Rules());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_logistics_defaults_at_the_same_priority_sent_in_one_transaction_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);

            _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied, () => CrmCollabOrg.InExecuteTransaction(_org.As(_org.Admin),
                new CreateRequest { Target = Rule("Logistics default", _lena, 100) }, new CreateRequest { Target = Rule("Logistics default (Leo)", _leo, 100) }), Touched);
            Assert.Equal(0, Rules());
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_ranked_rules_moved_onto_the_same_priority_in_one_update_multiple_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling);
            IOrganizationService admin = _org.As(_org.Admin);
            Guid lenaRule = admin.Create(Rule("Logistics default", _lena, 90));
            Guid leoRule = admin.Create(Rule("Logistics default (Leo)", _leo, 110));
            var batch = new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    new Entity("crmc_routingrule", lenaRule) { ["crmc_priority"] = 100 },
                    new Entity("crmc_routingrule", leoRule) { ["crmc_priority"] = 100 },
                }) { EntityName = "crmc_routingrule" },
            };

            _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied, () => admin.Execute(batch), Touched);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Two_retired_logistics_defaults_made_active_again_in_one_transaction_are_refused(bool preChecksSawNoSibling)
        {
            Start(preChecksSawNoSibling, setStateRunsNoUpdateStep: true);
            IOrganizationService admin = _org.As(_org.Admin);
            Guid lenaRule = admin.Create(Rule("Logistics default", _lena, 100));
            Guid leoRule = admin.Create(Rule("Logistics default (Leo)", _leo, 100, industry: 27));
            SetStateRequest State(Guid rule, int state) => new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_routingrule", rule), State = new OptionSetValue(state), Status = new OptionSetValue(state == 0 ? 1 : 2),
            };
            admin.Execute(State(lenaRule, 1));
            admin.Execute(State(leoRule, 1));
            admin.Update(new Entity("crmc_routingrule", leoRule) { ["crmc_industrycode"] = null }); // retired, it ties with nothing

            _org.RefusedNamingNoId(RefusalCodes.RoutingRuleTied,
                () => CrmCollabOrg.InExecuteTransaction(admin, State(lenaRule, 0), State(leoRule, 0)), Touched);
        }

        [Fact]
        public void Rules_a_batch_ranks_apart_are_all_saved()
        {
            Start(preChecksSawNoSibling: true);
            _org.As(_org.Admin).Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity>
                {
                    Rule("Logistics default", _lena, 100), Rule("Logistics default (Leo)", _leo, 90), Rule("Logistics retail", _leo, 100, industry: 27),
                }) { EntityName = "crmc_routingrule" },
            });
            Assert.Equal(3, Rules());
        }
    }
}
