using System;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class DealAccountTests
    {
        private static readonly Guid Contoso = Guid.NewGuid(), Fabrikam = Guid.NewGuid();

        [Fact]
        public void A_deal_sold_to_fabrikam_is_fabrikams_even_when_its_account_field_names_contoso()
        {
            Assert.Equal(Fabrikam, DealAccount.Of(Fabrikam, Contoso));
        }

        [Fact]
        public void A_deal_sold_to_a_contact_is_the_account_its_account_field_names_and_without_one_nobodys()
        {
            Assert.Equal(Contoso, DealAccount.Of(null, Contoso));
            Assert.Null(DealAccount.Of(null, null));
        }
    }
}
