using System;
using CrmCollab.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCollab.Emulator.Tests.Engine.FaultAssert;

namespace CrmCollab.Emulator.Tests.Security
{
    /// <summary>
    /// An Update that points a lookup at another row links the two: Append on the row saved, AppendTo on the row named,
    /// besides Write. Sending the stored value again, or clearing the lookup, links nothing new and asks neither.
    /// </summary>
    public class LookupAppendOnUpdateTests
    {
        private readonly LookupAppendOrg _org = new LookupAppendOrg();

        [Fact]
        public void Pointing_a_widget_at_an_account_out_of_reach_is_refused()
        {
            var ann = _org.As(_org.Ann);
            Guid widget = ann.Create(LookupAppendOrg.Widget());
            ann.Update(LookupAppendOrg.Naming(widget, _org.AnnsAccount));

            var fault = Fails(() => ann.Update(LookupAppendOrg.Naming(widget, _org.BobsAccount)), SecurityFaults.AccessCheckFailed);

            Assert.Contains("does not have AppendToAccess right(s)", fault.Message);
            Assert.Contains("prvAppendToAccount", fault.Message);
            Assert.Equal(_org.AnnsAccount, _org.AccountNamedBy(widget));
        }

        [Fact]
        public void Write_alone_does_not_link_a_widget_to_an_account()
        {
            var nina = _org.As(_org.Nina);
            Guid widget = nina.Create(LookupAppendOrg.Widget());
            nina.Update(new Entity("crmc_widget", widget) { ["crmc_name"] = "Renamed" });

            var fault = Fails(() => nina.Update(LookupAppendOrg.Naming(widget, _org.AnnsAccount)), SecurityFaults.PrivilegeDenied);

            Assert.Contains("is missing prvAppendcrmc_Widget privilege", fault.Message);
            Assert.Null(_org.AccountNamedBy(widget));
        }

        [Fact]
        public void Re_sending_the_account_a_widget_already_names_links_nothing_and_is_not_refused()
        {
            // SYSTEM filed Ann's widget under Bob's account, which Ann may not append to. An integration saving back what
            // it read sends that account again: nothing new is linked, and no page says the platform asks anything then
            // (as for an owner sent again), so only Write is asked. Another account of Bob's is a new link and is refused.
            Guid widget = _org.Engine.SystemService.Create(LookupAppendOrg.Widget(_org.BobsAccount, owner: _org.Ann));
            var ann = _org.As(_org.Ann);
            var save = LookupAppendOrg.Naming(widget, _org.BobsAccount);
            save["crmc_name"] = "Saved back";

            ann.Update(save);
            Fails(() => ann.Update(LookupAppendOrg.Naming(widget, _org.AccountOf(_org.Bob))), SecurityFaults.AccessCheckFailed);

            Assert.Equal(_org.BobsAccount, _org.AccountNamedBy(widget));
        }

        [Fact]
        public void Clearing_a_lookup_appends_nothing()
        {
            Guid widget = _org.Engine.SystemService.Create(LookupAppendOrg.Widget(_org.BobsAccount, owner: _org.Nina));

            _org.As(_org.Nina).Update(LookupAppendOrg.Naming(widget, null));

            Assert.Null(_org.AccountNamedBy(widget));
        }

        [Fact]
        public void SYSTEM_re_points_any_lookup()
        {
            Guid widget = _org.As(_org.Ann).Create(LookupAppendOrg.Widget(_org.AnnsAccount));

            _org.Engine.SystemService.Update(LookupAppendOrg.Naming(widget, _org.BobsAccount));

            Assert.Equal(_org.BobsAccount, _org.AccountNamedBy(widget));
        }
    }
}
