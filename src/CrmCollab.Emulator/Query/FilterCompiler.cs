using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Turns FilterExpressions into <see cref="RowFilter"/>s over a joined row (one Entity per slot), once per query, so
    /// that rows are tested without allocating. Also records which slots a filter reads, to push root-only parts before
    /// joins. Collections are walked by index: their enumerators would be allocations on every query.
    /// </summary>
    internal sealed class FilterCompiler
    {
        private readonly QueryPlan _plan;
        private readonly ConditionCompiler _conditions;

        public FilterCompiler(QueryPlan plan, QueryContext context)
        {
            _plan = plan;
            _conditions = new ConditionCompiler(plan, context);
        }

        /// <summary>Compiles a filter; null means "always true". Slots read are added to <paramref name="slots"/>.</summary>
        public RowFilter Compile(FilterExpression filter, Slot defaultSlot, ref SlotUse slots)
        {
            if (filter == null) return null;
            var conditions = QueryParts.Conditions(filter);
            var children = QueryParts.Filters(filter);
            List<RowFilter> parts = null;
            for (int i = 0; i < conditions.Count; i++)
            {
                var condition = conditions[i];
                if (condition == null) continue;
                Add(ref parts, conditions.Count + children.Count, _conditions.Compile(condition, defaultSlot, ref slots));
            }
            for (int i = 0; i < children.Count; i++)
            {
                var compiled = Compile(children[i], defaultSlot, ref slots);
                if (compiled != null) Add(ref parts, conditions.Count + children.Count, compiled);
            }
            return Combine(parts, filter.FilterOperator);
        }

        private static void Add(ref List<RowFilter> parts, int capacity, RowFilter part) =>
            (parts ??= new List<RowFilter>(capacity)).Add(part);

        /// <summary>Null for no parts (always true), the part itself for one, else their AND / OR.</summary>
        public static RowFilter Combine(List<RowFilter> parts, LogicalOperator op)
        {
            if (parts == null || parts.Count == 0) return null;
            if (parts.Count == 1) return parts[0];
            return new LogicalFilter(parts, op == LogicalOperator.Or);
        }

        /// <summary>
        /// Splits the root criteria: the AND-ed parts that read only the root row run before any join (cheap scan),
        /// the rest after the joins (conditions on link aliases, e.g. "outer link's id is null").
        /// </summary>
        public (RowFilter BeforeJoin, RowFilter AfterJoin) CompileRoot(FilterExpression criteria)
        {
            if (criteria == null) return (null, null);
            if (criteria.FilterOperator == LogicalOperator.And)
            {
                var conditions = QueryParts.Conditions(criteria);
                var children = QueryParts.Filters(criteria);
                int capacity = conditions.Count + children.Count;
                List<RowFilter> before = null, after = null;
                for (int i = 0; i < conditions.Count; i++)
                {
                    var condition = conditions[i];
                    if (condition == null) continue;
                    var slots = new SlotUse();
                    var compiled = _conditions.Compile(condition, _plan.Root, ref slots);
                    if (slots.OnlyReads(0)) Add(ref before, capacity, compiled);
                    else Add(ref after, capacity, compiled);
                }
                for (int i = 0; i < children.Count; i++)
                {
                    var slots = new SlotUse();
                    var compiled = Compile(children[i], _plan.Root, ref slots);
                    if (compiled == null) continue;
                    if (slots.OnlyReads(0)) Add(ref before, capacity, compiled);
                    else Add(ref after, capacity, compiled);
                }
                return (Combine(before, LogicalOperator.And), Combine(after, LogicalOperator.And));
            }
            var all = new SlotUse();
            var whole = Compile(criteria, _plan.Root, ref all);
            return all.OnlyReads(0) ? (whole, null) : (null, whole);
        }

        /// <summary>Compiles each link's criteria, noting whether they read only the link's own row.</summary>
        public void CompileLinks(List<LinkNode> links)
        {
            for (int i = 0; i < links.Count; i++)
            {
                var link = links[i];
                var slots = new SlotUse();
                link.Criteria = Compile(link.Link.LinkCriteria, link.Slot, ref slots);
                link.CriteriaLocal = slots.OnlyReads(link.Slot.Index);
                CompileLinks(link.Children);
            }
        }
    }
}
