namespace CrmCollab.Emulator.Metadata
{
    // Customers and the sales pipeline: account, contact, opportunity, competitor.
    public static partial class BuiltInTables
    {
        private static readonly (int, string)[] IndustryCodes =
        {
            (1, "Accounting"), (2, "Agriculture and Non-petrol Natural Resource Extraction"),
            (3, "Broadcasting Printing and Publishing"), (4, "Brokers"), (5, "Building Supply Retail"),
            (6, "Business Services"), (7, "Consulting"), (8, "Consumer Services"),
            (9, "Design, Direction and Creative Management"), (10, "Distributors, Dispatchers and Processors"),
            (11, "Doctor's Offices and Clinics"), (12, "Durable Manufacturing"), (13, "Eating and Drinking Places"),
            (14, "Entertainment Retail"), (15, "Equipment Rental and Leasing"), (16, "Financial"),
            (17, "Food and Tobacco Processing"), (18, "Inbound Capital Intensive Processing"),
            (19, "Inbound Repair and Services"), (20, "Insurance"), (21, "Legal Services"),
            (22, "Non-Durable Merchandise Retail"), (23, "Outbound Consumer Service"),
            (24, "Petrochemical Extraction and Distribution"), (25, "Service Retail"), (26, "SIG Affiliations"),
            (27, "Social Services"), (28, "Special Outbound Trade Contractors"), (29, "Specialty Realty"),
            (30, "Transportation"), (31, "Utility Creation and Distribution"), (32, "Vehicle Retail"),
            (33, "Wholesale"),
        };

