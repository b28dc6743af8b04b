using CrmCollab.Plugins.Data;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>A currency as users read it ("Euro"), to word a refusal.</summary>
    public static class CurrencyNames
    {
        /// <summary>The name a retrieved lookup carries, else one read of the currency; null for no currency.</summary>
        public static string Of(IOrganizationService service, EntityReference currency)
        {
            if (currency == null) return null;
            if (!string.IsNullOrWhiteSpace(currency.Name)) return currency.Name;
            return service.Retrieve(TransactionCurrency.Table, currency.Id, new ColumnSet(TransactionCurrency.Name))
                .Read<string>(TransactionCurrency.Name);
        }
    }
}
