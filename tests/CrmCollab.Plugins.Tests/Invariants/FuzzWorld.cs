using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Feasibility;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The organisation the random operations play in: two reps, reviewers with backups, ADV and logistics people,
    /// an administrator; custom-deal rules for logistics and finance; two handoff templates. It picks the next
    /// action at random (seeded) among what people do — and what they try that should be refused.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private readonly Random _random;
        private readonly Guid[] _reps, _reviewers, _downstream;
        private readonly Guid _account, _otherAccount, _manager, _sysadmin;
        private readonly WonTermsLedger _wonTerms = new WonTermsLedger();
        private readonly ProductLedger _wonLines = new ProductLedger();
        private readonly GatePassages _passages = new GatePassages();
        private readonly WinRules _winRules = new WinRules();
        private readonly HashSet<Guid> _movedByMerge = new HashSet<Guid>();
        private readonly WonHandoffs _wonHandoffs = new WonHandoffs();
        private readonly List<Guid> _deals = new List<Guid>();

        public FuzzWorld(int seed)
        {
            _random = new Random(seed);
            // No page says whether the second part of a split save (state sent with other columns) is imaged before the request
            // or after its first part: odd seeds play the first reading, even seeds the engine's default (SplitSaveScenarios).
            Org = new CrmCollabOrg((solution, options) => options.SplitUpdateImagesBeforeRequest = seed % 2 != 0);
            Guid lena = Org.User("Lena Logistics", "CrmCollab Reviewer"), leo = Org.User("Leo Logistics backup", "CrmCollab Reviewer");
            Guid fiona = Org.User("Fiona Finance", "CrmCollab Reviewer"), frank = Org.User("Frank Finance backup", "CrmCollab Reviewer");
            Guid alice = Org.User("Alice ADV", "CrmCollab ADV"), bob = Org.User("Bob ADV backup", "CrmCollab ADV");
            Guid lou = Org.User("Lou Logistics", "CrmCollab Logistics"), liz = Org.User("Liz Logistics backup", "CrmCollab Logistics");
            _reps = new[] { Org.Rep, Org.User("Rita Rep", "CrmCollab Salesperson", Org.Sales) };
            _reviewers = new[] { lena, leo, fiona, frank };
            // A sales manager who is also a CrmCollab Administrator: handed a won deal, she may reopen it (to amend that sale).
            _manager = Org.Setup.CreateUser("Mia Manager", Org.Sales, "CrmCollab Salesperson", "CrmCollab Administrator");
            // Dataverse's own System Administrator, who holds every privilege but is no CrmCollab Administrator: CrmCollab's
            // rules hold for him as for anyone (docs/guards.md), only a bypass parameter switches them off.
            _sysadmin = Org.Setup.CreateUser("Sam Sysadmin", Org.Operations, "System Administrator");
            _downstream = new[] { alice, bob, lou, liz };
            _account = Org.Account("Contoso");
            Org.DedicatedOwner(_account, BusinessFunction.Logistics, user: lena, backup: leo);
            Org.DedicatedOwner(_account, BusinessFunction.Finance, user: fiona, backup: frank);
            Org.DedicatedOwner(_account, BusinessFunction.Adv, user: alice, backup: bob);
            Org.FeasibilityRule("Custom above 50k: logistics", BusinessFunction.Logistics, "crmc_requesteddelivery,products");
            Org.FeasibilityRule("Custom above 50k: finance", BusinessFunction.Finance, "crmc_discountpercent,estimatedvalue");
            _otherAccount = Org.Account("Fabrikam");
            Org.DedicatedOwner(_otherAccount, BusinessFunction.Logistics, user: leo, backup: lena);
            Org.DedicatedOwner(_otherAccount, BusinessFunction.Finance, user: frank, backup: fiona);
            Org.DedicatedOwner(_otherAccount, BusinessFunction.Adv, user: bob, backup: alice);
            Org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            Org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            SetUpDownstream();
            SetUpContacts();
            // Every other organisation has set up the unrouted desk (the Unrouted Handoffs Queue setting's default name), kept by a
            // dispatcher (who may leave and come back): work nobody is routed to — a deal without an account's included — waits there.
            SetUpDesk(withDesk: seed % 2 == 1);
            Org.Engine.DrainAsync();
        }

        public CrmCollabOrg Org { get; }

        public int WonDeals => _deals.Count(d => State(d) == 1);

        private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

        private int State(Guid deal) =>
            Org.System.Retrieve("opportunity", deal, new ColumnSet("statecode")).GetAttributeValue<OptionSetValue>("statecode").Value;

        public TableSnapshot Snapshot() => TableSnapshot.Take(Org.System, TableSnapshot.DealTables.Concat(new[]
            { "systemuser", "leadtoopportunitysalesprocess", "crmc_fieldsignal", "lead", "account", "crmc_dedicatedowner", "crmc_routingrule", "queueitem" }).ToArray());

        public FuzzAction Next()
        {
            _passages.Remember(Org.System);
            if (_deals.Count < 3) return NewDeal();
            switch (_random.Next(48)) // 30 to 37: the downstream side (FuzzWorld.Downstream); 38, 39: related rows (FuzzWorld.RelatedRows); 40, 41: a flow's questions (FuzzWorld.Answers); 42: a workflow's step (FuzzWorld.WorkflowSteps); 43: a forged or deleted handoff (FuzzWorld.HandoffForgery); 44: a review made by hand (FuzzWorld.HandMadeReviews); 45: a close recorded by hand (FuzzWorld.HandMadeCloses); 46: a feasibility rule, an account's industry or the pound's rate changed (FuzzWorld.FeasibilityRules); 47: a review passed on (FuzzWorld.ReviewHandOver), the Stage Requirements setting (FuzzWorld.Settings) or a handoff template (FuzzWorld.Templates) changed
            {
                case 40: return AskHandoffStatus();
                case 41: return AskDedicatedOwner();
                case 42: return WorkflowStep();
                case 43: return ForgeHandoff();
                case 44: return HandMadeReview();
                case 45: return HandMadeClose();
                case 46: switch (_random.Next(5)) { case 0: return AccountIndustryChange(); case 1: return PoundRateChange(); default: return FeasibilityRuleChange(); }
                case 47: switch (_random.Next(4)) { case 0: return StageRequirementsChange(); case 1: return TemplateChange(); default: return PassReview(); }
                case 20: case 21: return StartFlow();
                case 22: case 23: return MoveFlow();
                case 24: return RepointFlow();
                case 25: return StageWithState();
                case 26: return AddLine();
                case 27: return ChangeLine();
                case 28: return _random.Next(2) == 0 ? MoveLine() : DeleteLine();
                case 29: return _random.Next(3) == 0 ? HandToManager() : _random.Next(2) == 0 ? DeleteLine() : AddLine();
                case 38: case 39: return RelatedRows();
                case 13: return Assign();
                case 14: return ChangeAccount();
                case 15: return SendServerColumns();
                case 16: return MoveAndChangeTerms();
                case 17: return ReviewState();
                case 18: return RaiseAmendment();
                case 19: return DecideAmendment();
                case 0: return NewDeal();
                case 1: case 2: return Move();
                case 3: case 4: return Decide();
                case 5: return ChangeTerms();
                case 6: case 7: return Win();
                case 8: return Reopen();
                case 9: return Staff();
                case 10: return CloseHandoff();
                case 11: return Lose();
                case 12: return Delete();
                default: return Downstream();
            }
        }

        private FuzzAction NewDeal()
        {
            Guid rep = Pick(_reps);
            bool custom = _random.Next(3) > 0;
            decimal amount = 20000m + 10000m * _random.Next(14);
            int stage = _random.Next(6) == 0 ? _random.Next(4) : 0;
            var row = new Entity("opportunity")
            {
                ["name"] = "Deal " + _deals.Count, ["customerid"] = new EntityReference("account", _account),
                ["estimatedvalue"] = new Money(amount), ["budgetamount"] = new Money(amount), ["crmc_iscustomsolution"] = custom,
                ["crmc_discountpercent"] = (decimal)_random.Next(0, 20), ["salesstage"] = new OptionSetValue(stage),
                ["customerneed"] = "Line retrofit", ["decisionmaker"] = true, ["estimatedclosedate"] = CrmCollabOrg.Start.AddDays(40),
                ["crmc_paymentterms"] = new OptionSetValue(100000000),
            };
            if (_random.Next(4) == 0) row["transactioncurrencyid"] = new EntityReference("transactioncurrency", _pound); // a deal in pounds
            // Now and then an import that creates it won or lost outright, past every review.
            string closed = "";
            if (_random.Next(12) == 0)
            {
                bool won = _random.Next(2) == 0;
                row["statecode"] = new OptionSetValue(won ? 1 : 2);
                row["statuscode"] = new OptionSetValue(won ? 3 : 4);
                closed = won ? " created won" : " created lost";
            }
            int channel = _random.Next(FuzzChannel.CreateNames.Length);
            Guid id = NewId();
            return new FuzzAction($"new deal {amount} custom={custom} at stage {stage}{closed} by {FuzzChannel.CreateNames[channel]}", () =>
                _deals.Add(FuzzChannel.Create(Org.As(rep), row, channel, id)));
        }

        private FuzzAction Move()
        {
            Guid deal = Pick(_deals);
            int stage = _random.Next(4);
            int channel = Channel();
            return new FuzzAction($"move {deal} to stage {stage} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(OwnerOf(deal)), new Entity("opportunity", deal) { ["salesstage"] = new OptionSetValue(stage) }, channel));
        }

        private FuzzAction Decide()
        {
            var pending = Org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityreview")
            {
                ColumnSet = new ColumnSet("ownerid"),
                Criteria = { Conditions = { new ConditionExpression("crmc_decision", ConditionOperator.Equal, (int)ReviewDecision.Pending) } },
            }).Entities;
            if (pending.Count == 0) return Move();
            Entity review = Pick(pending);
            // Mostly the owner decides; sometimes another reviewer or the System Administrator tries, or the sales manager
            // decides as a CrmCollab Administrator (who may, even on a deal she owns or comes to own: the gate, Get Feasibility
            // Status and its step must agree).
            int who = _random.Next(10);
            Guid decider = who == 0 ? _manager : who == 1 ? _sysadmin : who < 4 ? Pick(_reviewers) : Person(review.GetAttributeValue<EntityReference>("ownerid"));
            var decision = Pick(new[] { ReviewDecision.Approved, ReviewDecision.Approved, ReviewDecision.ApprovedWithConditions, ReviewDecision.Rejected, ReviewDecision.Withdrawn });
            int channel = Channel();
            return new FuzzAction($"{decider} decides {review.Id} {decision} by {FuzzChannel.Names[channel]}", () =>
            {
                var update = new Entity("crmc_feasibilityreview", review.Id) { ["crmc_decision"] = new OptionSetValue((int)decision) };
                if (decision == ReviewDecision.ApprovedWithConditions) update["crmc_conditions"] = "Deliver in two lots";
                if (decision == ReviewDecision.Rejected && _random.Next(2) == 0) update["crmc_rejectionreason"] = "No capacity";
                FuzzChannel.Update(Org.As(decider), update, channel);
            });
        }

        private FuzzAction ChangeTerms()
        {
            Guid deal = Pick(_deals);
            Entity change = TermsChange(deal);
            int channel = Channel();
            return new FuzzAction($"{string.Join(",", change.Attributes.Keys)} on {deal} by {FuzzChannel.Names[channel]}", () =>
                FuzzChannel.Update(Org.As(OwnerOf(deal)), change, channel));
        }

        private FuzzAction Win()
        {
            Guid deal = Pick(_deals);
            WinOpportunityRequest win = WinRequest(deal);
            if (_random.Next(2) == 0) return new FuzzAction($"win {deal}", () => Org.As(OwnerOf(deal)).Execute(win));
            // As a flow would: ask Get Feasibility Status first; the win must then go as the answer said.
            return new FuzzAction($"ask Get Feasibility Status of {deal}, then win it", () =>
            {
                IOrganizationService owner = Org.As(OwnerOf(deal));
                ParameterCollection answer = owner.Execute(new OrganizationRequest(FeasibilityStatusApi.ApiName)
                    { ["Target"] = new EntityReference("opportunity", deal) }).Results;
                FeasibilityAnswers.AssertWinGoesAsAnswered(answer, () => owner.Execute(win));
            });
        }

        private static WinOpportunityRequest WinRequest(Guid deal) => new WinOpportunityRequest
        {
            OpportunityClose = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal), ["subject"] = "Won" },
            Status = new OptionSetValue(3),
        };

        private FuzzAction Lose()
        {
            Guid deal = Pick(_deals);
            return new FuzzAction($"lose {deal}", () => Org.As(OwnerOf(deal)).Execute(CrmCollabOrg.LoseRequest(deal)));
        }

        private FuzzAction Reopen()
        {
            Guid deal = Pick(_deals);
            return new FuzzAction($"reopen {deal}", () => Org.As(OwnerOf(deal)).Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("opportunity", deal), State = new OptionSetValue(0), Status = new OptionSetValue(-1),
            }));
        }

        private FuzzAction Staff()
        {
            // Now and then a salesperson leaves, one at a time, and comes back a while later: their deals, accounts and signals
            // stay theirs meanwhile (while both were away, hardly anything their deals need could be done).
            Guid away = _reps.FirstOrDefault(IsDisabled);
            bool repBack = away != Guid.Empty && _random.Next(3) == 0;
            Guid person = repBack ? away : away == Guid.Empty && _random.Next(6) == 0 ? Pick(_reps) : Pick(_reviewers.Concat(_downstream).Concat(_dispatchers).ToArray()); // the unrouted desk's dispatchers too, where there is a desk
            bool disable = !repBack && _random.Next(2) == 0;
            return new FuzzAction($"{(disable ? "disable" : "enable")} {person}", () =>
            {
                if (disable) Org.Setup.DisableUser(person);
                else
                {
                    Org.Setup.EnableUser(person);
                    DownstreamChecks().UserEnabled();
                }
            });
        }

        private FuzzAction CloseHandoff()
        {
            var open = Org.System.RetrieveMultiple(new QueryExpression("task")
            {
                ColumnSet = new ColumnSet("ownerid"),
                Criteria = { Conditions = { new ConditionExpression("statecode", ConditionOperator.Equal, 0), new ConditionExpression("crmc_handoffkey", ConditionOperator.NotNull) } },
            }).Entities;
            if (open.Count == 0) return Win();
            Entity task = Pick(open);
            Guid owner = Person(task.GetAttributeValue<EntityReference>("ownerid"));
            return new FuzzAction($"{owner} completes {task.Id}", () => Org.As(owner).Execute(new SetStateRequest
            {
                EntityMoniker = task.ToEntityReference(), State = new OptionSetValue(1), Status = new OptionSetValue(5),
            }));
        }

        private FuzzAction Delete()
        {
            Guid deal = Pick(_deals);
            return new FuzzAction($"delete {deal}", () =>
            {
                Org.As(OwnerOf(deal)).Delete("opportunity", deal);
                _deals.Remove(deal);
            });
        }

        private Guid OwnerOf(Guid deal) =>
            Org.System.Retrieve("opportunity", deal, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;

        /// <summary>The organisation's invariants, read as SYSTEM.</summary>
        public void AssertInvariants()
        {
            new Invariants(Org).AssertAll(_deals, _wonTerms, _wonLines, _passages, _winRules, _movedByMerge, _wonHandoffs);
            DownstreamChecks().AssertAll();
        }
    }
}