        private static void AddSales(MetadataCatalog c)
        {
            Table(c, "account", "Account", 1, OwnershipType.UserOwned, "name")
                .String("name", 160, RequiredLevel.ApplicationRequired)
                .String("accountnumber", 20)
                .Picklist("industrycode", IndustryCodes)
                .Picklist("customersizecode", (1, "Default Value"))
                .Picklist("accountcategorycode", (1, "Preferred Customer"), (2, "Standard"))
                .Picklist("customertypecode", (1, "Competitor"), (2, "Consultant"), (3, "Customer"), (4, "Investor"),
                    (5, "Partner"), (6, "Influencer"), (7, "Press"), (8, "Prospect"), (9, "Reseller"),
                    (10, "Supplier"), (11, "Vendor"), (12, "Other"))
                .Lookup("parentaccountid", "account").Rel("account_parent_account")
                .Lookup("primarycontactid", "contact").Rel("account_primary_contact")
                .Lookup("territoryid", "territory").Rel("territory_accounts")
                .Lookup("originatingleadid", "lead").Rel("account_originating_lead")
                .Bool("merged").ReadOnly() // set by Merge on the record merged away
                .Lookup("masterid", "account").ReadOnly() // the record it was merged into
                // A currency in use cannot be deleted (account table reference: Delete Restrict).
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_account", cascadeDelete: "Restrict")
                .Decimal("exchangerate", 10).ReadOnly()
                .MoneyWithBase("revenue")
                .Int("numberofemployees", 0, 1000000000)
                .String("telephone1", 50)
                .String("emailaddress1", 100)
                .String("websiteurl", 200)
                .String("address1_city", 80)
                .String("address1_country", 80)
                .Memo("description")
                .States(ActiveInactiveStates).Statuses(ActiveInactiveStatuses)
                .SystemColumns();

            // Every currency relationship of these tables restricts the delete of a currency rows are in: transactioncurrency_account,
            // _contact, _opportunity (powerapps-docs transactioncurrency.md, account.md, opportunity.md), _lead, _competitor,
            // _opportunityproduct (Dynamics 365 transactioncurrency.md, One-To-Many relationships: CascadeConfiguration Delete: Restrict).
            Table(c, "contact", "Contact", 2, OwnershipType.UserOwned, "fullname")
                .String("firstname", 50)
                .String("middlename", 50)
                .String("lastname", 50, RequiredLevel.ApplicationRequired)
                .String("fullname", 160).ReadOnly() // composed by the platform
                .Customer("parentcustomerid")
                    // Deleting the account deletes the contacts whose company it is, assigning it assigns them; a contact's
                    // contacts only lose their company and follow its owner (powerapps-docs account.md, contact.md:
                    // contact_customer_accounts Delete and Assign Cascade, contact_customer_contacts Delete RemoveLink, Assign Cascade).
                    .Rel("contact_customer_accounts", "account", cascadeDelete: "Cascade", cascadeAssign: "Cascade")
                    .Rel("contact_customer_contacts", "contact", cascadeAssign: "Cascade")
                .String("emailaddress1", 100)
                .String("telephone1", 50)
                .String("mobilephone", 50)
                .String("jobtitle", 100)
                .Lookup("originatingleadid", "lead").Rel("contact_originating_lead")
                .Bool("merged").ReadOnly()
                .Lookup("masterid", "contact").ReadOnly()
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_contact", cascadeDelete: "Restrict")
                .Memo("description")
                .States(ActiveInactiveStates).Statuses(ActiveInactiveStatuses)
                .SystemColumns();

            Table(c, "opportunity", "Opportunity", 3, OwnershipType.UserOwned, "name")
                .String("name", 300, RequiredLevel.ApplicationRequired)
                // Deleting the customer deletes its opportunities, assigning it assigns them (documented cascade of the
                // two customer relationships: Delete and Assign Cascade, Dynamics 365 opportunity table reference).
                .Customer("customerid")
                    .Rel("opportunity_customer_accounts", "account", cascadeDelete: "Cascade", cascadeAssign: "Cascade")
                    .Rel("opportunity_customer_contacts", "contact", cascadeDelete: "Cascade", cascadeAssign: "Cascade")
                .Lookup("parentaccountid", "account").Rel("opportunity_parent_account")
                .Lookup("parentcontactid", "contact").Rel("opportunity_parent_contact")
                .Lookup("originatingleadid", "lead").Rel("opportunity_originating_lead")
                // The deal's price list (Opportunity table reference: PriceLevelId), which prices its catalogue lines (ListPrices).
                .Lookup("pricelevelid", "pricelevel").Display("Price List")
                // A currency in use cannot be deleted (opportunity table reference: Delete Restrict).
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_opportunity", cascadeDelete: "Restrict")
                .Decimal("exchangerate", 10).ReadOnly()
                .MoneyWithBase("estimatedvalue")
                // Revenue: User Provided (false) or System Calculated (true), where Est. Revenue is calculated from the deal's
                // products (Opportunity table reference, IsRevenueSystemCalculated). Not modelled: that calculation, and the
                // column's default on create (the engine stores none).
                .Bool("isrevenuesystemcalculated").Display("Revenue")
                .Date("estimatedclosedate")
                .MoneyWithBase("actualvalue")
                .Date("actualclosedate")
                .MoneyWithBase("budgetamount")
                .MoneyWithBase("totalamount")
                .Picklist("salesstage", (0, "Qualify"), (1, "Develop"), (2, "Propose"), (3, "Close"))
                .Picklist("salesstagecode", (1, "Default Value"))
                .String("stepname", 200)
                .Int("closeprobability", 0, 100)
                .Memo("customerneed")
                .Memo("customerpainpoints")
                .Memo("currentsituation")
                .Memo("proposedsolution")
                .Bool("decisionmaker")
                .Picklist("purchasetimeframe", (0, "Immediate"), (1, "This Quarter"), (2, "Next Quarter"),
                    (3, "This Year"), (4, "Unknown"))
                .Picklist("purchaseprocess", (0, "Individual"), (1, "Committee"), (2, "Unknown"))
                .Picklist("budgetstatus", (0, "No Committed Budget"), (1, "May Buy"), (2, "Can Buy"), (3, "Will Buy"))
                .Picklist("need", (0, "Must have"), (1, "Should have"), (2, "Good to have"), (3, "No need"))
                .Picklist("opportunityratingcode", (1, "Hot"), (2, "Warm"), (3, "Cold"))
                .Picklist("prioritycode", (1, "Default Value"))
                .Memo("description")
                // Business process flow bookkeeping (deprecated on the record, still present and written).
                .Lookup("processid", "workflow").Display("Process")
                .Lookup("stageid", "processstage").Display("Process Stage")
                .String("traversedpath", 1250)
                .States((0, "Open", 1), (1, "Won", 3), (2, "Lost", 4))
                .Statuses((1, "In Progress", 0), (2, "On Hold", 0), (3, "Won", 1), (4, "Canceled", 2),
                    (5, "Out-Sold", 2))
                // Win/Lose close an open opportunity; ReOpen (SetState to 0) reopens a closed one.
                .Transitions((0, 1), (0, 2), (1, 0), (2, 0))
                .SystemColumns();

            Table(c, "competitor", "Competitor", 123, OwnershipType.OrganizationOwned, "name")
                .String("name", 100, RequiredLevel.ApplicationRequired)
                .String("websiteurl", 200)
                .Memo("strengths")
                .Memo("weaknesses")
                .Money("reportedrevenue")
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_competitor", cascadeDelete: "Restrict")
                .SystemColumns();
        }

