using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>Every row a query finds, page by page as the caller reads them, following the paging cookie.</summary>
    public static class Pages
    {
        /// <summary>The largest page Dataverse returns.</summary>
        public const int MaxPageSize = 5000;

        /// <param name="query">Ordered on unique values (its id last), so pages neither skip nor repeat a row (Microsoft: paging needs it).</param>
        public static IEnumerable<Entity> All(IOrganizationService service, QueryExpression query, int pageSize = MaxPageSize)
        {
            query.PageInfo = new PagingInfo { Count = pageSize, PageNumber = 1 };
            while (true)
            {
                EntityCollection page = service.RetrieveMultiple(query);
                foreach (Entity row in page.Entities) yield return row;
                if (!page.MoreRecords) yield break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }
    }
}
