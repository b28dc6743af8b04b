using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Query
{
    /// <summary>A parsed FetchXML query: the equivalent QueryExpression plus what QueryExpression cannot carry.</summary>
    internal sealed class FetchQuery
    {
        public QueryExpression Query { get; set; }
        public PageRequest Page { get; set; }
        public bool Aggregate { get; set; }
        public bool RawOrder { get; set; }
        /// <summary>The fetch's aggregatelimit: a lower limit than the platform's for this aggregate query, or null.</summary>
        public int? AggregateLimit { get; set; }
        public HashSet<XrmAttributeExpression> DistinctCounts { get; } = new HashSet<XrmAttributeExpression>();
    }

    /// <summary>
    /// FetchXML → QueryExpression. Values stay text here: the condition compiler converts them by the column's
    /// metadata type (choice "3" → 3, lookup → Guid, ISO dates), exactly as for raw QueryExpression values.
    /// </summary>
    internal sealed class FetchXmlParser
    {
        private static readonly Dictionary<string, ConditionOperator> Operators = new Dictionary<string, ConditionOperator>(StringComparer.OrdinalIgnoreCase)
        {
            ["eq"] = ConditionOperator.Equal, ["ne"] = ConditionOperator.NotEqual, ["neq"] = ConditionOperator.NotEqual,
            ["gt"] = ConditionOperator.GreaterThan, ["ge"] = ConditionOperator.GreaterEqual,
            ["lt"] = ConditionOperator.LessThan, ["le"] = ConditionOperator.LessEqual,
            ["like"] = ConditionOperator.Like, ["not-like"] = ConditionOperator.NotLike,
            ["in"] = ConditionOperator.In, ["not-in"] = ConditionOperator.NotIn,
            ["between"] = ConditionOperator.Between, ["not-between"] = ConditionOperator.NotBetween,
            ["null"] = ConditionOperator.Null, ["not-null"] = ConditionOperator.NotNull,
            ["begins-with"] = ConditionOperator.BeginsWith, ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
            ["ends-with"] = ConditionOperator.EndsWith, ["not-end-with"] = ConditionOperator.DoesNotEndWith,
            ["yesterday"] = ConditionOperator.Yesterday, ["today"] = ConditionOperator.Today, ["tomorrow"] = ConditionOperator.Tomorrow,
            ["last-seven-days"] = ConditionOperator.Last7Days, ["next-seven-days"] = ConditionOperator.Next7Days,
            ["last-week"] = ConditionOperator.LastWeek, ["this-week"] = ConditionOperator.ThisWeek, ["next-week"] = ConditionOperator.NextWeek,
            ["last-month"] = ConditionOperator.LastMonth, ["this-month"] = ConditionOperator.ThisMonth, ["next-month"] = ConditionOperator.NextMonth,
            ["last-year"] = ConditionOperator.LastYear, ["this-year"] = ConditionOperator.ThisYear, ["next-year"] = ConditionOperator.NextYear,
            ["on"] = ConditionOperator.On, ["not-on"] = ConditionOperator.NotOn,
            ["on-or-before"] = ConditionOperator.OnOrBefore, ["on-or-after"] = ConditionOperator.OnOrAfter,
            ["last-x-hours"] = ConditionOperator.LastXHours, ["next-x-hours"] = ConditionOperator.NextXHours,
            ["last-x-days"] = ConditionOperator.LastXDays, ["next-x-days"] = ConditionOperator.NextXDays,
            ["last-x-weeks"] = ConditionOperator.LastXWeeks, ["next-x-weeks"] = ConditionOperator.NextXWeeks,
            ["last-x-months"] = ConditionOperator.LastXMonths, ["next-x-months"] = ConditionOperator.NextXMonths,
            ["last-x-years"] = ConditionOperator.LastXYears, ["next-x-years"] = ConditionOperator.NextXYears,
            ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes, ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
            ["olderthan-x-days"] = ConditionOperator.OlderThanXDays, ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
            ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths, ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
            ["eq-userid"] = ConditionOperator.EqualUserId, ["ne-userid"] = ConditionOperator.NotEqualUserId,
            ["eq-userteams"] = ConditionOperator.EqualUserTeams, ["eq-useroruserteams"] = ConditionOperator.EqualUserOrUserTeams,
            ["eq-businessid"] = ConditionOperator.EqualBusinessId, ["ne-businessid"] = ConditionOperator.NotEqualBusinessId,
            ["contain-values"] = ConditionOperator.ContainValues, ["not-contain-values"] = ConditionOperator.DoesNotContainValues,
            ["under"] = ConditionOperator.Under, ["eq-or-under"] = ConditionOperator.UnderOrEqual, ["not-under"] = ConditionOperator.NotUnder,
            ["above"] = ConditionOperator.Above, ["eq-or-above"] = ConditionOperator.AboveOrEqual,
        };

        private static readonly Dictionary<string, JoinOperator> LinkTypes = new Dictionary<string, JoinOperator>(StringComparer.OrdinalIgnoreCase)
        {
            ["inner"] = JoinOperator.Inner, ["outer"] = JoinOperator.LeftOuter, ["natural"] = JoinOperator.Natural,
            ["exists"] = JoinOperator.Exists, ["in"] = JoinOperator.In, ["any"] = JoinOperator.Any,
            ["not any"] = JoinOperator.NotAny, ["all"] = JoinOperator.All, ["not all"] = JoinOperator.NotAll,
            ["matchfirstrowusingcrossapply"] = JoinOperator.MatchFirstRowUsingCrossApply,
        };

        private readonly MetadataCatalog _catalog;
        private FetchQuery _result;

        public FetchXmlParser(MetadataCatalog catalog) => _catalog = catalog;

        public FetchQuery Parse(string fetchXml)
        {
            if (string.IsNullOrWhiteSpace(fetchXml)) throw QueryFaults.BadFetch("The FetchXML query is empty.");
            XElement fetch;
            try { fetch = XElement.Parse(fetchXml); }
            catch (XmlException e) { throw QueryFaults.BadFetch($"The FetchXML is not well-formed XML: {e.Message}"); }
            if (fetch.Name.LocalName != "fetch") throw QueryFaults.BadFetch($"The root element must be 'fetch', not '{fetch.Name.LocalName}'.");

            _result = new FetchQuery
            {
                Aggregate = Bool(fetch, "aggregate"), RawOrder = Bool(fetch, "useraworderby"), AggregateLimit = Int(fetch, "aggregatelimit"),
            };
            if (_result.AggregateLimit <= 0)
                throw QueryFaults.BadFetch($"The value '{_result.AggregateLimit}' of attribute 'aggregatelimit' on 'fetch' must be a positive number of records.");
            var entities = fetch.Elements().Where(e => e.Name.LocalName == "entity").ToList();
            foreach (var other in fetch.Elements().Where(e => e.Name.LocalName != "entity")) throw Unexpected(other, fetch);
            if (entities.Count != 1) throw QueryFaults.BadFetch("A fetch must contain exactly one 'entity' element.");

            var entity = entities[0];
            var query = new QueryExpression(Required(entity, "name")) { Distinct = Bool(fetch, "distinct") };
            ReadChildren(entity, query.EntityName, query.ColumnSet, query.Criteria, query.Orders, query.LinkEntities);
            // "If you do not specify columns, or you use the all-attributes element, data for all columns is returned"
            // (powerapps-docs fetchxml/select-columns.md): the opposite of a QueryExpression, whose empty ColumnSet returns
            // only the primary key. Said of the query's entity; an aggregate names what it returns.
            var columns = query.ColumnSet;
            if (!_result.Aggregate && columns.Columns.Count == 0 && columns.AttributeExpressions.Count == 0) columns.AllColumns = true;
            _result.Query = query;
            _result.Page = new PageRequest
            {
                Top = Int(fetch, "top"),
                Count = Int(fetch, "count") ?? 0,
                PageNumber = Int(fetch, "page") ?? 0,
                Cookie = (string)fetch.Attribute("paging-cookie"),
                ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
            };
            return _result;
        }

        private void ReadChildren(XElement element, string table, ColumnSet columns, FilterExpression criteria,
            ICollection<OrderExpression> orders, ICollection<LinkEntity> links)
        {
            bool firstFilter = true;
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "attribute": ReadAttribute(child, columns); break;
                    case "all-attributes": columns.AllColumns = true; break;
                    case "order":
                        var order = new OrderExpression((string)child.Attribute("attribute"),
                            Bool(child, "descending") ? OrderType.Descending : OrderType.Ascending,
                            (string)child.Attribute("alias"), (string)child.Attribute("entityname"));
                        if (string.IsNullOrEmpty(order.AttributeName) && string.IsNullOrEmpty(order.Alias))
                            throw QueryFaults.BadFetch("An 'order' element needs an 'attribute' or an 'alias'.");
                        orders.Add(order);
                        break;
                    case "filter":
                        // The first filter is the element's criteria; further ones are AND-ed to it.
                        if (firstFilter) { ReadFilter(child, criteria); firstFilter = false; }
                        else
                        {
                            var extra = new FilterExpression();
                            ReadFilter(child, extra);
                            criteria.AddFilter(extra);
                        }
                        break;
                    case "link-entity": links.Add(ReadLink(child, table)); break;
                    default: throw Unexpected(child, element);
                }
            }
        }

        private void ReadAttribute(XElement element, ColumnSet columns)
        {
            string name = Required(element, "name");
            string alias = (string)element.Attribute("alias");
            string aggregate = (string)element.Attribute("aggregate");
            bool groupBy = Bool(element, "groupby");
            if (!_result.Aggregate && (aggregate != null || groupBy))
                throw QueryFaults.BadFetch($"The attribute '{name}' uses aggregate or groupby, which needs aggregate='true' on the fetch element.");
            if (!_result.Aggregate && string.IsNullOrEmpty(alias)) { columns.Columns.Add(name); return; }

            var expression = new XrmAttributeExpression(name, AggregateOf(aggregate, name), alias, DateGroupingOf((string)element.Attribute("dategrouping")))
            {
                HasGroupBy = groupBy,
            };
            if (_result.Aggregate && expression.AggregateType == XrmAggregateType.None && !groupBy)
                throw QueryFaults.BadFetch($"In an aggregate query the attribute '{name}' must have an aggregate or groupby.");
            if (Bool(element, "distinct")) _result.DistinctCounts.Add(expression);
            columns.AttributeExpressions.Add(expression);
        }

        private static XrmAggregateType AggregateOf(string text, string name)
        {
            switch (text?.ToLowerInvariant())
            {
                case null: return XrmAggregateType.None;
                case "count": return XrmAggregateType.Count;
                case "countcolumn": return XrmAggregateType.CountColumn;
                case "sum": return XrmAggregateType.Sum;
                case "avg": return XrmAggregateType.Avg;
                case "min": return XrmAggregateType.Min;
                case "max": return XrmAggregateType.Max;
                default: throw QueryFaults.BadFetch($"The aggregate '{text}' of attribute '{name}' is not valid.");
            }
        }

        private static XrmDateTimeGrouping DateGroupingOf(string text)
        {
            switch (text?.ToLowerInvariant())
            {
                case null: return XrmDateTimeGrouping.None;
                case "day": return XrmDateTimeGrouping.Day;
                case "week": return XrmDateTimeGrouping.Week;
                case "month": return XrmDateTimeGrouping.Month;
                case "quarter": return XrmDateTimeGrouping.Quarter;
                case "year": return XrmDateTimeGrouping.Year;
                case "fiscal-period": return XrmDateTimeGrouping.FiscalPeriod;
                case "fiscal-year": return XrmDateTimeGrouping.FiscalYear;
                default: throw QueryFaults.BadFetch($"The dategrouping '{text}' is not valid.");
            }
        }

        private void ReadFilter(XElement element, FilterExpression filter)
        {
            string type = ((string)element.Attribute("type") ?? "and").ToLowerInvariant();
            if (type != "and" && type != "or") throw QueryFaults.BadFetch($"The filter type '{type}' is not valid (and/or).");
            filter.FilterOperator = type == "or" ? LogicalOperator.Or : LogicalOperator.And;
            foreach (var child in element.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "condition": filter.AddCondition(ReadCondition(child)); break;
                    case "filter":
                        var nested = new FilterExpression();
                        ReadFilter(child, nested);
                        filter.AddFilter(nested);
                        break;
                    default: throw Unexpected(child, element);
                }
            }
        }

        private static ConditionExpression ReadCondition(XElement element)
        {
            string attribute = Required(element, "attribute");
            string opText = Required(element, "operator");
            if (!Operators.TryGetValue(opText, out var op)) throw QueryFaults.BadFetch($"The condition operator '{opText}' is not valid.");
            var condition = new ConditionExpression { AttributeName = attribute, Operator = op, EntityName = (string)element.Attribute("entityname") };
            string valueOf = (string)element.Attribute("valueof");
            if (!string.IsNullOrEmpty(valueOf))
            {
                condition.CompareColumns = true;
                condition.Values.Add(valueOf);
                return condition;
            }
            var value = element.Attribute("value");
            if (value != null) condition.Values.Add(value.Value);
            foreach (var child in element.Elements())
            {
                if (child.Name.LocalName != "value") throw Unexpected(child, element);
                condition.Values.Add(child.Value);
            }
            return condition;
        }

        private LinkEntity ReadLink(XElement element, string parentTable)
        {
            string name = Required(element, "name");
            string linkType = (string)element.Attribute("link-type") ?? "inner";
            if (!LinkTypes.TryGetValue(linkType, out var join)) throw QueryFaults.BadFetch($"The link-type '{linkType}' is not valid.");
            // FetchXML: "from" is the linked table's column, "to" the parent's.
            string from = (string)element.Attribute("from");
            string to = (string)element.Attribute("to");
            if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to)) InferJoin(parentTable, name, ref from, ref to);
            var link = new LinkEntity(parentTable, name, to, from, join) { EntityAlias = (string)element.Attribute("alias") };
            ReadChildren(element, name, link.Columns, link.LinkCriteria, link.Orders, link.LinkEntities);
            return link;
        }

        /// <summary>Without from/to the server uses the one relationship between the two tables.</summary>
        private void InferJoin(string parent, string linked, ref string from, ref string to)
        {
            var candidates = _catalog.Relationships.Where(r => !r.IsManyToMany &&
                (r.ReferencingEntity == linked && r.ReferencedEntity == parent || r.ReferencingEntity == parent && r.ReferencedEntity == linked)).ToList();
            if (candidates.Count != 1)
                throw QueryFaults.BadFetch($"The link-entity '{linked}' needs 'from' and 'to' attributes.");
            var r = candidates[0];
            bool linkedReferences = r.ReferencingEntity == linked;
            from = from ?? (linkedReferences ? r.ReferencingAttribute : r.ReferencedAttribute);
            to = to ?? (linkedReferences ? r.ReferencedAttribute : r.ReferencingAttribute);
        }

        private static string Required(XElement element, string attribute)
        {
            var value = (string)element.Attribute(attribute);
            if (string.IsNullOrEmpty(value))
                throw QueryFaults.BadFetch($"The '{element.Name.LocalName}' element requires the '{attribute}' attribute.");
            return value;
        }

        private static bool Bool(XElement element, string attribute)
        {
            var text = (string)element.Attribute(attribute);
            if (text == null) return false;
            if (text == "1" || text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
            if (text == "0" || text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
            throw QueryFaults.BadFetch($"The value '{text}' of attribute '{attribute}' on '{element.Name.LocalName}' is not a boolean.");
        }

        private static int? Int(XElement element, string attribute)
        {
            var text = (string)element.Attribute(attribute);
            if (text == null) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value)) return value;
            throw QueryFaults.BadFetch($"The value '{text}' of attribute '{attribute}' on '{element.Name.LocalName}' is not an integer.");
        }

        private static Exception Unexpected(XElement child, XElement parent) =>
            QueryFaults.BadFetch($"The element '{child.Name.LocalName}' is not valid inside '{parent.Name.LocalName}'.");
    }
}