        private static void AddLeadsAndProducts(MetadataCatalog c)
        {
            Table(c, "lead", "Lead", 4, OwnershipType.UserOwned, "fullname")
                .String("subject", 300).Display("Topic")
                .String("firstname", 50)
                .String("lastname", 50, RequiredLevel.ApplicationRequired)
                .String("fullname", 160).ReadOnly()
                .String("companyname", 100)
                .String("emailaddress1", 100)
                .String("telephone1", 50)
                .Lookup("parentaccountid", "account").Rel("lead_parent_account")
                .Lookup("parentcontactid", "contact").Rel("lead_parent_contact")
                .Lookup("qualifyingopportunityid", "opportunity").Rel("lead_qualifying_opportunity")
                .Lookup("transactioncurrencyid", "transactioncurrency").Rel("transactioncurrency_lead", cascadeDelete: "Restrict")
                .MoneyWithBase("estimatedamount")
                .Date("estimatedclosedate")
                .Memo("description")
                .Picklist("leadsourcecode", (1, "Advertisement"), (2, "Employee Referral"), (3, "External Referral"),
                    (4, "Partner"), (5, "Public Relations"), (6, "Seminar"), (7, "Trade Show"), (8, "Web"),
                    (9, "Word of Mouth"), (10, "Other"))
                .Picklist("leadqualitycode", (1, "Hot"), (2, "Warm"), (3, "Cold"))
                .States((0, "Open", 1), (1, "Qualified", 3), (2, "Disqualified", 4))
                .Statuses((1, "New", 0), (2, "Contacted", 0), (3, "Qualified", 1), (4, "Lost", 2),
                    (5, "Cannot Contact", 2), (6, "No Longer Interested", 2), (7, "Canceled", 2))
                .Transitions((0, 1), (0, 2), (1, 0), (2, 0))
                .SystemColumns();

            AddCatalogue(c);

            // Opportunity lines are secured through their parent opportunity (ParentOwned in Dataverse).
            Table(c, "opportunityproduct", "OpportunityProduct", 1083, OwnershipType.UserOwned, "opportunityproductname")
                .String("opportunityproductname", 500).ReadOnly()
                .Lookup("opportunityid", "opportunity").Required(RequiredLevel.SystemRequired)
                    // The deal's lines: product_opportunities (its name is the product's way round, as Dataverse spells it: the
                    // Product table reference gives opportunity_products to the lines' productid, Delete Restrict, and the
                    // OpportunityProductBase schema keys product_opportunities on OpportunityId). Before, the two were swapped.
                    .Rel("product_opportunities", cascadeDelete: "Cascade")
                // A product a line names is not deleted (Product table reference, opportunity_products: Delete Restrict).
                .Lookup("productid", "product").Rel("opportunity_products", cascadeDelete: "Restrict")
                // The line's unit (Microsoft Learn, OpportunityProduct table reference: UoMId, a lookup to uom): 5 pallets are not 5 units.
                .Lookup("uomid", "uom")
                .String("productdescription", 500)
                // Both Boolean, DefaultValue False (OpportunityProduct table reference): an existing product, the list price.
                .Bool("isproductoverridden").Default(false)
                .Bool("ispriceoverridden").Default(false)
                .Decimal("quantity", 5, 0m, 1000000000m).Required()
                .MoneyWithBase("priceperunit")
                // Amount and Extended Amount: IsValidForCreate False, valid for Update (OpportunityProduct table reference).
                .MoneyWithBase("baseamount").UpdateOnly()
                .MoneyWithBase("manualdiscountamount")
                .MoneyWithBase("tax")
                .MoneyWithBase("extendedamount").UpdateOnly()
                .Int("lineitemnumber", 0, 1000000000)
                .Lookup("transactioncurrencyid", "transactioncurrency").ReadOnly()
                    .Rel("transactioncurrency_opportunityproduct", cascadeDelete: "Restrict")
                .Memo("description")
                .SystemColumns();
        }
    }
}
