using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk
{
    /// <summary>A page of rows, with what a caller needs to ask for the next page.</summary>
    [DataContract(Name = "EntityCollection", Namespace = XrmNamespaces.Contracts2011)]
    public sealed class EntityCollection : IExtensibleDataObject
    {
        private DataCollection<Entity> _entities = new DataCollection<Entity>();

        public EntityCollection() { }

        public EntityCollection(IList<Entity> list)
        {
            _entities = new DataCollection<Entity>(list);
        }

        [DataMember]
        public DataCollection<Entity> Entities
        {
            get => _entities;
            set => _entities = value;
        }

        public Entity this[int index]
        {
            get => _entities[index];
            set => _entities[index] = value;
        }

        [DataMember]
        public bool MoreRecords { get; set; }

        [DataMember]
        public string PagingCookie { get; set; }

        [DataMember]
        public string MinActiveRowVersion { get; set; }

        [DataMember]
        public int TotalRecordCount { get; set; }

        [DataMember]
        public bool TotalRecordCountLimitExceeded { get; set; }

        [DataMember]
        public string EntityName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
