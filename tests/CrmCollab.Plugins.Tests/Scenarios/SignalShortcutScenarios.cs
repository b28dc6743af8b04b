using System;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>Which function raised a signal is stamped from who raised it, so the field's KPIs count the field's signals only.</summary>
    public class SignalShortcutScenarios
    {
        private static readonly string[] Touched = { "crmc_fieldsignal", "lead", "account" };
        private readonly CrmCollabOrg _org = new CrmCollabOrg();
        private readonly Guid _sally, _account;

        public SignalShortcutScenarios()
        {
            _sally = _org.User("Sally SAV", "CrmCollab SAV");
            _account = _org.Account("Contoso");
        }

        private Entity Complaint(BusinessFunction? raisedBy)
        {
            var signal = new Entity("crmc_fieldsignal")
            {
                ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_kind"] = new OptionSetValue((int)SignalKind.Complaint),
                ["crmc_description"] = "Late deliveries again",
            };
            if (raisedBy != null) signal["crmc_raisedbyfunction"] = new OptionSetValue((int)raisedBy.Value);
            return signal;
        }

        private int? FunctionOf(Guid signal) =>
            _org.Row("crmc_fieldsignal", signal, "crmc_raisedbyfunction").GetAttributeValue<OptionSetValue>("crmc_raisedbyfunction")?.Value;

        [Fact]
        public void A_rep_cannot_file_a_signal_as_after_sales_service()
        {
            IOrganizationService rep = _org.As(_org.Rep);

            string refusal = _org.Refused(RefusalCodes.SignalServerColumn, () => rep.Create(Complaint(BusinessFunction.Sav)), Touched);
            _org.Refused(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InExecuteMultiple(rep, new CreateRequest { Target = Complaint(BusinessFunction.Sav) }), Touched);
            Guid own = rep.Create(Complaint(null));
            _org.Refused(RefusalCodes.SignalServerColumn, () => rep.Update(new Entity("crmc_fieldsignal", own)
            {
                ["crmc_raisedbyfunction"] = new OptionSetValue((int)BusinessFunction.Sav),
            }), Touched);

            Assert.Equal("'Raised by function' is set by CrmCollab from your CrmCollab role or the accounts you are a dedicated owner for " +
                "(your role gives no CrmCollab function). Leave it empty. [CRMC-SIGNAL-SERVER-COLUMN]", refusal);
            Assert.Null(FunctionOf(own));
            Assert.Equal((int)BusinessFunction.Sav, FunctionOf(_org.As(_sally).Create(Complaint(BusinessFunction.Sav)))); // re-sending the truth is fine
        }

        [Fact]
        public void A_signal_keeps_its_account_kind_and_lead_so_the_field_kpis_count_what_was_raised()
        {
            Guid other = _org.Account("Fabrikam");
            Guid wonLead = _org.System.Create(new Entity("lead") { ["subject"] = "A lead someone else found", ["lastname"] = "Doe" });
            Guid churn = _org.As(_sally).Create(new Entity("crmc_fieldsignal")
            {
                ["crmc_accountid"] = new EntityReference("account", _account),
                ["crmc_kind"] = new OptionSetValue((int)SignalKind.ChurnRisk), ["crmc_description"] = "They are talking to a competitor",
            });
            IOrganizationService rep = _org.As(_org.Rep); // the signal is routed to the account's salesperson

            string moved = _org.Refused(RefusalCodes.SignalServerColumn,
                () => rep.Update(new Entity("crmc_fieldsignal", churn) { ["crmc_accountid"] = new EntityReference("account", other) }), Touched);
            _org.Refused(RefusalCodes.SignalServerColumn,
                () => rep.Update(new Entity("crmc_fieldsignal", churn) { ["crmc_kind"] = new OptionSetValue((int)SignalKind.Expansion) }), Touched);
            _org.Refused(RefusalCodes.SignalServerColumn, () => CrmCollabOrg.InExecuteMultiple(rep,
                new UpdateRequest { Target = new Entity("crmc_fieldsignal", churn) { ["crmc_leadid"] = new EntityReference("lead", wonLead) } }), Touched);
            Entity linked = Complaint(null);
            linked["crmc_leadid"] = new EntityReference("lead", wonLead);
            _org.Refused(RefusalCodes.SignalServerColumn, () => _org.As(_sally).Create(linked), Touched);

            Assert.Contains("Account", moved);
            Assert.Contains("raise a new one", moved);
            rep.Update(new Entity("crmc_fieldsignal", churn) { ["crmc_accountid"] = new EntityReference("account", _account) }); // re-sent as it is
        }

        [Fact]
        public void A_dedicated_owner_without_a_function_role_raises_as_the_function_they_own_the_account_for()
        {
            // A salesperson of the account's business unit: a signal names its account, which takes Append To on it, and a
            // salesperson's reaches (and sees) the accounts of their own business unit only.
            Guid paul = _org.User("Paul Plant", "CrmCollab Salesperson", _org.Sales);
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: paul);

            Guid signal = _org.As(paul).Create(Complaint(null));

            Assert.Equal((int)BusinessFunction.Logistics, FunctionOf(signal));
            Assert.Contains("you raise signals as Logistics", _org.Refused(RefusalCodes.SignalServerColumn,
                () => _org.As(paul).Create(Complaint(BusinessFunction.Sav)), Touched));
        }

        [Fact]
        public void A_plants_logistics_owner_raising_about_an_account_they_do_not_serve_is_not_counted_as_logistics()
        {
            Guid paul = _org.User("Paul Plant", "CrmCollab Salesperson", _org.Sales);
            _org.DedicatedOwner(_account, BusinessFunction.Logistics, user: paul);
            Guid customer = _org.Account("Fabrikam"); // one of the salesperson's customers, served by no row of Paul's
            Guid plant = _org.Account("Contoso Lille plant", parent: _account); // falls back to Contoso's owners, Paul among them
            Entity aboutCustomer = Complaint(null);
            aboutCustomer["crmc_accountid"] = new EntityReference("account", customer);
            Entity aboutPlant = Complaint(null);
            aboutPlant["crmc_accountid"] = new EntityReference("account", plant);

            Assert.Null(FunctionOf(_org.As(paul).Create(aboutCustomer)));
            Assert.Equal((int)BusinessFunction.Logistics, FunctionOf(_org.As(paul).Create(aboutPlant)));
        }
    }
}
