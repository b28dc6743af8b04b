using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Data
{
    /// <summary>Reads an environment variable: its current value if one is set (not blank), else the definition's default.</summary>
    public static class EnvironmentVariables
    {
        /// <summary>One query: the definition with its value joined (outer), as the platform stores them.</summary>
        public static string Read(IOrganizationService service, string schemaName)
        {
            var query = new QueryExpression(EnvironmentVariable.DefinitionTable)
            {
                ColumnSet = new ColumnSet(EnvironmentVariable.DefaultValue),
                TopCount = 1,
            };
            query.Criteria.AddCondition(EnvironmentVariable.SchemaName, ConditionOperator.Equal, schemaName);
            LinkEntity value = query.AddLink(EnvironmentVariable.ValueTable, EnvironmentVariable.DefinitionId,
                EnvironmentVariable.DefinitionId, JoinOperator.LeftOuter);
            value.EntityAlias = "v";
            value.Columns = new ColumnSet(EnvironmentVariable.Value);
            Entity definition = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (definition == null) return null;
            var current = definition.Read<AliasedValue>("v." + EnvironmentVariable.Value)?.Value as string;
            // A value of only spaces is no value, as an empty one: the default is read (the value's checks hold it to that).
            return !string.IsNullOrWhiteSpace(current) ? current : definition.Read<string>(EnvironmentVariable.DefaultValue);
        }
    }
}
