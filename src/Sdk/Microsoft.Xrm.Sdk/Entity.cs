using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Client;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A row of a table: logical name, id and a bag of attribute values.</summary>
    [DataContract(Name = "Entity", Namespace = XrmNamespaces.Contracts2011)]
    public class Entity : IExtensibleDataObject
    {
        // The collections are made on first read, as in the SDK: most rows never carry formatted values, related
        // rows or alternate keys, and a getter never returns null (setting null makes the next read start afresh).
        private AttributeCollection _attributes;
        private FormattedValueCollection _formattedValues;
        private RelatedEntityCollection _relatedEntities;
        private KeyAttributeCollection _keyAttributes;

        public Entity() { }

        public Entity(string entityName) => LogicalName = entityName;

        public Entity(string entityName, Guid id) : this(entityName) => Id = id;

        public Entity(string entityName, string keyName, object keyValue) : this(entityName)
        {
            KeyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes) : this(entityName)
        {
            _keyAttributes = keyAttributes;
        }

        [DataMember]
        public string LogicalName { get; set; }

        // The id is kept apart from Attributes, as in the SDK: setting one does not set the other.
        [DataMember]
        public virtual Guid Id { get; set; }

        [DataMember]
        public AttributeCollection Attributes
        {
            get => _attributes ?? (_attributes = new AttributeCollection());
            set => _attributes = value;
        }

        [DataMember]
        public EntityState? EntityState { get; set; }

        [DataMember]
        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues ?? (_formattedValues = new FormattedValueCollection());
            set => _formattedValues = value;
        }

        [DataMember]
        public RelatedEntityCollection RelatedEntities
        {
            get => _relatedEntities ?? (_relatedEntities = new RelatedEntityCollection());
            set => _relatedEntities = value;
        }

        [DataMember]
        public string RowVersion { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection());
            set => _keyAttributes = value;
        }

        public bool HasLazyFileAttribute { get; set; }

        public string LazyFileAttributeKey { get; set; }

        public Lazy<object> LazyFileAttributeValue { get; set; }

        public string LazyFileSizeAttributeKey { get; set; }

        public int LazyFileSizeAttributeValue { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }

        /// <summary>Strict access: a missing attribute throws KeyNotFoundException (use GetAttributeValue to probe).</summary>
        public object this[string attributeName]
        {
            get => Attributes[attributeName];
            set => Attributes[attributeName] = value;
        }

        public bool Contains(string attributeName) => Attributes.Contains(attributeName);

        /// <summary>Lenient access: a missing or null attribute gives default(T); a value of another type throws.</summary>
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!Attributes.TryGetValue(attributeLogicalName, out object value) || value == null) return default;
            return (T)value;
        }

        /// <summary>
        /// True only when the attribute holds a value of type T: a missing name, a null name and a null value all
        /// give false (and default(T)), never an exception.
        /// </summary>
        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (attributeKey != null && Attributes.TryGetValue(attributeKey, out object value) && value is T typed)
            {
                result = typed;
                return true;
            }
            result = default;
            return false;
        }

        /// <summary>A reference to this row by table, id and row version; alternate keys are not carried over.</summary>
        public EntityReference ToEntityReference() => new EntityReference(LogicalName, Id) { RowVersion = RowVersion };

        /// <summary>
        /// Converts to an early-bound type, which must declare the same table (EntityLogicalName); the copy shares
        /// this row's collections. ToEntity&lt;Entity&gt;() copies without any check.
        /// </summary>
        public T ToEntity<T>() where T : Entity
        {
            if (typeof(T) == typeof(Entity))
            {
                var copy = new Entity();
                ShallowCopyTo(copy);
                return (T)copy;
            }
            var declared = typeof(T).GetCustomAttribute<EntityLogicalNameAttribute>();
            if (declared == null)
                throw new NotSupportedException($"Type {typeof(T).FullName} does not declare an EntityLogicalNameAttribute.");
            if (string.IsNullOrEmpty(LogicalName))
                throw new NotSupportedException($"Set the table (LogicalName) of the row before converting it to {typeof(T).FullName}.");
            if (!string.Equals(declared.LogicalName, LogicalName, StringComparison.Ordinal))
                throw new NotSupportedException(
                    $"Cannot convert an entity of type '{LogicalName}' to '{typeof(T).FullName}' (table '{declared.LogicalName}').");
            var target = (T)Activator.CreateInstance(typeof(T));
            ShallowCopyTo(target);
            return target;
        }

        // The copy shares the collections (made here if still unread), so that a typed view and the original see the
        // same values, as in the SDK.
        private void ShallowCopyTo(Entity target)
        {
            target.LogicalName = LogicalName;
            target.Id = Id;
            target.Attributes = Attributes;
            target.FormattedValues = FormattedValues;
            target.RelatedEntities = RelatedEntities;
            target.KeyAttributes = KeyAttributes;
            target.EntityState = EntityState;
            target.RowVersion = RowVersion;
            target.ExtensionData = ExtensionData;
        }

        protected virtual void SetAttributeValue(string attributeLogicalName, object value)
        {
            if (attributeLogicalName == null) throw new ArgumentNullException(nameof(attributeLogicalName));
            Attributes[attributeLogicalName] = value;
        }

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            return FormattedValues.TryGetValue(attributeLogicalName, out string formatted) ? formatted : null;
        }

        protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            return GetRelatedEntities<TEntity>(relationshipSchemaName, primaryEntityRole)?.FirstOrDefault();
        }

        /// <summary>The related rows, cast (not converted) to TEntity as they are enumerated; null when none were set.</summary>
        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (!RelatedEntities.TryGetValue(key, out EntityCollection related)) return null;
            return related.Entities.Select(e => (TEntity)e);
        }

        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        /// <summary>
        /// Null removes the relationship. Otherwise the collection is named after the first row's table, so an empty
        /// sequence throws InvalidOperationException and a null first row NullReferenceException, as in the SDK.
        /// </summary>
        protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
            where TEntity : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entities == null)
            {
                RelatedEntities.Remove(key);
                return;
            }
            List<Entity> list = entities.Cast<Entity>().ToList();
            string tableName = list.First().LogicalName;
            RelatedEntities[key] = new EntityCollection(list) { EntityName = tableName };
        }
    }
}
