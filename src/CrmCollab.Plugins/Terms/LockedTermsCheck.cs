using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Once a deal is won its agreed terms are the contract: any client's change is refused, also while an
    /// administrator has reopened it, and only an approved amendment (see <see cref="AmendmentPath"/>) writes through.
    /// </summary>
    public static class LockedTermsCheck
    {
        /// <summary>Won now, or won before and reopened (crmc_wonon stays).</summary>
        public static bool WasWon(Entity before) =>
            before != null && (before.Choice(Opportunity.StateCode) == Opportunity.StateWon || before.Contains(Opportunity.WonOn));

        public static Refusal Check(LocalPluginContext context, Entity before, Entity target)
        {
            if (!WasWon(before)) return null;
            var changed = target.Attributes.Keys
                .Where(c => c != Opportunity.Id && !SameValue(target[c], before.Contains(c) ? before[c] : null)).ToList();
            if (changed.Count == 0) return null;
            if (AmendmentPath.IsApplying(context.ExecutionContext, target.Id))
            {
                context.Trace("Applying an approved amendment: the locked terms may change.");
                return null;
            }
            // The defaults are always locked, so the variable is read only when nothing else settles it.
            var violations = LockedTerms.Violations(LockedTerms.DefaultColumns, changed);
            if (violations.Count == 0)
                violations = LockedTerms.Violations(LockedTerms.Columns(EnvironmentVariables.Read(context.SystemService, EnvironmentVariable.LockedTermsColumns)), changed);
            return violations.Count == 0 ? null : new Refusal(RefusalCodes.TermsLocked, LockedTerms.RefusalMessage(ColumnLabels.Of(violations)));
        }

        /// <summary>An import re-sending today's value changes nothing, so it is not refused.</summary>
        public static bool SameValue(object a, object b) => Equals(Plain(a), Plain(b));

        private static object Plain(object value)
        {
            switch (value)
            {
                case Money money: return money.Value;
                case OptionSetValue option: return option.Value;
                case EntityReference reference: return reference.Id;
                case string text when text.Length == 0: return null;
                default: return value;
            }
        }
    }
}
