namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// A row whose amount replaces or stands for its deal's (an amendment's proposal, the win's actual revenue) is kept in
    /// its deal's currency (<see cref="Terms.AmendmentCurrency"/>, <see cref="Feasibility.WinCurrency"/>): what those rules share.
    /// </summary>
    public static class DealCurrency
    {
        /// <summary>The row takes its deal's currency: it names none, or carries no amount to be in another.</summary>
        public static bool IsTaken(bool namesCurrency, bool carriesAmount) => !namesCurrency || !carriesAmount;

        /// <summary>A currency as a refusal names it ("Euro"; "no currency" when it has no name).</summary>
        public static string Named(string currency) => string.IsNullOrWhiteSpace(currency) ? "no currency" : currency;
    }
}
