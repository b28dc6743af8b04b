namespace CrmCollab.Plugins.Domain
{
    /// <summary>
    /// What the caller of one of CrmCollab's custom APIs reads when the API cannot answer: it reads with the caller's rights
    /// (as the workflow step it stands in for flows reads with its user's), so a caller who may not read what it needs is
    /// told what they must be allowed to do; a row that no longer exists, which row to check; a value that is no function,
    /// what to pass.
    /// </summary>
    public static class CallerRefusals
    {
        /// <param name="api">The API as people name it: "Get Feasibility Status".</param>
        /// <param name="neededRights">One clause: what the reader must be allowed to do, and which shipped roles allow it.</param>
        public static Refusal LacksRights(string api, string neededRights) =>
            new Refusal(RefusalCodes.CallerRights,
                $"{api} reads with your rights, and you may not read all it needs: you must be allowed to {neededRights}. " +
                "Ask your CrmCollab administrator for such a role.");

        /// <param name="row">The row asked about: "an opportunity", "an account".</param>
        public static Refusal RowMissing(string api, string row) =>
            new Refusal(RefusalCodes.RecordNotFound,
                $"{api} was asked about {row} that does not exist: it may have been deleted. Check the row the flow or client passes.");

        public static Refusal FunctionUnknown(string api, int? value) =>
            new Refusal(RefusalCodes.FunctionUnknown,
                $"{api} needs one of CrmCollab's functions (ADV, Logistics, SAV, …) as its Function: {value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} " +
                "is not one. Pass the value of the function's choice.");
    }
}
