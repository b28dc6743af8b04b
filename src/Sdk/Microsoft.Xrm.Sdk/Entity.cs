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
        private AttributeCollection _attributes = new AttributeCollection();
        private FormattedValueCollection _formattedValues = new FormattedValueCollection();
        private RelatedEntityCollection _relatedEntities = new RelatedEntityCollection();
        private KeyAttributeCollection _keyAttributes = new KeyAttributeCollection();

        public Entity() { }

        public Entity(string entityName) => LogicalName = entityName;

        public Entity(string entityName, Guid id) : this(entityName) => Id = id;

        public Entity(string entityName, string keyName, object keyValue) : this(entityName)
        {
            _keyAttributes[keyName] = keyValue;
        }

        public Entity(string entityName, KeyAttributeCollection keyAttributes) : this(entityName)
        {
            _keyAttributes = keyAttributes ?? new KeyAttributeCollection();
        }

        [DataMember]
        public string LogicalName { get; set; }

        // The id is kept apart from Attributes, as in the SDK: setting one does not set the other.
        [DataMember]
        public virtual Guid Id { get; set; }

        [DataMember]
        public AttributeCollection Attributes
        {
            get => _attributes;
            set => _attributes = value;
        }

        [DataMember]
        public EntityState? EntityState { get; set; }

        [DataMember]
        public FormattedValueCollection FormattedValues
        {
            get => _formattedValues;
            set => _formattedValues = value;
        }

        [DataMember]
        public RelatedEntityCollection RelatedEntities
        {
            get => _relatedEntities;
            set => _relatedEntities = value;
        }

        [DataMember]
        public string RowVersion { get; set; }

        [DataMember]
        public KeyAttributeCollection KeyAttributes
        {
            get => _keyAttributes;
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
            get => _attributes[attributeName];
            set => _attributes[attributeName] = value;
        }

        public bool Contains(string attributeName) => _attributes.Contains(attributeName);

        /// <summary>Lenient access: a missing or null attribute gives default(T); a value of another type throws.</summary>
        public virtual T GetAttributeValue<T>(string attributeLogicalName)
        {
            if (!_attributes.TryGetValue(attributeLogicalName, out object value) || value == null) return default;
            return (T)value;
        }

        public bool TryGetAttributeValue<T>(string attributeKey, out T result)
        {
            if (_attributes.TryGetValue(attributeKey, out object value) && (value is T || value == null && default(T) == null))
            {
                result = (T)value;
                return true;
            }
            result = default;
            return false;
        }

        public EntityReference ToEntityReference()
        {
            var reference = new EntityReference(LogicalName, Id) { RowVersion = RowVersion };
            foreach (var key in _keyAttributes) reference.KeyAttributes[key.Key] = key.Value;
            return reference;
        }

        /// <summary>Converts to an early-bound type, which must declare the same table (EntityLogicalName).</summary>
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
            if (!string.IsNullOrEmpty(LogicalName) && !string.Equals(declared.LogicalName, LogicalName, StringComparison.Ordinal))
                throw new NotSupportedException(
                    $"Cannot convert an entity of type '{LogicalName}' to '{typeof(T).FullName}' (table '{declared.LogicalName}').");
            var target = (T)Activator.CreateInstance(typeof(T));
            ShallowCopyTo(target);
            target.LogicalName = declared.LogicalName;
            return target;
        }

        // The copy shares the collections, so that a typed view and the original see the same values, as in the SDK.
        internal void ShallowCopyTo(Entity target)
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
            _attributes[attributeLogicalName] = value;
        }

        protected virtual string GetFormattedAttributeValue(string attributeLogicalName)
        {
            return _formattedValues.TryGetValue(attributeLogicalName, out string formatted) ? formatted : null;
        }

        protected virtual TEntity GetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            return GetRelatedEntities<TEntity>(relationshipSchemaName, primaryEntityRole)?.FirstOrDefault();
        }

        protected virtual IEnumerable<TEntity> GetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole)
            where TEntity : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (!_relatedEntities.TryGetValue(key, out EntityCollection related)) return null;
            return related.Entities.Select(e => e.ToEntity<TEntity>());
        }

        protected virtual void SetRelatedEntity<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, TEntity entity)
            where TEntity : Entity
        {
            SetRelatedEntities(relationshipSchemaName, primaryEntityRole, entity == null ? null : new[] { entity });
        }

        protected virtual void SetRelatedEntities<TEntity>(string relationshipSchemaName, EntityRole? primaryEntityRole, IEnumerable<TEntity> entities)
            where TEntity : Entity
        {
            var key = new Relationship(relationshipSchemaName) { PrimaryEntityRole = primaryEntityRole };
            if (entities == null)
            {
                _relatedEntities.Remove(key);
                return;
            }
            var list = entities.Cast<Entity>().ToList();
            var collection = new EntityCollection(list) { EntityName = list.Count > 0 ? list[0].LogicalName : null };
            _relatedEntities[key] = collection;
        }
    }
}
