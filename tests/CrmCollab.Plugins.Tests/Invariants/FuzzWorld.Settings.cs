using System;
using System.Linq;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// The System Administrator changes the Stage Requirements setting while deals move (the columns each sales stage needs filled):
    /// the shipped default, other columns at other stages, none at all, a value that is no JSON or names a column the
    /// opportunity does not have (both refused); now and then someone who may not tries. The invariants then hold every move
    /// forward and every win to the requirements in force.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private static readonly string[] StageRequirementValues =
        {
            "{\"1\":[\"customerneed\"],\"2\":[\"customerneed\",\"decisionmaker\",\"estimatedclosedate\",\"budgetamount\"]}",
            "{\"2\":[\"crmc_requesteddelivery\"]}",
            "{\"1\":[\"customerneed\",\"crmc_requesteddelivery\"],\"3\":[\"crmc_paymentterms\",\"description\"]}",
            "{}",
            "{\"1\":[\"customerneed\"", // no JSON: refused
            "{\"2\":[\"crmc_nosuchcolumn\"]}", // no such column: refused
        };

        private FuzzAction StageRequirementsChange()
        {
            // Settings are the System Administrator's (CrmCollab's roles hold no privilege on environment variable values).
            Guid who = _random.Next(4) > 0 ? _sysadmin : Admin();
            string value = Pick(StageRequirementValues);
            return new FuzzAction($"{who} sets Stage Requirements to {value}", () => Org.SetVariable("crmc_StageRequirements", value, who));
        }

        /// <summary>The Stage Requirements in force (the value, else the definition's default), read as SYSTEM, parsed as the rule parses it.</summary>
        public static StageRequirements StageRequirementsInForce(IOrganizationService system)
        {
            Entity definition = system.RetrieveMultiple(new QueryByAttribute("environmentvariabledefinition")
            {
                ColumnSet = new ColumnSet("defaultvalue"), Attributes = { "schemaname" }, Values = { "crmc_StageRequirements" },
            }).Entities.Single();
            string value = system.RetrieveMultiple(new QueryByAttribute("environmentvariablevalue")
            {
                ColumnSet = new ColumnSet("value"), Attributes = { "environmentvariabledefinitionid" }, Values = { definition.Id },
            }).Entities.Select(v => v.GetAttributeValue<string>("value")).FirstOrDefault();
            return StageRequirementsJson.Parse(value ?? definition.GetAttributeValue<string>("defaultvalue"), StageRequirementsCheck.Stages);
        }
    }
}
