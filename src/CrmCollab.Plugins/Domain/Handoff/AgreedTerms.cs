using System;
using System.Globalization;
using System.Text;

namespace CrmCollab.Plugins.Domain.Handoff
{
    /// <summary>
    /// The commercial terms agreed with the customer, as the deal records them. Downstream owners read this
    /// snapshot (crmc_agreedterms) so ADV knows the discount granted and logistics the promised delivery.
    /// </summary>
    public sealed class AgreedTerms
    {
        public decimal? Amount { get; set; }
        public string CurrencySymbol { get; set; }
        public decimal? DiscountPercent { get; set; }
        public DateTime? RequestedDelivery { get; set; }
        /// <summary>The payment terms label as the user sees it (e.g. "Net 30").</summary>
        public string PaymentTerms { get; set; }

        /// <summary>Invariant text so the snapshot reads the same for every user and every run.</summary>
        public string ToSnapshot()
        {
            var text = new StringBuilder();
            text.Append("Amount: ").Append(Amount.HasValue ? Amount.Value.ToString("N2", CultureInfo.InvariantCulture) + Currency : "not set");
            text.Append(" | Discount: ").Append(DiscountPercent.HasValue ? DiscountPercent.Value.ToString("0.##", CultureInfo.InvariantCulture) + " %" : "none");
            text.Append(" | Requested delivery: ").Append(RequestedDelivery.HasValue ? RequestedDelivery.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "not set");
            text.Append(" | Payment terms: ").Append(string.IsNullOrWhiteSpace(PaymentTerms) ? "not set" : PaymentTerms);
            return text.ToString();
        }

        private string Currency => string.IsNullOrEmpty(CurrencySymbol) ? "" : " " + CurrencySymbol;
    }
}
