using System;
using System.Linq;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The customers deals are moved between, beyond Contoso and Fabrikam: a contact working for Contoso and one working
    /// for nobody (a deal with no account: its reviews route by none, it cannot be won), and a duplicate account a
    /// salesperson keys in. Someone merges the duplicate into Contoso or Fabrikam (a time in four deletes it with its deals
    /// instead) — the data steward mostly, CrmCollab's administrator or its salesperson now and then — alone, in
    /// ExecuteMultiple or in ExecuteTransaction. The merge moves the duplicate's deals below the pipeline; CrmCollab re-opens
    /// their decided reviews for the account that stays and re-routes their open work (docs/guards.md, the merge rows). A
    /// won deal among them keeps the status it was won with while its reviews are asked again (<see cref="WonTermsLedger.AccountMerged"/>).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private Guid? _duplicate;
        private int _duplicatesKeyedIn;
        private Guid? _steward;

        /// <summary>Who cleans the customer data: a System Administrator who is also a CrmCollab Administrator (made on first use).</summary>
        private Guid Steward => _steward ??= Org.Setup.CreateUser("Dee Data", Org.Operations, "System Administrator", "CrmCollab Administrator");

        private EntityReference[] _contacts;

        /// <summary>The two contacts a deal may be moved to, the first salesperson's (made with the organisation: that
        /// salesperson may leave for a while later on).</summary>
        private void SetUpContacts() => _contacts = new[] { Contact("Carl Contoso", _account), Contact("Nina Freelance", null) };

        /// <summary>
        /// The customers a deal may be moved to: the two accounts, the duplicate waiting to be merged (if any), and the two
        /// contacts.
        /// </summary>
        private EntityReference[] Customers
        {
            get
            {
                var accounts = _duplicate.HasValue ? new[] { _account, _otherAccount, _duplicate.Value } : new[] { _account, _otherAccount };
                return accounts.Select(a => new EntityReference("account", a)).Concat(_contacts).ToArray();
            }
        }

        private EntityReference Contact(string name, Guid? company)
        {
            var contact = new Entity("contact") { ["lastname"] = name, ["ownerid"] = new EntityReference("systemuser", Org.Rep) };
            if (company.HasValue) contact["parentcustomerid"] = new EntityReference("account", company.Value);
            return new EntityReference("contact", Org.System.Create(contact));
        }

        private FuzzAction DuplicateAction() =>
            !_duplicate.HasValue ? KeyInDuplicate() : _random.Next(4) == 0 ? DeleteDuplicate(_duplicate.Value) : MergeDuplicate(_duplicate.Value);

        private FuzzAction KeyInDuplicate()
        {
            Guid rep = Pick(_reps);
            string name = "Contoso duplicate " + ++_duplicatesKeyedIn;
            return new FuzzAction($"{rep} keys in account '{name}'", () => _duplicate = Org.As(rep).Create(new Entity("account") { ["name"] = name }));
        }

        /// <summary>The data steward mostly; CrmCollab's administrator (who may not write accounts) or the duplicate's salesperson now and then.</summary>
        private Guid DuplicateCleaner(Guid duplicate)
        {
            switch (_random.Next(4))
            {
                case 0: return Org.Admin;
                case 1: return Org.System.Retrieve("account", duplicate, new ColumnSet("ownerid")).GetAttributeValue<EntityReference>("ownerid").Id;
                default: return Steward;
            }
        }

        /// <summary>The duplicate deleted instead, with its deals (the platform's cascade), alone or in a batch.</summary>
        private FuzzAction DeleteDuplicate(Guid duplicate)
        {
            Guid who = DuplicateCleaner(duplicate);
            int channel = Pick(new[] { 0, 2, 3 });
            return new FuzzAction($"{who} deletes account {duplicate} by {FuzzChannel.Names[channel]}", () =>
            {
                Guid[] dealsThere = DealsOfAccount(duplicate, wonOnly: false);
                FuzzChannel.Send(Org.As(who), new DeleteRequest { Target = new EntityReference("account", duplicate) }, channel);
                _duplicate = null;
                foreach (Guid deal in dealsThere) _deals.Remove(deal);
            });
        }

        private FuzzAction MergeDuplicate(Guid duplicate)
        {
            Guid master = _random.Next(2) == 0 ? _account : _otherAccount;
            Guid who = DuplicateCleaner(duplicate);
            int channel = Pick(new[] { 0, 2, 3 });
            var merge = new MergeRequest
            {
                Target = new EntityReference("account", master), SubordinateId = duplicate,
                UpdateContent = new Entity("account"), PerformParentingChecks = false,
            };
            return new FuzzAction($"{who} merges account {duplicate} into {master} by {FuzzChannel.Names[channel]}", () =>
            {
                Guid[] wonThere = DealsOfAccount(duplicate, wonOnly: true), there = DealsOfAccount(duplicate, wonOnly: false);
                FuzzChannel.Send(Org.As(who), merge, channel);
                _movedByMerge.UnionWith(there);
                _duplicate = null;
                foreach (Guid deal in wonThere) _wonTerms.AccountMerged(deal);
            });
        }

        private Guid[] DealsOfAccount(Guid account, bool wonOnly)
        {
            var query = new QueryExpression("opportunity") { ColumnSet = new ColumnSet(false) };
            query.Criteria.AddCondition("customerid", ConditionOperator.Equal, account);
            if (wonOnly) query.Criteria.AddCondition("statecode", ConditionOperator.Equal, 1);
            return Org.System.RetrieveMultiple(query).Entities.Select(d => d.Id).ToArray();
        }
    }
}
