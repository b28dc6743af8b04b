using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Duplicate customers and their merge: a salesperson keys in a duplicate account, deals are moved onto it
    /// (<see cref="Customers"/>), and someone merges it into Contoso or Fabrikam — the data steward mostly, CrmCollab's
    /// administrator or its salesperson now and then — alone, in ExecuteMultiple or in ExecuteTransaction. The merge moves the duplicate's deals below the
    /// pipeline; CrmCollab re-opens their decided reviews for the account that stays and re-routes their open work
    /// (docs/guards.md, the merge rows). A won deal among them keeps the status it was won with while its reviews are asked
    /// again (<see cref="WonTermsLedger.AccountMerged"/>).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private Guid? _duplicate;
        private int _duplicatesKeyedIn;
        private Guid? _steward;

        /// <summary>Who cleans the customer data: a System Administrator who is also a CrmCollab Administrator (made on first use).</summary>
        private Guid Steward => _steward ??= Org.Setup.CreateUser("Dee Data", Org.Operations, "System Administrator", "CrmCollab Administrator");

        /// <summary>The accounts a deal may be moved to: the two customers, and the duplicate waiting to be merged, if any.</summary>
        private Guid[] Customers => _duplicate.HasValue ? new[] { _account, _otherAccount, _duplicate.Value } : new[] { _account, _otherAccount };

        private FuzzAction DuplicateAction() => _duplicate.HasValue ? MergeDuplicate(_duplicate.Value) : KeyInDuplicate();

        private FuzzAction KeyInDuplicate()
        {
            Guid rep = Pick(_reps);
            string name = "Contoso duplicate " + ++_duplicatesKeyedIn;
            return new FuzzAction($"{rep} keys in account '{name}'", () => _duplicate = Org.As(rep).Create(new Entity("account") { ["name"] = name }));
        }

        private FuzzAction MergeDuplicate(Guid duplicate)
        {
            Guid master = _random.Next(2) == 0 ? _account : _otherAccount;
            Guid who;
            switch (_random.Next(4))
            {
                case 0: who = Org.Admin; break; // CrmCollab's administrator, who may not write accounts
                case 1: who = Org.System.Retrieve("account", duplicate, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id; break;
                default: who = Steward; break;
            }
            int channel = Pick(new[] { 0, 2, 3 });
            var merge = new MergeRequest
            {
                Target = new EntityReference("account", master), SubordinateId = duplicate,
                UpdateContent = new Entity("account"), PerformParentingChecks = false,
            };
            return new FuzzAction($"{who} merges account {duplicate} into {master} by {FuzzChannel.Names[channel]}", () =>
            {
                Guid[] wonThere = WonDealsOf(duplicate);
                FuzzChannel.Send(Org.As(who), merge, channel);
                _duplicate = null;
                foreach (Guid deal in wonThere) _wonTerms.AccountMerged(deal);
            });
        }

        private Guid[] WonDealsOf(Guid account)
        {
            var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("customerid", ConditionOperator.Equal, account);
            query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 1);
            return Org.System.RetrieveMultiple(query).Entities.Select(d => d.Id).ToArray();
        }
    }
}
