using System;
using System.Globalization;
using System.Linq;
using System.Security;
using System.ServiceModel;
using System.Text;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>
    /// Counts the rows of a table that meet AND-ed conditions: one FetchXML count aggregate, and when the platform
    /// refuses it (an aggregate may evaluate at most 50,000 records: AggregateQueryRecordLimit, 8004E023), every page
    /// of the rows' ids instead. Either way the answer is the same number.
    /// </summary>
    public sealed class RowCount
    {
        /// <summary>The platform's refusal of an aggregate over more records than its limit.</summary>
        public const int AggregateLimitRefused = unchecked((int)0x8004E023);

        private readonly IOrganizationService _service;
        private readonly KpiRepository _pages;
        private readonly int? _aggregateLimit;

        /// <param name="aggregateLimit">A lower limit for the aggregate (the fetch's aggregatelimit), or null for the platform's.</param>
        public RowCount(IOrganizationService service, int? aggregateLimit = null)
        {
            if (aggregateLimit < 1) throw new ArgumentOutOfRangeException(nameof(aggregateLimit), "An aggregate limit is a positive number of records.");
            _service = service;
            _pages = new KpiRepository(service);
            _aggregateLimit = aggregateLimit;
        }

        public int Of(string table, string idColumn, params ConditionExpression[] conditions)
        {
            try
            {
                EntityCollection result = _service.RetrieveMultiple(new FetchExpression(Fetch(table, idColumn, conditions)));
                var count = result.Entities.Count == 0 ? null : result.Entities[0].GetAttributeValue<AliasedValue>("n");
                return count == null ? 0 : Convert.ToInt32(count.Value, CultureInfo.InvariantCulture);
            }
            catch (FaultException<OrganizationServiceFault> fault) when (fault.Detail?.ErrorCode == AggregateLimitRefused)
            {
                var query = new QueryExpression(table) { ColumnSet = new ColumnSet(idColumn) };
                foreach (ConditionExpression condition in conditions) query.Criteria.AddCondition(condition);
                return _pages.All(query, idColumn).Count();
            }
        }

        private string Fetch(string table, string idColumn, ConditionExpression[] conditions)
        {
            var fetch = new StringBuilder("<fetch aggregate='true'");
            if (_aggregateLimit.HasValue) fetch.Append(" aggregatelimit='").Append(_aggregateLimit.Value.ToString(CultureInfo.InvariantCulture)).Append('\'');
            fetch.Append("><entity name='").Append(Escape(table)).Append("'><attribute name='").Append(Escape(idColumn))
                .Append("' alias='n' aggregate='count' /><filter>");
            foreach (ConditionExpression condition in conditions)
            {
                fetch.Append("<condition attribute='").Append(Escape(condition.AttributeName)).Append("' operator='").Append(Operator(condition.Operator)).Append('\'');
                if (condition.Values.Count == 1) fetch.Append(" value='").Append(Escape(Text(condition.Values[0]))).Append('\'');
                fetch.Append(" />");
            }
            return fetch.Append("</filter></entity></fetch>").ToString();
        }

        private static string Operator(ConditionOperator op)
        {
            switch (op)
            {
                case ConditionOperator.Equal: return "eq";
                case ConditionOperator.NotEqual: return "ne";
                case ConditionOperator.LessThan: return "lt";
                case ConditionOperator.GreaterThan: return "gt";
                case ConditionOperator.Null: return "null";
                case ConditionOperator.NotNull: return "not-null";
                default: throw new ArgumentOutOfRangeException(nameof(op), op, "A row count takes eq, ne, lt, gt, null and not-null conditions.");
            }
        }

        private static string Text(object value)
        {
            switch (value)
            {
                case DateTime date: return (date.Kind == DateTimeKind.Local ? date.ToUniversalTime() : date).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                case bool flag: return flag ? "1" : "0";
                case OptionSetValue choice: return choice.Value.ToString(CultureInfo.InvariantCulture);
                case EntityReference reference: return reference.Id.ToString();
                case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
                default: return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        private static string Escape(string text) => SecurityElement.Escape(text);
    }
}
