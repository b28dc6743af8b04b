using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The administrator's feasibility rules change while deals are in play: a rule made (another function, threshold,
    /// trigger or gate stage), given another threshold, custom flag, function, trigger or gate stage or watched columns,
    /// switched off or on by its flag or the grid's Deactivate, deleted — through every channel a client has; now and
    /// then someone who may not tries. An account's industry, which a rule may look at, changes too, and the rate of the pound,
    /// which some deals and some rules' minimums are in. The invariants then hold the deals to the rules as they are (the gate, the pending
    /// reviews) and a won deal to the rules it was won under.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private static readonly BusinessFunction[] Reviewed = { BusinessFunction.Logistics, BusinessFunction.Finance, BusinessFunction.Operations };

        private static readonly string[] Watched = { "crmc_requesteddelivery,products", "crmc_discountpercent,estimatedvalue", "estimatedvalue", "crmc_paymentterms,products" };

        private FuzzAction FeasibilityRuleChange()
        {
            var rules = Org.System.RetrieveMultiple(new QueryExpression("crmc_feasibilityrule")
            {
                ColumnSet = new ColumnSet("crmc_name", "crmc_isactive", "statecode", "crmc_triggerstage"),
            }).Entities;
            Guid who = Admin();
            if (rules.Count < 2 || (rules.Count < 6 && _random.Next(4) == 0)) return NewFeasibilityRule(who);
            Entity existing = Pick(rules);
            string name = existing.GetAttributeValue<string>("crmc_name");
            if (_random.Next(10) == 0)
                return new FuzzAction($"{who} deletes feasibility rule '{name}'", () => Org.As(who).Delete("crmc_feasibilityrule", existing.Id));
            if (_random.Next(6) == 0)
                return new FuzzAction($"{who} sets feasibility rule '{name}' to state {Flipped(existing)}", () => Flip(who, existing));
            var change = new Entity("crmc_feasibilityrule", existing.Id);
            switch (_random.Next(8))
            {
                case 7: change["crmc_industrycode"] = Industry(); break;
                case 0: change["crmc_isactive"] = !existing.GetAttributeValue<bool>("crmc_isactive"); break;
                case 1:
                    change["crmc_minamount"] = Threshold();
                    // An administrator working in pounds states the minimum in pounds, weighed at the pound's rate.
                    if (_random.Next(3) == 0) change["transactioncurrencyid"] = new EntityReference("transactioncurrency", _pound);
                    break;
                case 2: change["crmc_customonly"] = _random.Next(2) == 0; break;
                case 3: change["crmc_function"] = new OptionSetValue((int)Pick(Reviewed)); break;
                case 4:
                    int trigger = _random.Next(3);
                    change["crmc_triggerstage"] = new OptionSetValue(trigger);
                    if (_random.Next(2) == 0) change["crmc_gatestage"] = new OptionSetValue(Math.Min(SalesStage.Close, trigger + _random.Next(3)));
                    break;
                case 5: change["crmc_relevantcolumns"] = Pick(Watched); break;
                default: change["crmc_gatestage"] = new OptionSetValue(1 + _random.Next(3)); break; // may fall before the trigger: refused
            }
            int channel = Channel();
            return new FuzzAction($"{who} changes feasibility rule '{name}' ({string.Join(",", change.Attributes.Select(a => a.Key + "=" + Shown(a.Value)))}) by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        private FuzzAction NewFeasibilityRule(Guid who)
        {
            BusinessFunction function = Pick(Reviewed);
            int trigger = _random.Next(3);
            Money minimum = Threshold();
            var rule = new Entity("crmc_feasibilityrule")
            {
                ["crmc_name"] = $"{function.Label()} from {minimum?.Value.ToString("0") ?? "any amount"}",
                ["crmc_function"] = new OptionSetValue((int)function), ["crmc_customonly"] = _random.Next(3) > 0,
                ["crmc_triggerstage"] = new OptionSetValue(trigger), ["crmc_gatestage"] = new OptionSetValue(Math.Min(SalesStage.Close, trigger + 1 + _random.Next(2))),
                ["crmc_slahours"] = Pick(new[] { 24, 48, 72 }), ["crmc_relevantcolumns"] = Pick(Watched), ["crmc_isactive"] = _random.Next(5) > 0,
            };
            if (minimum != null) rule["crmc_minamount"] = minimum;
            if (_random.Next(3) == 0) rule["crmc_industrycode"] = Industry();
            int channel = _random.Next(FuzzChannel.CreateNames.Length);
            Guid id = NewId();
            return new FuzzAction($"{who} makes feasibility rule '{rule["crmc_name"]}' (trigger {trigger}) by {FuzzChannel.CreateNames[channel]}",
                () => FuzzChannel.Create(Org.As(who), rule, channel, id));
        }

        /// <summary>
        /// An account's industry changed (the account form): by the sales manager, a CrmCollab Administrator, or by its
        /// salesperson or the System Administrator (who may only while it has no open or lost deal). Its open deals are
        /// re-evaluated in the background.
        /// </summary>
        private FuzzAction AccountIndustryChange()
        {
            Guid account = Pick(new[] { _account, _otherAccount });
            // The sales manager, a CrmCollab Administrator who writes accounts; the account's salesperson; the System Administrator.
            Guid who = Pick(new[] { _manager, _manager, Person(Org.System.Retrieve("account", account, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid")), _sysadmin });
            OptionSetValue industry = _random.Next(3) == 0 ? null : Industry();
            var change = new Entity("account", account) { ["industrycode"] = industry };
            int channel = Channel();
            return new FuzzAction($"{who} sets the industry of account {account} to {industry?.Value.ToString() ?? "none"} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        /// <summary>
        /// The System Administrator (who manages currencies) gives the pound a new rate, or someone who may not tries: the open
        /// deals in pounds, and every open deal when a rule in force has its minimum in pounds, are weighed again.
        /// </summary>
        private FuzzAction PoundRateChange()
        {
            Guid who = _random.Next(4) > 0 ? _sysadmin : Admin();
            decimal rate = Pick(new[] { 0.6m, 0.85m, 1.0m, 1.3m });
            return new FuzzAction($"{who} sets the pound's rate to {rate}",
                () => Org.As(who).Update(new Entity("transactioncurrency", _pound) { ["exchangerate"] = rate }));
        }

        /// <summary>Accounting (1) or Retail (27): a rule may look at either.</summary>
        private OptionSetValue Industry() => new OptionSetValue(Pick(new[] { 1, 27 }));

        /// <summary>A rule's minimum amount: none, or a threshold the world's deals (20k to 150k) fall on both sides of.</summary>
        private Money Threshold() => _random.Next(4) == 0 ? null : new Money(Pick(new[] { 30000m, 50000m, 80000m, 120000m }));

        private static string Shown(object value) =>
            value is OptionSetValue choice ? choice.Value.ToString() : value is Money money ? money.Value.ToString("0") : value?.ToString() ?? "null";
    }
}
