using System;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// Once a deal is Won its agreed terms (and products) are the contract: any client's change is refused, and
    /// only an approved amendment (see <see cref="AmendmentPath"/>) writes through.
    /// </summary>
    public sealed class LockedTermsGuard : PluginBase
    {
        public const string PreImage = "PreImage";

        public LockedTermsGuard(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Update", Opportunity.Table, OnDealUpdate);
            Register(PipelineStage.PreOperation, "Create", OpportunityProduct.Table, OnProductChange);
            Register(PipelineStage.PreOperation, "Update", OpportunityProduct.Table, OnProductChange);
            Register(PipelineStage.PreOperation, "Delete", OpportunityProduct.Table, OnProductChange);
        }

        private static void OnDealUpdate(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage);
            if (before?.Choice(Opportunity.StateCode) != Opportunity.StateWon) return;
            Entity target = context.TargetEntity;
            var changed = target.Attributes.Keys.Where(c => c != Opportunity.Id && !SameValue(target[c], before.Contains(c) ? before[c] : null)).ToList();
            if (changed.Count == 0) return;
            if (AmendmentPath.IsApplying(context.ExecutionContext, target.Id))
            {
                context.Trace("Applying an approved amendment: the locked terms may change.");
                return;
            }
            // The defaults are always locked, so the variable is read only when nothing else settles it.
            var violations = LockedTerms.Violations(LockedTerms.DefaultColumns, changed);
            if (violations.Count == 0)
                violations = LockedTerms.Violations(LockedTerms.Columns(EnvironmentVariables.Read(context.SystemService, EnvironmentVariable.LockedTermsColumns)), changed);
            if (violations.Count > 0) throw new InvalidPluginExecutionException(LockedTerms.RefusalMessage(ColumnLabels.Of(violations)));
        }

        private static void OnProductChange(LocalPluginContext context)
        {
            Guid? dealId = context.ExecutionContext.MessageName == "Create"
                ? context.TargetEntity.RefId(OpportunityProduct.OpportunityId)
                : context.PreImage(PreImage)?.RefId(OpportunityProduct.OpportunityId);
            if (dealId == null) return;
            Entity deal = context.SystemService.Retrieve(Opportunity.Table, dealId.Value, new ColumnSet(Opportunity.StateCode));
            if (deal.Choice(Opportunity.StateCode) == Opportunity.StateWon)
                throw new InvalidPluginExecutionException(LockedTerms.ProductsRefusal);
        }

        /// <summary>An import re-sending today's value changes nothing, so it is not refused.</summary>
        private static bool SameValue(object a, object b) => Equals(Plain(a), Plain(b));

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
