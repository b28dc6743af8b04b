using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using CrmCollab.Tooling.Tests.Packaging;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Tooling.Tests.Solution
{
    /// <summary>Each shipped role holds what its people's jobs take, and on the engine they can do those jobs.</summary>
    public class RoleTests
    {
        private static Dictionary<string, HashSet<string>> ShippedRoles() =>
            Directory.GetFiles(Path.Combine(PackagingFixture.Solution, "Roles"), "*.xml").Select(XDocument.Load).ToDictionary(
                d => (string)d.Root.Attribute("name"),
                d => d.Root.Descendants("RolePrivilege").Select(p => $"{(string)p.Attribute("name")}:{(string)p.Attribute("level")}").ToHashSet());

        [Fact]
        public void Each_role_holds_exactly_the_privileges_its_jobs_take()
        {
            var shipped = ShippedRoles();
            Assert.Equal(RoleJobs.ByRole.Keys.OrderBy(k => k), shipped.Keys.OrderBy(k => k));
            foreach (var (role, jobs) in RoleJobs.ByRole)
            {
                var needed = jobs.SelectMany(j => j.Privileges).ToHashSet();
                Assert.True(needed.SetEquals(shipped[role]),
                    $"{role}: missing [{string.Join(", ", needed.Except(shipped[role]))}], more than its jobs take [{string.Join(", ", shipped[role].Except(needed))}]");
            }
        }

        [Fact]
        public void Business_process_flow_privileges_are_global_as_the_tables_are_organization_owned()
        {
            foreach (var (role, privileges) in ShippedRoles())
                foreach (var p in privileges.Where(p => p.Contains("SalesProcess:")))
                    Assert.True(p.EndsWith(":Global", StringComparison.Ordinal), $"{role}: {p}");
        }

        [Fact]
        public void The_salesperson_moves_a_small_deal_through_the_sales_process_and_wins_it()
        {
            var org = new AppOrg();
            var rep = org.As(org.Rep);
            var deal = org.SmallDeal(org.Account());
            var instance = rep.Create(new Entity("opportunitysalesprocess")
            {
                ["name"] = "Opportunity Sales Process", ["opportunityid"] = new EntityReference("opportunity", deal),
                ["processid"] = new EntityReference("workflow", WellKnownProcesses.OpportunitySalesProcessId),
                ["activestageid"] = new EntityReference("processstage", WellKnownProcesses.OpportunityQualifyStageId),
            });
            foreach (var stage in new[] { WellKnownProcesses.OpportunityDevelopStageId, WellKnownProcesses.OpportunityProposeStageId, WellKnownProcesses.OpportunityCloseStageId })
                rep.Update(new Entity("opportunitysalesprocess", instance) { ["activestageid"] = new EntityReference("processstage", stage) });

            Assert.Equal(WellKnownProcesses.OpportunityCloseStageId,
                rep.Retrieve("opportunitysalesprocess", instance, new ColumnSet("activestageid")).GetAttributeValue<EntityReference>("activestageid").Id);
            rep.Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal), ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            });
            Assert.Equal(1, rep.Retrieve("opportunity", deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Theory]
        [InlineData("opportunity")]
        [InlineData("lead")]
        public void The_salesperson_reads_the_process_of_the_flows_it_moves_as_the_forms_process_bar_does(string table)
        {
            // The form's process bar draws a flow from its process (the workflow row: its definition, stages and
            // conditions); a role with the flow table's privileges but no read on Process sees at most the first stage,
            // and the next stage never appears (Power Users community thread "Users cannot see Business Process Flow
            // stages with custom security role": Read on Process, Customization tab). Nobody owns the out-of-box
            // processes but the system, so only Global reaches them. (The stages' own rows are not read here: no
            // Microsoft privilege list names a ProcessStage privilege, so no role carries one.)
            var org = new AppOrg();
            var process = table == "opportunity" ? WellKnownProcesses.OpportunitySalesProcessId : WellKnownProcesses.LeadToOpportunitySalesProcessId;

            var flow = org.As(org.Rep).Retrieve("workflow", process, new ColumnSet("name", "clientdata", "primaryentity", "category"));

            Assert.Equal(table, flow.GetAttributeValue<string>("primaryentity"));
            Assert.Equal(4, flow.GetAttributeValue<OptionSetValue>("category").Value); // a business process flow
        }

        [Fact]
        public void Downstream_people_raise_signals_the_salesperson_acknowledges()
        {
            var org = new AppOrg();
            var account = org.Account();
            foreach (var person in new[] { org.Adv, org.Logistics, org.Sav })
            {
                var signal = org.As(person).Create(new Entity("crmc_fieldsignal")
                {
                    ["crmc_name"] = "Unhappy with delays", ["crmc_accountid"] = new EntityReference("account", account),
                    ["crmc_kind"] = new OptionSetValue(100000002), ["crmc_description"] = "The plant manager is looking at other suppliers.",
                });
                org.Engine.DrainAsync();
                Assert.Equal(org.Rep, org.As(org.Rep).Retrieve("crmc_fieldsignal", signal, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
                org.As(org.Rep).Update(new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = AppOrg.Start.AddHours(2) });
            }
            var unacknowledged = new QueryExpression("crmc_fieldsignal") { ColumnSet = new ColumnSet("crmc_name") };
            unacknowledged.Criteria.AddCondition("crmc_acknowledgedon", ConditionOperator.Null);
            Assert.Empty(org.As(org.Rep).RetrieveMultiple(unacknowledged).Entities);
        }

        [Fact]
        public void The_administrator_maintains_rules_templates_and_owners_and_others_cannot()
        {
            var org = new AppOrg();
            var admin = org.As(org.Admin);
            var account = org.Account();
            admin.Create(new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = "Big deals need finance", ["crmc_function"] = new OptionSetValue(100000002), ["crmc_minamount"] = new Money(500000m),
                ["crmc_triggerstage"] = new OptionSetValue(1), ["crmc_gatestage"] = new OptionSetValue(2), ["crmc_slahours"] = 48, ["crmc_isactive"] = true,
            });
            admin.Create(new Entity("crmc_routingrule")
            {
                ["crmc_name"] = "Logistics desk", ["crmc_function"] = new OptionSetValue(100000001), ["crmc_priority"] = 100,
                ["crmc_userid"] = new EntityReference("systemuser", org.Logistics), ["crmc_isactive"] = true,
            });
            admin.Create(new Entity("crmc_handofftemplate")
            {
                ["crmc_name"] = "SAV: Onboard", ["crmc_subject"] = "Onboard", ["crmc_function"] = new OptionSetValue(100000004),
                ["crmc_dueoffsetdays"] = 14, ["crmc_sequence"] = 10, ["crmc_isactive"] = true,
            });
            admin.Create(new Entity("crmc_dedicatedowner")
            {
                ["crmc_name"] = "ADV owner", ["crmc_accountid"] = new EntityReference("account", account), ["crmc_function"] = new OptionSetValue(100000003),
                ["crmc_userid"] = new EntityReference("systemuser", org.Adv), ["crmc_validfrom"] = AppOrg.Start.AddDays(-1),
            });

            foreach (var person in new[] { org.Rep, org.Reviewer, org.Adv })
            {
                var e = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => org.As(person).Create(new Entity("crmc_feasibilityrule")
                {
                    ["crmc_name"] = "Sneaky", ["crmc_function"] = new OptionSetValue(100000002), ["crmc_triggerstage"] = new OptionSetValue(1),
                    ["crmc_gatestage"] = new OptionSetValue(2), ["crmc_slahours"] = 1,
                }));
                Assert.Contains("prvCreatecrmc_FeasibilityRule", e.Message);
            }
        }

        [Fact]
        public void Saving_a_new_owner_passes_work_on_only_where_the_role_holds_assign()
        {
            // Microsoft ties the Assign right to "Update of the ownerid column, or the legacy Assign message": the
            // salesperson hands a deal to a colleague (prvAssignOpportunity, own deals); the reviewer approves
            // amendments (Write on every one) but passing one to someone else is not a reviewer's job.
            var org = new AppOrg();
            var rep = org.As(org.Rep);
            var sales = org.System.Retrieve("systemuser", org.Rep, new ColumnSet("businessunitid")).GetAttributeValue<EntityReference>("businessunitid").Id;
            var colleague = new OrganizationSetup(org.System).CreateUser("Sid Sales", sales, "CrmCollab Salesperson");
            var account = org.Account();
            var handedOver = org.SmallDeal(account);
            var won = org.SmallDeal(account);
            rep.Execute(new WinOpportunityRequest
            {
                OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", won), ["subject"] = "Won" },
                Status = new OptionSetValue(3),
            });
            var amendment = rep.Create(new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Discount change", ["crmc_opportunityid"] = new EntityReference("opportunity", won),
                ["crmc_reason"] = "Customer asked for a bigger discount", ["crmc_state"] = new OptionSetValue(100000001), ["crmc_newdiscountpercent"] = 5m,
            });

            rep.Update(new Entity("opportunity", handedOver) { ["ownerid"] = new EntityReference("systemuser", colleague) });
            var refused = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => org.As(org.Reviewer).Update(
                new Entity("crmc_amendment", amendment) { ["ownerid"] = new EntityReference("systemuser", org.Reviewer) }));

            Assert.Equal(colleague, org.System.Retrieve("opportunity", handedOver, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
            Assert.Contains("prvAssigncrmc_Amendment", refused.Message);
            Assert.Equal(org.Rep, org.System.Retrieve("crmc_amendment", amendment, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id);
        }

        [Theory]
        [InlineData("BypassBusinessLogicExecution", "CustomSync", "prvBypassCustomBusinessLogic")]
        [InlineData("BypassCustomPluginExecution", true, "prvBypassCustomPlugins")]
        // The deal guard's own Update step, named by the id every organisation gets from the solution (anyone may read it).
        [InlineData("BypassBusinessLogicExecutionStepIds", "9b8f12a5-ee8b-66ae-9257-a80d9b9c3b4b", "prvBypassCustomBusinessLogic")]
        public void No_shipped_role_can_switch_the_rules_off_for_its_own_requests(string parameter, object value, string privilege)
        {
            // Documented: the bypass parameters skip custom logic for holders of the privilege (System Administrators by
            // default). No CrmCollab role carries it, so the guard still refuses a hand-set feasibility status.
            var org = new AppOrg();
            var deal = org.SmallDeal(org.Account());
            foreach (var person in new[] { org.Admin, org.Rep, org.Reviewer, org.Adv, org.Logistics, org.Sav })
            {
                var request = new UpdateRequest { Target = new Entity("opportunity", deal) { ["crmc_feasibilitystatus"] = new OptionSetValue(100000002) } };
                request.Parameters[parameter] = value;
                var e = Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => org.As(person).Execute(request));
                Assert.Contains(privilege, e.Message);
            }
            Assert.NotEqual(100000002, org.System.Retrieve("opportunity", deal, new ColumnSet("crmc_feasibilitystatus"))
                .GetAttributeValue<OptionSetValue>("crmc_feasibilitystatus")?.Value);
        }
    }
}
