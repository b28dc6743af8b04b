using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Domain.Routing;
using Xunit;

namespace CrmCollab.Plugins.Tests.Domain
{
    public class ReviewHandOverTests
    {
        [Fact]
        public void A_review_goes_to_a_reviewer_of_its_function_or_by_an_administrator_or_crmcollabs_own_routing()
        {
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, false, () => true, () => false));
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, false, () => false, () => true));
            Assert.Null(ReviewHandOver.Check(BusinessFunction.Finance, true, () => false, () => false));

            Refusal refused = ReviewHandOver.Check(BusinessFunction.Finance, false, () => false, () => false);
            Assert.Equal(RefusalCodes.ReviewHandOverNotAllowed, refused.Code);
            Assert.Contains("reviews for Finance", refused.Message);
        }
    }
}
