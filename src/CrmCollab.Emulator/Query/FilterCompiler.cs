using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>
    /// Turns FilterExpressions into delegates over a joined row (one Entity per slot), once per query, so that rows
    /// are tested without allocating. Also records which slots a filter reads, to push root-only parts before joins.
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
        public Func<Entity[], bool> Compile(FilterExpression filter, Slot defaultSlot, ISet<int> slots)
        {
            if (filter == null) return null;
            var parts = new List<Func<Entity[], bool>>();
            foreach (var condition in filter.Conditions)
            {
                if (condition == null) continue;
                parts.Add(_conditions.Compile(condition, defaultSlot, slots));
            }
            foreach (var child in filter.Filters)
            {
                var compiled = Compile(child, defaultSlot, slots);
                if (compiled != null) parts.Add(compiled);
            }
            return Combine(parts, filter.FilterOperator);
        }

        public static Func<Entity[], bool> Combine(List<Func<Entity[], bool>> parts, LogicalOperator op)
        {
            if (parts.Count == 0) return null;
            if (parts.Count == 1) return parts[0];
            var array = parts.ToArray();
            if (op == LogicalOperator.Or)
            {
                return row =>
                {
                    foreach (var part in array) if (part(row)) return true;
                    return false;
                };
            }
            return row =>
            {
                foreach (var part in array) if (!part(row)) return false;
                return true;
            };
        }

        /// <summary>
        /// Splits the root criteria: the AND-ed parts that read only the root row run before any join (cheap scan),
        /// the rest after the joins (conditions on link aliases, e.g. "outer link's id is null").
        /// </summary>
        public (Func<Entity[], bool> BeforeJoin, Func<Entity[], bool> AfterJoin) CompileRoot(FilterExpression criteria)
        {
            if (criteria == null) return (null, null);
            var before = new List<Func<Entity[], bool>>();
            var after = new List<Func<Entity[], bool>>();
            if (criteria.FilterOperator == LogicalOperator.And)
            {
                var slots = new HashSet<int>(); // reused: each part's slots are read before the next part is compiled
                foreach (var condition in criteria.Conditions)
                {
                    if (condition == null) continue;
                    slots.Clear();
                    var compiled = _conditions.Compile(condition, _plan.Root, slots);
                    (IsRootOnly(slots) ? before : after).Add(compiled);
                }
                foreach (var child in criteria.Filters)
                {
                    slots.Clear();
                    var compiled = Compile(child, _plan.Root, slots);
                    if (compiled != null) (IsRootOnly(slots) ? before : after).Add(compiled);
                }
                return (Combine(before, LogicalOperator.And), Combine(after, LogicalOperator.And));
            }
            var all = new HashSet<int>();
            var whole = Compile(criteria, _plan.Root, all);
            return IsRootOnly(all) ? (whole, null) : (null, whole);
        }

        private static bool IsRootOnly(HashSet<int> slots) => slots.Count == 0 || (slots.Count == 1 && slots.Contains(0));

        /// <summary>Compiles each link's criteria, noting whether they read only the link's own row.</summary>
        public void CompileLinks(IEnumerable<LinkNode> links)
        {
            foreach (var link in links)
            {
                var slots = new HashSet<int>();
                link.Criteria = Compile(link.Link.LinkCriteria, link.Slot, slots);
                link.CriteriaLocal = slots.Count == 0 || (slots.Count == 1 && slots.Contains(link.Slot.Index));
                CompileLinks(link.Children);
            }
        }
    }
}
