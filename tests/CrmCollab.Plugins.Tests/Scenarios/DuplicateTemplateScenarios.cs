using System;
using System.Collections.Generic;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A won deal makes one handoff per template in force. A template in force twice — the template sheet imported a
    /// second time, a copy made to edit and left active, a retired template made active again beside its replacement — made
    /// every deal won since two identical tasks for one piece of work (two contracts to draw up, two deliveries to plan),
    /// each routed, counted and chased. Two templates in force of one function never share a subject.
    /// </summary>
    public class DuplicateTemplateScenarios
    {
        private static readonly string[] Touched = { "crmc_handofftemplate" };
        private readonly CrmCollabOrg _org;
        private readonly Guid _contract, _deal;

        public DuplicateTemplateScenarios()
        {
            var setup = new ContractAndDeliveryOrg();
            (_org, _contract, _deal) = (setup.Org, setup.Contract, setup.Deal);
        }

        private static Entity Template(string subject, BusinessFunction function, bool active = true) => new Entity("crmc_handofftemplate")
        {
            ["crmc_name"] = subject, ["crmc_subject"] = subject, ["crmc_function"] = new OptionSetValue((int)function),
            ["crmc_dueoffsetdays"] = 5, ["crmc_sequence"] = 10, ["crmc_isactive"] = active,
        };

        [Fact]
        public void The_template_sheet_imported_twice_does_not_make_every_won_deal_two_contracts()
        {
            IOrganizationService admin = _org.As(_org.Admin);

            string refusal = _org.Refused(RefusalCodes.TemplateDuplicate, () => admin.Create(Template("draw up the contract ", BusinessFunction.Adv)), Touched);
            _org.Refused(RefusalCodes.TemplateDuplicate, () => CrmCollabOrg.InExecuteMultiple(admin, new CreateRequest { Target = Template("Draw up the contract", BusinessFunction.Adv) }), Touched);
            _org.Refused(RefusalCodes.TemplateDuplicate, () => admin.Execute(new CreateMultipleRequest
            {
                Targets = new EntityCollection(new List<Entity> { Template("Book the site survey", BusinessFunction.Adv), Template("Book the site survey", BusinessFunction.Adv) })
                    { EntityName = "crmc_handofftemplate" },
            }), Touched);
            admin.Create(Template("Draw up the contract", BusinessFunction.Sav)); // another function's work of the same name
            _org.Win(_deal);

            Assert.Equal("The handoff template 'Draw up the contract' of ADV is already in force, so every deal won would get this " +
                "handoff twice. Edit that template instead, or set its Active to No before this one takes its place. [CRMC-TEMPLATE-DUPLICATE]", refusal);
            Assert.Single(_org.HandoffTasks(_deal).Entities, t => t.GetAttributeValue<OptionSetValue>("crmc_function").Value == (int)BusinessFunction.Adv);
        }

        [Fact]
        public void A_retired_template_is_not_made_active_again_beside_its_replacement_nor_a_template_renamed_onto_another()
        {
            IOrganizationService admin = _org.As(_org.Admin);
            admin.Update(new Entity("crmc_handofftemplate", _contract) { ["crmc_isactive"] = false });
            Guid reworded = admin.Create(Template("Draw up the contract", BusinessFunction.Adv)); // its replacement, same work
            Guid inactiveCopy = admin.Create(Template("Draw up the contract", BusinessFunction.Adv, active: false)); // a draft may wait

            _org.Refused(RefusalCodes.TemplateDuplicate, () => admin.Update(new Entity("crmc_handofftemplate", _contract) { ["crmc_isactive"] = true }), Touched);
            admin.Execute(new SetStateRequest { EntityMoniker = new EntityReference("crmc_handofftemplate", inactiveCopy), State = new OptionSetValue(1), Status = new OptionSetValue(2) });
            admin.Update(new Entity("crmc_handofftemplate", inactiveCopy) { ["crmc_isactive"] = true }); // flagged, still deactivated: not in force
            _org.Refused(RefusalCodes.TemplateDuplicate, () => admin.Execute(new SetStateRequest
            {
                EntityMoniker = new EntityReference("crmc_handofftemplate", inactiveCopy), State = new OptionSetValue(0), Status = new OptionSetValue(1),
            }), Touched);
            Guid invoicing = admin.Create(Template("Set up invoicing", BusinessFunction.Adv));
            _org.Refused(RefusalCodes.TemplateDuplicate, () => admin.Update(new Entity("crmc_handofftemplate", invoicing) { ["crmc_subject"] = "Draw up the contract" }), Touched);
            admin.Update(new Entity("crmc_handofftemplate", reworded) { ["crmc_subject"] = "Draw up the contract", ["crmc_dueoffsetdays"] = 4 }); // saved as it is

            _org.Win(_deal);
            Assert.Equal(2, _org.HandoffTasks(_deal).Entities.Count - 1); // contract and invoicing, beside the delivery
        }
    }
}
