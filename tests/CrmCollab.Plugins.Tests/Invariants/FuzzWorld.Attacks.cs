using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Tests.Scenarios;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// What people and integrations try beyond the plain path: each change through any channel a client has
    /// (<see cref="FuzzChannel"/>), a deal handed to a colleague or moved to another customer, a stage move and a term
    /// change in one save, a review's state changed, and the columns only CrmCollab writes sent by a client.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private int Channel() => _random.Next(FuzzChannel.Names.Length);

        /// <summary>A new row's id drawn from the seeded random (an Upsert that creates): never Guid.NewGuid, so a seed replays the same run.</summary>
        private Guid NewId()
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            return new Guid(bytes);
        }

        /// <summary>The person who acts for a record's holder: the holder when a user, else (a desk team, or CrmCollab itself
        /// holding it as SYSTEM, which no person can act as) the administrator.</summary>
        private Guid Person(EntityReference holder) =>
            holder.LogicalName == "systemuser" && holder.Id != CrmCollab.Emulator.Engine.WellKnownIds.SystemUserId ? holder.Id : Org.Admin;

        /// <summary>One agreed term (or two) given another value: amount, discount, delivery or payment terms.</summary>
        private Entity TermsChange(Guid deal)
        {
            var change = new Entity("opportunity", deal);
            int terms = _random.Next(1, 3);
            for (int i = 0; i < terms; i++)
            {
                switch (_random.Next(4))
                {
                    case 0: change["crmc_discountpercent"] = (decimal)_random.Next(0, 30); break;
                    case 1: change["estimatedvalue"] = new Money(20000m + 10000m * _random.Next(14)); break;
                    case 2: change["crmc_requesteddelivery"] = CrmCollabOrg.Start.Date.AddDays(30 + _random.Next(60)); break;
                    default: change["crmc_paymentterms"] = new OptionSetValue(100000000 + _random.Next(3)); break;
                }
            }
            return change;
        }

        private FuzzAction Assign()
        {
            Guid deal = Pick(_deals);
            Guid to = Pick(_reps);
            return new FuzzAction($"assign {deal} to {to}", () => Org.As(OwnerOf(deal)).Execute(new AssignRequest
            {
                Target = new EntityReference("opportunity", deal), Assignee = new EntityReference("systemuser", to),
            }));
        }

        /// <summary>An open or lost deal moved to another customer (a time in three, a duplicate keyed in or merged instead). A
        /// won deal's customer is locked only when an administrator adds it to crmc_LockedTermsColumns; without that, its move re-opens its decided reviews (docs/guards.md), so the
        /// won-deal invariant would not hold by design.</summary>
        private FuzzAction ChangeAccount()
        {
            if (_random.Next(3) == 0) return DuplicateAction(); // FuzzWorld.Merges
            var notWon = _deals.Where(d => State(d) != 1).ToList();
            if (notWon.Count == 0) return Move();
            Guid deal = Pick(notWon);
            EntityReference customer = Pick(Customers);
            int channel = Channel();
            return new FuzzAction($"move {deal} to {customer.LogicalName} {customer.Id} by {FuzzChannel.Names[channel]}", () =>
                FuzzChannel.Update(Org.As(OwnerOf(deal)), new Entity("opportunity", deal) { ["customerid"] = customer }, channel));
        }

        private FuzzAction MoveAndChangeTerms()
        {
            Guid deal = Pick(_deals);
            Entity change = TermsChange(deal);
            change["salesstage"] = new OptionSetValue(_random.Next(4));
            int channel = Channel();
            return new FuzzAction($"{string.Join(",", change.Attributes.Keys)} on {deal} by {FuzzChannel.Names[channel]}", () =>
                FuzzChannel.Update(Org.As(OwnerOf(deal)), change, channel));
        }

        /// <summary>A review deactivated or reactivated by someone, as a person tidying up might.</summary>
        private FuzzAction ReviewState()
        {
            var reviews = Org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("ownerid", "statecode") }).Entities;
            if (reviews.Count == 0) return Move();
            Entity review = Pick(reviews);
            Guid who = _random.Next(3) == 0 ? Pick(_reps) : Person(review.GetAttributeValue<EntityReference>("ownerid"));
            int state = review.GetAttributeValue<OptionSetValue>("statecode").Value == 0 ? 1 : 0;
            return new FuzzAction($"{who} sets review {review.Id} to state {state}", () => Org.As(who).Execute(new SetStateRequest
            {
                EntityMoniker = review.ToEntityReference(), State = new OptionSetValue(state), Status = new OptionSetValue(-1),
            }));
        }

        /// <summary>A client sending what only CrmCollab writes: the deal's feasibility record and win date, a review's
        /// decision record and fingerprint, a handoff's agreed terms or sequence.</summary>
        private FuzzAction SendServerColumns()
        {
            int channel = Channel();
            Guid who = Pick(_reps.Concat(_reviewers).ToArray());
            Entity change;
            switch (_random.Next(3))
            {
                case 0:
                    Guid deal = Pick(_deals);
                    who = OwnerOf(deal);
                    change = new Entity("opportunity", deal) { ["crmc_feasibilitystatus"] = new OptionSetValue((int)FeasibilityStatus.Cleared) };
                    if (_random.Next(2) == 0) change["crmc_wonon"] = CrmCollabOrg.Start;
                    break;
                case 1:
                    var reviews = Org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityreview") { ColumnSet = new ColumnSet("ownerid") }).Entities;
                    if (reviews.Count == 0) return Move();
                    Entity review = Pick(reviews);
                    who = Person(review.GetAttributeValue<EntityReference>("ownerid"));
                    change = new Entity("crmc_feasibilityreview", review.Id) { ["crmc_termsfingerprint"] = "forged", ["crmc_decidedon"] = CrmCollabOrg.Start };
                    break;
                default:
                    var tasks = Org.System.RetrieveMultiple(new QueryExpression("task")
                    {
                        ColumnSet = new ColumnSet("ownerid"),
                        Criteria = { Conditions = { new ConditionExpression("crmc_handoffkey", ConditionOperator.NotNull) } },
                    }).Entities;
                    if (tasks.Count == 0) return Move();
                    Entity task = Pick(tasks);
                    who = Person(task.GetAttributeValue<EntityReference>("ownerid"));
                    change = new Entity("task", task.Id);
                    if (_random.Next(3) == 0) change["crmc_handoffsequence"] = Pick(new[] { 10, 20, 30 }); // to take another's place at a re-win
                    else change["crmc_agreedterms"] = "Discount: 40 %";
                    break;
            }
            return new FuzzAction($"{who} sends {string.Join(",", change.Attributes.Keys)} on {change.LogicalName} {change.Id} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }
    }
}
