using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCollab.Sdk.Tests.Core
{
    /// <summary>
    /// Two references are equal when they name the same table, the same id and the same alternate key values;
    /// the display name and the row version take no part. Hash codes follow the same parts.
    /// </summary>
    public class EntityReferenceTests
    {
        private static readonly Guid AccountId = new Guid("6f0b1d2e-3c4a-4b5c-8d9e-0a1b2c3d4e5f");

        private static EntityReference Account(Guid id, params (string Name, object Value)[] keys)
        {
            var reference = new EntityReference("account", id);
            foreach (var (name, value) in keys) reference.KeyAttributes[name] = value;
            return reference;
        }

        [Fact]
        public void A_reference_by_id_and_one_by_id_and_key_are_different()
        {
            Assert.NotEqual(Account(AccountId, ("accountnumber", "A-1")), Account(AccountId));
            Assert.NotEqual(Account(AccountId, ("accountnumber", "A-1")), Account(AccountId, ("accountnumber", "A-2")));
            Assert.Equal(Account(AccountId, ("accountnumber", "A-1")), Account(AccountId, ("accountnumber", "A-1")));
            Assert.NotEqual(Account(AccountId, ("accountnumber", "A-1")), Account(Guid.Empty, ("accountnumber", "A-1")));
        }

        [Fact]
        public void Alternate_keys_compare_by_name_and_value_in_any_order()
        {
            var both = Account(Guid.Empty, ("accountnumber", "A-1"), ("emailaddress1", "ap@contoso.com"));
            var reversed = Account(Guid.Empty, ("emailaddress1", "ap@contoso.com"), ("accountnumber", "A-1"));

            Assert.Equal(both, reversed);
            Assert.Equal(both.GetHashCode(), reversed.GetHashCode());
            Assert.NotEqual(both, Account(Guid.Empty, ("accountnumber", "A-1")));
            Assert.NotEqual(Account(Guid.Empty, ("accountnumber", "A-1")), Account(Guid.Empty, ("accountnumber", "a-1")));
            Assert.NotEqual(Account(Guid.Empty, ("accountnumber", "A-1")), Account(Guid.Empty, ("AccountNumber", "A-1")));
            Assert.NotEqual(Account(Guid.Empty, ("crmc_number", 1)), Account(Guid.Empty, ("crmc_number", 1L)));
            Assert.Equal(Account(Guid.Empty, ("primarycontactid", new EntityReference("contact", AccountId))),
                Account(Guid.Empty, ("primarycontactid", new EntityReference("contact", AccountId))));
        }

        [Fact]
        public void Table_names_compare_exactly_and_an_unnamed_reference_differs_from_a_named_one()
        {
            Assert.NotEqual(new EntityReference("account", AccountId), new EntityReference("Account", AccountId));
            Assert.NotEqual(new EntityReference(null, AccountId), new EntityReference("account", AccountId));
            Assert.Equal(new EntityReference(), new EntityReference());
            Assert.Equal(new EntityReference("account"), new EntityReference("account"));
            Assert.False(new EntityReference("account", AccountId).Equals(null));
            Assert.False(new EntityReference("account", AccountId).Equals(AccountId));
        }

        [Fact]
        public void Name_and_row_version_take_no_part_in_equality_or_hashing()
        {
            var named = new EntityReference("account", AccountId) { Name = "Contoso", RowVersion = "1" };
            var plain = new EntityReference("account", AccountId) { RowVersion = "2" };

            Assert.Equal(named, plain);
            Assert.Equal(named.GetHashCode(), plain.GetHashCode());
            Assert.Single(new HashSet<EntityReference> { named, plain });
        }

        [Fact]
        public void The_hash_follows_the_table_id_and_keys()
        {
            var reference = new EntityReference("account", AccountId);
            int byId = reference.GetHashCode();

            reference.KeyAttributes["accountnumber"] = "A-1";
            Assert.NotEqual(byId, reference.GetHashCode());
            Assert.NotEqual(new EntityReference("account", AccountId).GetHashCode(), new EntityReference("contact", AccountId).GetHashCode());
            // Without a table name only the keys count: the SDK leaves the id out too.
            Assert.Equal(0, new EntityReference(null, AccountId).GetHashCode());
        }

        [Fact]
        public void A_key_with_a_null_value_compares_but_cannot_be_hashed()
        {
            var left = Account(Guid.Empty, ("accountnumber", null));
            var right = Account(Guid.Empty, ("accountnumber", null));

            Assert.Equal(left, right);
            Assert.Throws<NullReferenceException>(() => left.GetHashCode());
        }

        [Fact]
        public void The_equality_operator_compares_instances_not_rows()
        {
            var left = new EntityReference("account", AccountId);
            var right = new EntityReference("account", AccountId);

            Assert.True(left.Equals(right));
            Assert.False(left == right);
        }

        [Fact]
        public void Keys_are_never_null_and_a_given_key_collection_is_used_as_it_is()
        {
            var keys = new KeyAttributeCollection { { "accountnumber", "A-1" } };
            var reference = new EntityReference("account") { KeyAttributes = null };

            Assert.Empty(reference.KeyAttributes);
            Assert.Same(keys, new EntityReference("account", keys).KeyAttributes);
            Assert.Empty(new EntityReference("account", (KeyAttributeCollection)null).KeyAttributes);
            Assert.Equal("A-1", new EntityReference("account", "accountnumber", "A-1").KeyAttributes["accountnumber"]);
            Assert.Throws<ArgumentNullException>(() => new EntityReference("account", null, "A-1"));
        }

        [Fact]
        public void A_new_reference_is_empty_and_prints_its_type_name()
        {
            var reference = new EntityReference();

            Assert.Null(reference.LogicalName);
            Assert.Equal(Guid.Empty, reference.Id);
            Assert.Null(reference.Name);
            Assert.Null(reference.RowVersion);
            Assert.Equal("Microsoft.Xrm.Sdk.EntityReference", reference.ToString());
        }
    }
}
