using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// The feasibility rules and the account industry a step has read, kept in the pipeline's SharedVariables so the
    /// later steps of the same message (the guard in PreOperation, the review request and the material-change check in
    /// PostOperation) do not read them again. Microsoft documents SharedVariables as the way to pass data from a
    /// pre-operation step to a post-operation step of the same message; when nothing was kept (another message, a
    /// child pipeline, a step that ran alone) the reader simply queries.
    /// Keys carry what the read depended on (the deal's amount, custom flag and discount; the account's id), so a
    /// step that changed the deal in between reads again. Rules edited inside the same opportunity pipeline are not
    /// seen until the next message: no shipped step edits a rule there.
    /// </summary>
    public sealed class PipelineReads
    {
        private const string Prefix = "crmc.feasibility.";
        private readonly ParameterCollection _shared;

        /// <param name="shared">The executing step's SharedVariables; null keeps nothing (every read queries).</param>
        public PipelineReads(ParameterCollection shared)
        {
            _shared = shared;
        }

        public static string RulesKey(decimal? amount, bool custom, decimal? discount) =>
            Prefix + "rules|" + Number(amount) + "|" + (custom ? "custom" : "standard") + "|" + Number(discount);

        // 80000 as sent and 80000.00 as stored are one amount: the key ignores the scale.
        private static string Number(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture) ?? "";

        public static string IndustryKey(Guid accountId) => Prefix + "industry|" + accountId.ToString("N");

        /// <summary>The rule rows a step kept under this key, or null.</summary>
        public EntityCollection Rules(string key) =>
            _shared != null && _shared.TryGetValue(key, out object kept) ? kept as EntityCollection : null;

        public void KeepRules(string key, EntityCollection rows)
        {
            if (_shared != null) _shared[key] = rows;
        }

        /// <summary>True when a step kept the account's industry (which may be none).</summary>
        public bool TryIndustry(Guid accountId, out int? industry)
        {
            industry = null;
            string key = IndustryKey(accountId);
            // ContainsKey, not TryGetValue: ParameterCollection's typed TryGetValue reports a kept null as missing.
            if (_shared == null || !_shared.ContainsKey(key)) return false;
            object kept = _shared[key];
            industry = kept as int?;
            return kept == null || industry != null;
        }

        public void KeepIndustry(Guid accountId, int? industry)
        {
            if (_shared != null) _shared[IndustryKey(accountId)] = industry;
        }

        public static string RateKey(Guid currencyId) => Prefix + "rate|" + currencyId.ToString("N");

        /// <summary>The currency's exchange rate a step kept, or null.</summary>
        public decimal? Rate(Guid currencyId) =>
            _shared != null && _shared.TryGetValue(RateKey(currencyId), out object kept) ? kept as decimal? : null;

        public void KeepRate(Guid currencyId, decimal? rate)
        {
            if (_shared != null && rate != null) _shared[RateKey(currencyId)] = rate.Value;
        }
    }
}
