using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>A booted engine with its SYSTEM service and an OrganizationSetup over it, for the security tests that set up roles and teams.</summary>
    internal sealed class BootedOrg
    {
        public BootedOrg(DataverseEngine engine)
        {
            Engine = engine;
            Service = engine.SystemService;
            Setup = new OrganizationSetup(Service);
        }

        public DataverseEngine Engine { get; }
        public IOrganizationService Service { get; }
        public OrganizationSetup Setup { get; }
    }
}
