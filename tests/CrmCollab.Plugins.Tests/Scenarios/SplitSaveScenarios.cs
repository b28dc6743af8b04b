using System;
using System.Linq;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Tests.Invariants;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// A save sending a new state with other columns (a handoff completed with its tracking number, canceled with its reason,
    /// an amendment approved and deactivated) is run by Dataverse in two parts, the other columns first. No page says whether
    /// the second part's pre-image shows what the first wrote: each story is played under both readings (the engine's
    /// <c>SplitUpdateImagesBeforeRequest</c>), through every channel a client or an integration saves by, with the same outcome.
    /// </summary>
    public class SplitSaveScenarios
    {
        private static readonly string[] Touched = { "task", "crmc_amendment", "opportunity" };

        private static CrmCollabOrg Org(bool imagesBeforeRequest) =>
            new CrmCollabOrg((solution, options) => options.SplitUpdateImagesBeforeRequest = imagesBeforeRequest);

        /// <summary>Lena's logistics handoff of a won deal for Contoso, Alice doing the contract.</summary>
        private static (CrmCollabOrg Org, Guid Lena, Guid Delivery, Guid Deal) WonDeal(bool imagesBeforeRequest)
        {
            CrmCollabOrg org = Org(imagesBeforeRequest);
            Guid alice = org.User("Alice ADV", "CrmCollab ADV"), lena = org.User("Lena Logistics", "CrmCollab Logistics");
            org.Template("Draw up the contract", BusinessFunction.Adv, 5, 10, "crmc_contractnumber");
            org.Template("Plan the delivery", BusinessFunction.Logistics, 10, 20, "crmc_trackingnumber,crmc_deliveredon");
            Guid account = org.Account("Contoso");
            org.DedicatedOwner(account, BusinessFunction.Adv, user: alice);
            org.DedicatedOwner(account, BusinessFunction.Logistics, user: lena);
            Guid deal = org.Deal(account, discount: 10m);
            org.Win(deal);
            return (org, lena, org.HandoffOf(deal, BusinessFunction.Logistics).Id, deal);
        }

        private static Entity Completed(Guid task) =>
            new Entity("task", task) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) };

        public static TheoryData<bool, int> ReadingsAndChannels()
        {
            var data = new TheoryData<bool, int>();
            foreach (bool before in new[] { false, true })
                for (int channel = 0; channel <= 5; channel++) data.Add(before, channel); // Update … UpsertMultiple (FuzzChannel)
            return data;
        }

        [Theory]
        [MemberData(nameof(ReadingsAndChannels))]
        public void Lena_completes_her_delivery_in_the_save_that_gives_its_tracking_number_and_date(bool imagesBeforeRequest, int channel)
        {
            var (org, lena, delivery, _) = WonDeal(imagesBeforeRequest);
            Entity save = Completed(delivery);
            save["crmc_trackingnumber"] = "1Z999";
            save["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(3);

            FuzzChannel.Update(org.As(lena), save, channel);

            Entity done = org.Row("task", delivery, "statecode", "crmc_trackingnumber", "actualend");
            Assert.Equal(1, done.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("1Z999", done.GetAttributeValue<string>("crmc_trackingnumber"));
            Assert.NotNull(done.GetAttributeValue<DateTime?>("actualend"));
        }

        [Theory]
        [MemberData(nameof(ReadingsAndChannels))]
        public void Lena_cannot_complete_her_delivery_in_the_save_that_clears_its_tracking_number(bool imagesBeforeRequest, int channel)
        {
            var (org, lena, delivery, _) = WonDeal(imagesBeforeRequest);
            org.As(lena).Update(new Entity("task", delivery) { ["crmc_trackingnumber"] = "1Z999", ["crmc_deliveredon"] = CrmCollabOrg.Start.AddDays(3) });
            Entity save = Completed(delivery);
            save["crmc_trackingnumber"] = null;

            string refusal = org.RefusedNamingNoId(RefusalCodes.HandoffEvidenceMissing, () => FuzzChannel.Update(org.As(lena), save, channel), Touched);

            Assert.Contains("Tracking number", refusal);
            Entity open = org.Row("task", delivery, "statecode", "crmc_trackingnumber");
            Assert.Equal(0, open.GetAttributeValue<OptionSetValue>("statecode").Value);
            Assert.Equal("1Z999", open.GetAttributeValue<string>("crmc_trackingnumber"));
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void An_administrator_cancels_a_delivery_in_the_save_that_gives_the_reason(bool imagesBeforeRequest)
        {
            var (org, _, delivery, _) = WonDeal(imagesBeforeRequest);

            org.As(org.Admin).Update(new Entity("task", delivery)
            {
                ["crmc_cancelreason"] = "The customer collects the goods", ["statecode"] = new OptionSetValue(2), ["statuscode"] = new OptionSetValue(6),
            });

            Assert.Equal(2, org.Row("task", delivery, "statecode").GetAttributeValue<OptionSetValue>("statecode").Value);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void An_amendment_approved_and_deactivated_in_one_save_changes_the_won_deal(bool imagesBeforeRequest)
        {
            var (org, _, _, deal) = WonDeal(imagesBeforeRequest);
            Guid amendment = org.Amendment(deal, discount: 12m);

            org.As(org.Admin).Update(new Entity("crmc_amendment", amendment)
            {
                ["crmc_state"] = new OptionSetValue((int)AmendmentState.Approved), ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(2),
            });

            Assert.Equal((int)AmendmentState.Applied, org.Row("crmc_amendment", amendment, "crmc_state").GetAttributeValue<OptionSetValue>("crmc_state").Value);
            Assert.Equal(12m, org.Row("opportunity", deal, "crmc_discountpercent").GetAttributeValue<decimal>("crmc_discountpercent"));
        }

        /// <summary>
        /// The overlay is given by <c>LocalPluginContext.PreImage</c>: a step reading the platform's image collection itself
        /// would judge a split save's second part on an image that may not show the first part's changes.
        /// </summary>
        [Fact]
        public void Every_step_reads_its_pre_image_through_the_context_that_lays_a_split_saves_first_part_over_it()
        {
            string root = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(CrmCollabOrg.SolutionFolder), "src", "CrmCollab.Plugins");
            string[] direct = System.IO.Directory.GetFiles(root, "*.cs", System.IO.SearchOption.AllDirectories)
                .Where(f => !f.Contains(System.IO.Path.DirectorySeparatorChar + "obj" + System.IO.Path.DirectorySeparatorChar))
                .Where(f => !f.EndsWith("LocalPluginContext.cs") && !f.EndsWith("SplitSave.cs"))
                .Where(f => System.IO.File.ReadAllText(f).Contains("PreEntityImages"))
                .Select(System.IO.Path.GetFileName).ToArray();
            Assert.Empty(direct);
        }
    }
}
