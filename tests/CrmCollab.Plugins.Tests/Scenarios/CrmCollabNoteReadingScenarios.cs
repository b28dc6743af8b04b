using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// CrmCollab tells people things in notes (annotation) it leaves on the deal or the handoff task, written by its SYSTEM
    /// service: the salesperson that a handoff of their won deal found nobody, the administrator which handoffs could not be
    /// created, the ADV, logistics or SAV owner of a handoff that the agreed terms were amended. Each reads them in the app,
    /// with nothing but their CrmCollab role (Microsoft's own default roles read notes at Global depth).
    /// </summary>
    public class CrmCollabNoteReadingScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();

        private static QueryExpression NotesOn(Guid record)
        {
            var query = new QueryExpression("annotation") { ColumnSet = new ColumnSet("subject", "notetext") };
            query.Criteria.AddCondition("objectid", ConditionOperator.Equal, record);
            return query;
        }

        private string[] NoteTextsAs(Guid user, Guid record) =>
            _org.As(user).RetrieveMultiple(NotesOn(record)).Entities.Select(n => n.GetAttributeValue<string>("notetext")).ToArray();

        [Fact]
        public void The_salesperson_reads_the_note_saying_a_handoff_of_their_won_deal_found_nobody()
        {
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10);
            Guid deal = _org.Deal(_org.Account("Northwind"));

            _org.Win(deal);

            Assert.Contains(NoteTextsAs(_org.Rep, deal), t => t.Contains("No dedicated ADV owner"));
        }

        [Fact]
        public void The_administrator_reads_the_note_naming_the_handoffs_that_could_not_be_created()
        {
            Guid deal = _org.DealWonWhileItsAdvDeskCannotOwn(out _);

            Assert.Contains(NoteTextsAs(_org.Admin, deal), t => t.Contains("could not create") && t.Contains("ADV 'Draw up the contract"));
        }

        [Fact]
        public void The_handoffs_owner_reads_the_note_saying_the_agreed_terms_of_their_task_were_amended()
        {
            Guid alice = _org.User("Alice ADV", "CrmCollab ADV");
            _org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            Guid account = _org.Account("Contoso");
            _org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            Guid deal = _org.Deal(account, discount: 10m);
            _org.Win(deal);
            Guid contract = _org.HandoffOf(deal, BusinessFunction.Adv).Id;

            _org.Decide(_org.Amendment(deal, discount: 7m), _org.Admin, AmendmentState.Approved);

            Assert.Contains(NoteTextsAs(alice, contract), t => t.StartsWith("Agreed terms amended", StringComparison.Ordinal));
        }
    }
}
