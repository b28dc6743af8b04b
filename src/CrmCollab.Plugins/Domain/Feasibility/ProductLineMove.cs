using System;

namespace CrmCollab.Plugins.Domain.Feasibility
{
    /// <summary>
    /// Which deals' products a product line's Update changes. A line belongs to one deal: moving it to another is a
    /// products change for both (the deal it leaves lost a line, the deal it joins gained one); sending again the deal
    /// the line already belongs to, or its terms as they are, moves nothing and changes nothing.
    /// </summary>
    public static class ProductLineMove
    {
        /// <summary>The deal the line leaves when the Update names another deal; null when it stays where it was.</summary>
        public static Guid? DealLeft(Guid? dealBefore, Guid? dealAfter) =>
            dealBefore != null && dealBefore != dealAfter ? dealBefore : null;

        /// <summary>
        /// The deal the line belongs to after the Update, when its products changed: the Update changed one of the line's
        /// terms (product, description, quantity, price, discount; see <see cref="ProductLineTerms"/>) or brought the
        /// line from another deal; else null.
        /// </summary>
        public static Guid? DealChanged(bool termsChanged, Guid? dealBefore, Guid? dealAfter) =>
            dealAfter != null && (termsChanged || dealAfter != dealBefore) ? dealAfter : null;
    }
}
