using System;
using System.IO;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using CrmCollab.Emulator.Solution;
using CrmCollab.Tooling.Registration;

namespace CrmCollab.Plugins.Tests.Scenarios
{
    /// <summary>
    /// An administrator's own sales flow on opportunity ("Custom sales", table new_customsalesprocess), added to a copy of
    /// the solution with `crmcollab bpf add` (its steps), its stages Discover (Qualify), Shape the offer (Develop), Legal
    /// check (no sales category: held like Propose) and Offer (Propose), made by <see cref="CreateFlow"/>. Dispose removes the copy.
    /// </summary>
    internal sealed class CustomSalesFlow : IDisposable
    {
        public const string Table = "new_customsalesprocess";

        private readonly string _folder;

        public CustomSalesFlow()
        {
            _folder = CopyOfTheSolution();
            ProcessFlowSteps.Add(_folder, Table);
            var load = new SolutionLoadOptions { OrganizationTables = c => BusinessProcessFlowTables.AddCustom(c, Table, "opportunity") };
            Org = new CrmCollabOrg(folder: _folder, load: load);
        }

        public CrmCollabOrg Org { get; }

        public Guid Process { get; private set; }

        public Guid Discover { get; private set; }

        public Guid Shape { get; private set; }

        public Guid Legal { get; private set; }

        public Guid Offer { get; private set; }

        /// <summary>The administrator creates the flow and its four stages (after the scenario's deals, as an administrator would).</summary>
        public void CreateFlow()
        {
            Process = BusinessProcessFlows.CreateProcess(Org.System, Table, "Custom sales", "opportunity");
            Discover = BusinessProcessFlows.AddStage(Org.System, Process, "Discover", 0, "opportunity");
            Shape = BusinessProcessFlows.AddStage(Org.System, Process, "Shape the offer", 1, "opportunity");
            Legal = BusinessProcessFlows.AddStage(Org.System, Process, "Legal check", null, "opportunity");
            Offer = BusinessProcessFlows.AddStage(Org.System, Process, "Offer", 2, "opportunity");
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        private static string CopyOfTheSolution()
        {
            string target = Path.Combine(Path.GetTempPath(), "crmc-bpf-" + Guid.NewGuid().ToString("N"));
            foreach (string file in Directory.GetFiles(CrmCollabOrg.SolutionFolder, "*", SearchOption.AllDirectories))
            {
                string to = Path.Combine(target, Path.GetRelativePath(CrmCollabOrg.SolutionFolder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to));
                File.Copy(file, to);
            }
            return target;
        }
    }
}
