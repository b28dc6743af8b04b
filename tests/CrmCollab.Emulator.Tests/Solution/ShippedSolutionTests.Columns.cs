using System.Collections.Generic;
using CrmCollab.Emulator.Metadata;
using Xunit;

namespace CrmCollab.Emulator.Tests.Solution
{
    /// <summary>The columns other code relies on: their type, requirement and lookup target or choice.</summary>
    public partial class ShippedSolutionTests
    {
        // table, column, type, required, lookup target / option set
        public static IEnumerable<object[]> Columns() => new[]
        {
            C("crmc_dedicatedowner", "crmc_accountid", ColumnType.Lookup, true, "account"),
            C("crmc_dedicatedowner", "crmc_function", ColumnType.Picklist, true, "crmc_function"),
            C("crmc_dedicatedowner", "crmc_userid", ColumnType.Lookup, false, "systemuser"),
            C("crmc_dedicatedowner", "crmc_teamid", ColumnType.Lookup, false, "team"),
            C("crmc_dedicatedowner", "crmc_backupuserid", ColumnType.Lookup, false, "systemuser"),
            C("crmc_dedicatedowner", "crmc_validfrom", ColumnType.DateTime, true),
            C("crmc_dedicatedowner", "crmc_validto", ColumnType.DateTime, false),
            C("crmc_dedicatedowner", "crmc_reroutingbatch", ColumnType.String, false),

            C("crmc_routingrule", "crmc_function", ColumnType.Picklist, true, "crmc_function"),
            C("crmc_routingrule", "crmc_industrycode", ColumnType.Picklist, false),
            C("crmc_routingrule", "crmc_territoryid", ColumnType.Lookup, false, "territory"),
            C("crmc_routingrule", "crmc_customersizecode", ColumnType.Integer, false),
            C("crmc_routingrule", "crmc_userid", ColumnType.Lookup, false, "systemuser"),
            C("crmc_routingrule", "crmc_teamid", ColumnType.Lookup, false, "team"),
            C("crmc_routingrule", "crmc_queueid", ColumnType.Lookup, false, "queue"),
            C("crmc_routingrule", "crmc_priority", ColumnType.Integer, true),
            C("crmc_routingrule", "crmc_isactive", ColumnType.Boolean, false),
            C("crmc_routingrule", "crmc_reroutingbatch", ColumnType.String, false),

            C("crmc_handofftemplate", "crmc_function", ColumnType.Picklist, true, "crmc_function"),
            C("crmc_handofftemplate", "crmc_subject", ColumnType.String, true),
            C("crmc_handofftemplate", "crmc_description", ColumnType.Memo, false),
            C("crmc_handofftemplate", "crmc_dueoffsetdays", ColumnType.Integer, true),
            C("crmc_handofftemplate", "crmc_inforcesince", ColumnType.DateTime, false),
            C("crmc_handofftemplate", "crmc_requiredevidence", ColumnType.String, false),
            C("crmc_handofftemplate", "crmc_sequence", ColumnType.Integer, false),
            C("crmc_handofftemplate", "crmc_isactive", ColumnType.Boolean, false),

            C("task", "crmc_function", ColumnType.Picklist, false, "crmc_function"),
            C("task", "crmc_opportunityid", ColumnType.Lookup, false, "opportunity"),
            C("task", "crmc_handofftemplateid", ColumnType.Lookup, false, "crmc_handofftemplate"),
            C("task", "crmc_handoffkey", ColumnType.String, false),
            C("task", "crmc_routingpath", ColumnType.String, false),
            C("task", "crmc_agreedterms", ColumnType.Memo, false),
            C("task", "crmc_acceptedon", ColumnType.DateTime, false),
            C("task", "crmc_handedoffon", ColumnType.DateTime, false),
            C("task", "crmc_handoffsequence", ColumnType.Integer, false),
            C("task", "crmc_isunrouted", ColumnType.Boolean, false),
            C("task", "crmc_routinghold", ColumnType.Picklist, false, "crmc_routinghold"),
            C("task", "crmc_contractnumber", ColumnType.String, false),
            C("task", "crmc_trackingnumber", ColumnType.String, false),
            C("task", "crmc_deliveredon", ColumnType.DateTime, false),
            C("task", "crmc_servicereference", ColumnType.String, false),

            C("opportunity", "crmc_discountpercent", ColumnType.Decimal, false),
            C("opportunity", "crmc_requesteddelivery", ColumnType.DateTime, false),
            C("opportunity", "crmc_paymentterms", ColumnType.Picklist, false, "crmc_paymentterms"),
            C("opportunity", "crmc_iscustomsolution", ColumnType.Boolean, false),
            C("opportunity", "crmc_feasibilitystatus", ColumnType.Picklist, false),
            C("opportunity", "crmc_feasibilitysummary", ColumnType.Memo, false),

            C("account", "crmc_churnrisk", ColumnType.Boolean, false),
            C("account", "crmc_reroutingbatch", ColumnType.String, false),
            C("systemuser", "crmc_handovershare", ColumnType.String, false),
            C("account", "crmc_lastsignalon", ColumnType.DateTime, false),

            C("crmc_feasibilityrule", "crmc_function", ColumnType.Picklist, true, "crmc_function"),
            C("crmc_feasibilityrule", "crmc_minamount", ColumnType.Money, false),
            C("crmc_feasibilityrule", "crmc_customonly", ColumnType.Boolean, false),
            C("crmc_feasibilityrule", "crmc_mindiscountpercent", ColumnType.Decimal, false),
            C("crmc_feasibilityrule", "crmc_maxleaddays", ColumnType.Integer, false),
            C("crmc_feasibilityrule", "crmc_industrycode", ColumnType.Picklist, false),
            C("crmc_feasibilityrule", "crmc_triggerstage", ColumnType.Picklist, true),
            C("crmc_feasibilityrule", "crmc_gatestage", ColumnType.Picklist, true),
            C("crmc_feasibilityrule", "crmc_slahours", ColumnType.Integer, false),
            C("crmc_feasibilityrule", "crmc_relevantcolumns", ColumnType.String, false),
            C("crmc_feasibilityrule", "crmc_isactive", ColumnType.Boolean, false),

            C("crmc_feasibilityreview", "crmc_opportunityid", ColumnType.Lookup, true, "opportunity"),
            C("crmc_feasibilityreview", "crmc_function", ColumnType.Picklist, true, "crmc_function"),
            C("crmc_feasibilityreview", "crmc_decision", ColumnType.Picklist, true),
            C("crmc_feasibilityreview", "crmc_conditions", ColumnType.Memo, false),
            C("crmc_feasibilityreview", "crmc_rejectionreason", ColumnType.Memo, false),
            C("crmc_feasibilityreview", "crmc_duedate", ColumnType.DateTime, false),
            C("crmc_feasibilityreview", "crmc_decidedon", ColumnType.DateTime, false),
            C("crmc_feasibilityreview", "crmc_decidedby", ColumnType.Lookup, false, "systemuser"),
            C("crmc_feasibilityreview", "crmc_termsfingerprint", ColumnType.Memo, false),
            C("crmc_feasibilityreview", "crmc_routingpath", ColumnType.String, false),
            C("crmc_feasibilityreview", "crmc_supersededby", ColumnType.Lookup, false, "crmc_feasibilityreview"),
            C("crmc_feasibilityreview", "crmc_routinghold", ColumnType.Picklist, false, "crmc_routinghold"),

            C("crmc_amendment", "crmc_opportunityid", ColumnType.Lookup, true, "opportunity"),
            C("crmc_amendment", "crmc_newestimatedvalue", ColumnType.Money, false),
            C("crmc_amendment", "crmc_newdiscountpercent", ColumnType.Decimal, false),
            C("crmc_amendment", "crmc_newrequesteddelivery", ColumnType.DateTime, false),
            C("crmc_amendment", "crmc_newpaymentterms", ColumnType.Picklist, false, "crmc_paymentterms"),
            C("crmc_amendment", "crmc_reason", ColumnType.Memo, true),
            C("crmc_amendment", "crmc_state", ColumnType.Picklist, true),
            C("crmc_amendment", "crmc_approvedby", ColumnType.Lookup, false, "systemuser"),
            C("crmc_amendment", "crmc_approvedon", ColumnType.DateTime, false),
            C("crmc_amendment", "crmc_appliedon", ColumnType.DateTime, false),

            C("crmc_fieldsignal", "crmc_accountid", ColumnType.Lookup, true, "account"),
            C("crmc_fieldsignal", "crmc_kind", ColumnType.Picklist, true),
            C("crmc_fieldsignal", "crmc_description", ColumnType.Memo, true),
            C("crmc_fieldsignal", "crmc_raisedbyfunction", ColumnType.Picklist, false, "crmc_function"),
            C("crmc_fieldsignal", "crmc_raisedby", ColumnType.Lookup, false, "systemuser"),
            C("crmc_fieldsignal", "crmc_competitorid", ColumnType.Lookup, false, "competitor"),
            C("crmc_fieldsignal", "crmc_acknowledgedon", ColumnType.DateTime, false),
            C("crmc_fieldsignal", "crmc_leadid", ColumnType.Lookup, false, "lead"),
            C("crmc_fieldsignal", "crmc_duedate", ColumnType.DateTime, false),
        };

        private static object[] C(string table, string column, ColumnType type, bool required, string extra = null) =>
            new object[] { table, column, type, required, extra };

        [Theory]
        [MemberData(nameof(Columns))]
        public void Contract_columns_have_their_type_requirement_and_target(string table, string column, ColumnType type,
            bool required, string extra)
        {
            var c = Column(table, column);
            Assert.Equal(type, c.Type);
            Assert.True(c.IsCustom, $"{table}.{column} is not a custom column");
            Assert.Equal(required, c.RequiredLevel == RequiredLevel.ApplicationRequired);
            if (type == ColumnType.Lookup) Assert.Equal(new[] { extra }, c.Targets);
            if (type == ColumnType.Picklist && extra != null)
            {
                Assert.Equal(extra, c.OptionSet.Name);
                Assert.True(c.OptionSet.IsGlobal);
                Assert.Same(Def.Catalog.GlobalOptionSets[extra], c.OptionSet);
            }
            if (type == ColumnType.Picklist && extra == null) Assert.False(c.OptionSet.IsGlobal);
        }
    }
}
