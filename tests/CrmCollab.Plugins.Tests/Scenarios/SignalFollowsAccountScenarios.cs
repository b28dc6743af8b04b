using System;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A signal waits for the account's salesperson, and only its owner acknowledges it: when the account is handed to
    /// another salesperson, what still waits goes with it, whichever way the account is handed over.
    /// </summary>
    public class SignalFollowsAccountScenarios
    {
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sally, _rob, _sid;

        public SignalFollowsAccountScenarios()
        {
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _rob = _org.User("Rob Rep", "CrmCollab Salesperson", _org.Sales);
            _sid = _org.User("Sid Sysadmin", "System Administrator"); // who hands accounts over
        }

        private Guid OwnerOf(Guid signal) => _org.Row("crmc_fieldsignal", signal, "ownerid").GetAttributeValue<EntityReference>("ownerid").Id;

        private static Entity Acknowledgement(Guid signal) => new Entity("crmc_fieldsignal", signal) { ["crmc_acknowledgedon"] = CrmCollabOrg.Start };

        [Fact]
        public void Signals_still_waiting_for_the_salesperson_go_to_whoever_takes_the_account_on_every_path()
        {
            var handovers = new Action<Guid>[]
            {
                account => _org.As(_sid).Execute(new AssignRequest
                {
                    Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", _rob),
                }),
                account => _org.As(_sid).Update(new Entity("account", account) { ["ownerid"] = new EntityReference("systemuser", _rob) }),
                account => CrmCollabOrg.InExecuteMultiple(_org.As(_sid), new UpdateRequest
                {
                    Target = new Entity("account", account) { ["ownerid"] = new EntityReference("systemuser", _rob) },
                }),
            };
            foreach (Action<Guid> handOver in handovers)
            {
                Guid account = _org.Account("Contoso");
                Guid waiting = _org.Signal(account, SignalKind.ChurnRisk, _sally, "They are talking to a competitor");
                Guid read = _org.Signal(account, SignalKind.Complaint, _sally, "Late deliveries again");
                _org.As(_org.Rep).Update(Acknowledgement(read));

                handOver(account);

                Assert.Equal(_rob, OwnerOf(waiting));
                Assert.Equal(_org.Rep, OwnerOf(read)); // read by the salesperson of the time: it stays as it was
                Assert.Throws<System.ServiceModel.FaultException<OrganizationServiceFault>>(() => _org.As(_org.Rep).Update(Acknowledgement(waiting)));
                _org.As(_rob).Update(Acknowledgement(waiting));
                Assert.NotNull(_org.Row("crmc_fieldsignal", waiting, "crmc_acknowledgedon").GetAttributeValue<DateTime?>("crmc_acknowledgedon"));
            }
        }

        [Fact]
        public void A_signal_the_salesperson_passed_to_a_colleague_stays_with_the_colleague_when_the_account_changes_hands()
        {
            Guid paula = _org.User("Paula Rep", "CrmCollab Salesperson", _org.Sales);
            Guid account = _org.Account("Contoso");
            Guid passed = _org.Signal(account, SignalKind.Expansion, _sally, "They want a second line");
            _org.As(_org.Rep).Execute(new AssignRequest
            {
                Target = new EntityReference("crmc_fieldsignal", passed), Assignee = new EntityReference("systemuser", paula),
            });

            _org.As(_sid).Execute(new AssignRequest
            {
                Target = new EntityReference("account", account), Assignee = new EntityReference("systemuser", _rob),
            });

            Assert.Equal(paula, OwnerOf(passed));
        }

        [Fact]
        public void Signals_waiting_on_a_merged_duplicate_go_to_the_salesperson_of_the_account_that_stays()
        {
            Guid kept = _org.Account("Contoso");
            Guid duplicate = _org.Account("Contoso Ltd");
            _org.As(_sid).Update(new Entity("account", duplicate) { ["ownerid"] = new EntityReference("systemuser", _rob) });
            Guid waiting = _org.Signal(duplicate, SignalKind.ChurnRisk, _sally, "They are talking to a competitor");
            Assert.Equal(_rob, OwnerOf(waiting));

            _org.As(_sid).Execute(new MergeRequest
            {
                Target = new EntityReference("account", kept), SubordinateId = duplicate, UpdateContent = new Entity("account"),
            });

            Assert.Equal(_org.Rep, OwnerOf(waiting));
            _org.As(_org.Rep).Update(Acknowledgement(waiting));
        }
    }
}
