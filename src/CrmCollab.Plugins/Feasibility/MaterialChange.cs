using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Feasibility;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Feasibility
{
    /// <summary>
    /// After a decision, a change of the terms a function reviewed re-opens that function's review only: the old
    /// review is kept as Invalidated history and a new one is requested. Unrelated changes re-open nothing.
    /// </summary>
    public sealed class MaterialChange : PluginBase
    {
        public const string PreImage = "PreImage", PostImage = "PostImage";

        /// <summary>What the step reads of the deal before and after the change: what the review request reads of it
        /// (<see cref="FeasibilityRepository.DealColumns"/>: who and where it is, its stage, state and feasibility record, who
        /// has owned it — routing passes them over for its reviews) and every term a review may watch. Before, the images
        /// left out who had owned the deal, so a review asked again after a change of terms went to a former owner, who
        /// could not decide it.</summary>
        private static readonly string[] DealImage =
            FeasibilityRepository.DealColumns.Concat(FeasibilityRuleValidator.WatchedColumns).Distinct().ToArray();

        /// <summary>A product line's own terms: changing any of them changes its deal's products.</summary>
        private static readonly string[] LineTerms = ProductLineTerms.Columns.ToArray();
        private static readonly string[] LineImage = ProductLineTerms.Watched.ToArray();

        public MaterialChange(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PostOperation, "Update", Opportunity.Table, OnTermsChanged)
                .Filter(FeasibilityRuleValidator.WatchedColumns.ToArray())
                .PreImage(PreImage, DealImage)
                .PostImage(PostImage, DealImage);
            Register(PipelineStage.PostOperation, "Create", OpportunityProduct.Table, OnProductsChanged)
                .PostImage(PostImage, OpportunityProduct.OpportunityId);
            // A line's terms changed on its deal, or the line moved to another deal: a products change for the deal it
            // is on after the Update (the images tell a real change from terms or a deal sent again as they were) ...
            Register(PipelineStage.PostOperation, "Update", OpportunityProduct.Table, OnLineUpdated)
                .Filter(LineImage)
                .PreImage(PreImage, LineImage)
                .PostImage(PostImage, LineImage);
            // ... and for the deal it leaves (before the move, while the stored line still names that deal).
            Register(PipelineStage.PreOperation, "Update", OpportunityProduct.Table, OnLineLeaving)
                .Filter(OpportunityProduct.OpportunityId)
                .PreImage(PreImage, OpportunityProduct.OpportunityId);
            // Before the delete, inside its transaction: while the line exists, the review guard can tell its deal from
            // the operation (OperationDeal); after it, nothing the platform documents on the context names the deal.
            Register(PipelineStage.PreOperation, "Delete", OpportunityProduct.Table, OnProductsChanged)
                .PreImage(PreImage, OpportunityProduct.OpportunityId);
        }

        private static void OnTermsChanged(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage), after = context.PostImage(PostImage);
            if (before == null || after == null) return;
            DealOwnerRecord.AddSavesOwners(context, after, before); // who handed the deal on in this save is passed over too
            Reopen(context, after, ChangedTerms(context.TargetEntity, before, after), column => Text(after, column));
        }

        /// <summary>
        /// The columns a save really changes (sent with another value than the one stored), as the material-change rule
        /// reads them; <paramref name="after"/> is the deal after the save (its post-image, or the pre-image merged with
        /// the save). An amount is worth what its currency is worth: a change of the deal's currency changes each amount.
        /// </summary>
        public static IReadOnlyCollection<string> ChangedTerms(Entity target, Entity before, Entity after) =>
            Sent(target, after).Where(c => !Equals(Text(before, c), Text(after, c))).ToList();

        /// <summary>
        /// The columns a save of the deal sends, as the material-change rule reads them: its own, and each amount of
        /// <paramref name="after"/> when it sends the deal's currency (an amount is worth what its currency is worth).
        /// </summary>
        public static IReadOnlyCollection<string> Sent(Entity target, Entity after)
        {
            IEnumerable<string> sent = target.Attributes.Keys;
            if (target.Contains(Opportunity.TransactionCurrencyId))
                sent = sent.Concat(after.Attributes.Where(a => a.Value is Money).Select(a => a.Key)).Distinct();
            return sent.ToList();
        }

        private static void OnProductsChanged(LocalPluginContext context)
        {
            Entity line = context.PostImage(PostImage) ?? context.PreImage(PreImage);
            Guid? dealId = line?.RefId(OpportunityProduct.OpportunityId);
            if (dealId == null) return;
            ReopenProducts(context, dealId.Value);
        }

        /// <summary>Any change of a deal's product lines is material to the functions that review "products".</summary>
        private static void ReopenProducts(LocalPluginContext context, Guid dealId)
        {
            Entity deal = context.SystemService.Retrieve(Opportunity.Table, dealId, new Microsoft.Xrm.Sdk.Query.ColumnSet(FeasibilityRepository.DealColumns));
            Reopen(context, deal, new[] { FeasibilityRuleValidator.ProductsToken }, column =>
                column == FeasibilityRuleValidator.ProductsToken ? context.ExecutionContext.OperationId.ToString() : Text(deal, column));
        }

        private static void OnLineUpdated(LocalPluginContext context)
        {
            Entity before = context.PreImage(PreImage), after = context.PostImage(PostImage);
            bool termsChanged = ProductLineTerms.Changed(context.TargetEntity.Attributes.Keys,
                before == null ? null : (Func<string, string>)(column => Text(before, column)),
                column => after != null ? Text(after, column) : Text(context.TargetEntity, column));
            Guid? changed = ProductLineMove.DealChanged(termsChanged, before?.RefId(OpportunityProduct.OpportunityId),
                after?.RefId(OpportunityProduct.OpportunityId));
            if (changed != null) ReopenProducts(context, changed.Value);
        }

        private static void OnLineLeaving(LocalPluginContext context)
        {
            if (!context.TargetEntity.Contains(OpportunityProduct.OpportunityId)) return;
            // The deal sent again by alternate key is the deal the line stays on, not a move (KeyedReferences).
            Guid? left = ProductLineMove.DealLeft(context.PreImage(PreImage)?.RefId(OpportunityProduct.OpportunityId),
                KeyedReferences.RefId(context, context.TargetEntity, OpportunityProduct.OpportunityId));
            if (left != null) ReopenProducts(context, left.Value);
        }

        private static void Reopen(LocalPluginContext context, Entity deal, IReadOnlyCollection<string> changedColumns, Func<string, string> valueOf)
        {
            // An open or lost deal re-opens its reviews; a won deal changes only through an approved amendment (ReopensReviews).
            int? state = deal.Choice(Opportunity.StateCode);
            if (changedColumns.Count == 0 || !MaterialChangeRule.ReopensReviews(state)) return;
            var repository = new FeasibilityRepository(context.SystemService);
            var watched = repository.Reviews(deal.Id).Select(FeasibilityRepository.ToWatched);
            IReadOnlyList<Guid> invalid = MaterialChangeRule.ToInvalidate(true, watched, changedColumns, valueOf);
            foreach (Guid review in invalid) repository.Invalidate(review);
            int reopened = invalid.Count;
            context.Trace("{0} review(s) re-opened by the change of {1}.", reopened, string.Join(", ", changedColumns));
            if (state != Opportunity.StateOpen) return; // a lost deal asks for its reviews when it is reopened
            int? stage = DealStage.Of(deal);
            // Re-request (the invalidated functions, and any function the new terms now require).
            if (stage.HasValue)
                new ReviewRequester(context.SystemService, context.ExecutionContext.SharedVariables).Request(deal, stage.Value, context.Now);
        }

        /// <summary>
        /// An amount with the row's currency when it names one ("60000.00" alone when not, as fingerprints were written
        /// before the currency counted): 60,000 euros and 60,000 dollars are different terms.
        /// </summary>
        private static string WithCurrency(string amount, Entity row)
        {
            Guid? currency = row.RefId(Opportunity.TransactionCurrencyId);
            return currency == null ? amount : amount + " " + currency.Value.ToString("N");
        }

        /// <summary>Invariant text of a value, so fingerprints compare the same whatever the user's locale; an amount
        /// carries its currency (<see cref="WithCurrency"/>).</summary>
        public static string Text(Entity row, string column)
        {
            if (row == null || !row.Contains(column) || row[column] == null) return "";
            object value = row[column];
            switch (value)
            {
                case Money money: return WithCurrency(money.Value.ToString("0.00", CultureInfo.InvariantCulture), row);
                case OptionSetValue option: return option.Value.ToString(CultureInfo.InvariantCulture);
                case EntityReference reference: return reference.Id.ToString();
                case DateTime date: return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                case decimal number: return number.ToString("0.####", CultureInfo.InvariantCulture);
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return value.ToString();
            }
        }
    }
}
