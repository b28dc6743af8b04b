using System;
using System.Linq;
using System.ServiceModel;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>Helpers of the source-of-truth scenarios: amendments, signals, settings, and test-only steps.</summary>
    public sealed partial class CrmCollabOrg
    {
        public static string Refusal(Action action) =>
            Assert.Throws<FaultException<OrganizationServiceFault>>(action).Detail.Message;

        /// <summary>Boots with one extra synchronous step of a plugin type from this test assembly.</summary>
        public static CrmCollabOrg WithTestStep<TPlugin>(string message, string table, StepStage stage, params string[] filtering)
            where TPlugin : IPlugin =>
            new CrmCollabOrg((solution, options) =>
            {
                var step = new StepDefinition
                {
                    Id = Guid.NewGuid(), Name = "Test: " + typeof(TPlugin).Name, MessageName = message, PrimaryEntity = table,
                    PluginTypeName = typeof(TPlugin).FullName, Stage = stage, Mode = StepMode.Synchronous,
                };
                step.FilteringAttributes.AddRange(filtering);
                solution.Steps.Add(step);
                options.PluginAssemblies.Add(typeof(TPlugin).Assembly);
            });

        public Guid Amendment(Guid deal, string reason = "Customer asked for a bigger discount", decimal? discount = 7m,
            Guid? asUser = null, bool submit = true)
        {
            var amendment = new Entity("crmc_amendment")
            {
                ["crmc_name"] = "Discount change",
                ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_reason"] = reason,
                ["crmc_state"] = new OptionSetValue((int)(submit ? AmendmentState.Submitted : AmendmentState.Draft)),
            };
            if (discount.HasValue) amendment["crmc_newdiscountpercent"] = discount.Value;
            return As(asUser ?? Rep).Create(amendment);
        }

        public void Decide(Guid amendment, Guid approver, AmendmentState decision, string comment = null)
        {
            var update = new Entity("crmc_amendment", amendment) { ["crmc_state"] = new OptionSetValue((int)decision) };
            if (comment != null) update["crmc_approvercomment"] = comment;
            As(approver).Update(update);
        }

        /// <summary>A current (pending) Finance review of the deal owned by <paramref name="reviewer"/>.</summary>
        public Guid FinanceReview(Guid deal, Guid reviewer, DateTime? due = null)
        {
            var review = new Entity("crmc_feasibilityreview")
            {
                ["crmc_name"] = "Finance review",
                ["crmc_opportunityid"] = new EntityReference("opportunity", deal),
                ["crmc_function"] = new OptionSetValue((int)BusinessFunction.Finance),
                ["crmc_decision"] = new OptionSetValue(100000000),
                ["ownerid"] = new EntityReference("systemuser", reviewer),
            };
            if (due.HasValue) review["crmc_duedate"] = due.Value;
            return System.Create(review);
        }

        public Guid Signal(Guid account, SignalKind kind, Guid raiser, string description = "Heard it at the plant", Guid? competitor = null)
        {
            var signal = new Entity("crmc_fieldsignal")
            {
                ["crmc_accountid"] = new EntityReference("account", account),
                ["crmc_kind"] = new OptionSetValue((int)kind),
                ["crmc_description"] = description,
            };
            if (competitor.HasValue) signal["crmc_competitorid"] = new EntityReference("competitor", competitor.Value);
            return As(raiser).Create(signal);
        }

        /// <summary>Sets an environment variable's current value as an administrator would.</summary>
        public void SetVariable(string schemaName, string value, Guid? asUser = null)
        {
            var definition = System.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
            {
                ColumnSet = new ColumnSet("schemaname"), Attributes = { "schemaname" }, Values = { schemaName },
            }).Entities.Single();
            // An admin changes the variable's current value where it has one (a definition has one value row), else adds it.
            IOrganizationService service = asUser.HasValue ? As(asUser.Value) : System;
            var current = System.RetrieveMultiple(new QueryByAttribute("environmentvariablevalue")
            {
                ColumnSet = new ColumnSet(false), Attributes = { "environmentvariabledefinitionid" }, Values = { definition.Id },
            }).Entities;
            if (current.Count > 0)
            {
                service.Update(new Entity("environmentvariablevalue", current[0].Id) { ["value"] = value });
                return;
            }
            service.Create(new Entity("environmentvariablevalue")
            {
                ["schemaname"] = schemaName,
                ["value"] = value,
                ["environmentvariabledefinitionid"] = definition.ToEntityReference(),
            });
        }

        public Entity Row(string table, Guid id, params string[] columns) => System.Retrieve(table, id, new ColumnSet(columns));

        /// <summary>
        /// A won deal of Litware, whose logistics owner is Lena and whose ADV owner is a desk team that lost its only role after
        /// it was named: the win cannot give the desk its contract (the other handoff is made, a note on the deal says why).
        /// </summary>
        public Guid DealWonWhileItsAdvDeskCannotOwn(out Guid lena)
        {
            lena = User("Lena Logistics", "CrmCollab Logistics");
            Guid desk = Setup.CreateTeam("ADV desk", Operations, Emulator.Security.TeamType.Owner, "CrmCollab ADV");
            Setup.AddMembers(desk, User("Alice ADV", "CrmCollab ADV"));
            Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Template("Plan the delivery", BusinessFunction.Logistics, 10, 20);
            Guid account = Account("Litware");
            DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            DedicatedOwner(account, BusinessFunction.Adv, team: desk);
            // Later someone swaps the desk's role (its business unit's copy) for one that reads no task: it holds a role, but can
            // no longer own the tasks routed to it. (A desk left with no role at all is passed over by routing: OwnerMovedBusinessUnitScenarios.)
            System.Disassociate("team", desk, new Relationship("teamroles_association"),
                new EntityReferenceCollection { new EntityReference("role", Setup.FindRole("CrmCollab ADV", Operations)) });
            Setup.CreateRole("Desk notice board", Operations);
            Setup.AssignTeamRole(desk, "Desk notice board");
            Guid deal = Deal(account);
            Win(deal);
            return deal;
        }

        public Entity HandoffOf(Guid deal, BusinessFunction function) =>
            HandoffTasks(deal).Entities.Single(t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)function);
    }
}
