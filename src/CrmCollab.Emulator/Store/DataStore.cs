using System;
using System.Collections.Generic;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Metadata;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Emulator.Store
{
    /// <summary>
    /// The main operations of Create/Retrieve/Update/Delete on the row store: validation, platform columns,
    /// state rules, alternate keys and delete cascades. Callers pass the undo log of their transaction.
    /// </summary>
    public sealed class DataStore
    {
        private readonly MetadataCatalog _catalog;
        private readonly EngineClock _clock;
        private readonly RowValidator _validator;
        private readonly ValueFormatter _formatter;
        private readonly OwnerColumns _owner;
        private readonly Func<Guid> _newId;
        private readonly StoredValues _values = new StoredValues();
        private readonly RowDraft _rowDraft = new RowDraft();
        private readonly AttributeCollection _draft;
        private readonly AlternateKeys _keys;

        internal DataStore(MetadataCatalog catalog, EngineClock clock, bool enforceApplicationRequired,
            Func<EntityReference, Guid> businessUnitOf, Func<Guid> newId)
        {
            _newId = newId;
            _catalog = catalog;
            _clock = clock;
            Rows = new RowStore();
            _validator = new RowValidator(catalog, Rows, enforceApplicationRequired);
            _formatter = new ValueFormatter(catalog, Rows);
            _owner = new OwnerColumns(_values, businessUnitOf);
            _draft = SizedEntity.Over(_rowDraft);
            _keys = new AlternateKeys(Rows);
        }

        public RowStore Rows { get; }

        public MetadataCatalog Catalog => _catalog;

        public TableDefinition RequireTable(string table) => _validator.RequireTable(table);

        /// <summary>The stored row (read-only) or the platform's not-found fault.</summary>
        public Entity RequireRow(string table, Guid id)
        {
            RequireTable(table);
            return Rows.TryGet(table, id, out var row) ? row : throw Faults.NotFound(table, id);
        }

        /// <summary>A formatted copy of a row holding the requested columns.</summary>
        public Entity Read(string table, Guid id, ColumnSet columns)
        {
            var definition = RequireTable(table);
            CheckColumns(definition, columns);
            return Project(RequireRow(table, id), columns);
        }

        /// <summary>As <see cref="Read(string, Guid, ColumnSet)"/> for a row the caller already holds (from RequireRow).</summary>
        internal Entity Read(TableDefinition definition, Entity row, ColumnSet columns)
        {
            CheckColumns(definition, columns);
            return Project(row, columns);
        }

        private static void CheckColumns(TableDefinition definition, ColumnSet columns)
        {
            if (columns == null) throw Faults.Invalid("Required field 'ColumnSet' is missing");
            if (!columns.AllColumns)
                for (int i = 0; i < columns.Columns.Count; i++)
                    if (definition.Column(columns.Columns[i]) == null) throw Faults.UnknownColumn(definition.LogicalName, columns.Columns[i]);
        }

        private Entity Project(Entity row, ColumnSet columns)
        {
            // A short column list is searched in place: cheaper than building a set per read.
            var copy = columns.AllColumns ? EntityCloner.Project(row, null)
                : columns.Columns.Count <= 8 ? EntityCloner.ProjectFew(row, columns.Columns)
                : row is StoredRow stored && stored.Stored != null ? EntityCloner.ProjectStored(row, stored.Stored, columns.Columns)
                : EntityCloner.Project(row, new HashSet<string>(columns.Columns));
            Format(copy);
            return copy;
        }

        public void Format(Entity entity) => _formatter.Format(entity);

        public string PrimaryName(EntityReference reference) => _formatter.PrimaryName(reference);

        public Guid Create(Entity target, Guid callerId, UndoLog log) => Create(target, callerId, log, null);

        /// <param name="platformColumns">Values only the platform writes (not valid for Create): the row is then the
        /// platform's own (a role's copy in a business unit, <see cref="RoleCopies"/>) and brings no copies itself.</param>
        internal Guid Create(Entity target, Guid callerId, UndoLog log, Entity platformColumns)
        {
            var table = RequireTable(target.LogicalName);
            Guid id = ResolveId(table, target);
            if (id != Guid.Empty && Rows.Exists(table.LogicalName, id))
                throw Faults.Create(ErrorCodes.DuplicateRecord, "Cannot insert duplicate key.");
            var ignored = _validator.ValidateValues(table, target, isCreate: true);
            var row = _values.CopyIn(target, Draft(table.LogicalName));
            if (ignored != null) foreach (var column in ignored) row.Attributes.Remove(column);
            row.Id = id == Guid.Empty ? _newId() : id;
            if (platformColumns != null) foreach (var pair in platformColumns.Attributes) row[pair.Key] = _values.In(pair.Value);
            else RoleCopies.MarkRoot(table.LogicalName, row, _values);

            var shape = Shape(table);
            object now = _clock.Tick(); // boxed once: stored values are shared, never changed in place
            var caller = _values.Reference("systemuser", callerId);
            if (shape.HasCreatedOn) row["createdon"] = now;
            if (shape.HasModifiedOn) row["modifiedon"] = now;
            if (shape.HasCreatedBy) row["createdby"] = caller;
            if (shape.HasModifiedBy) row["modifiedby"] = caller;
            // The owner columns (OwnerColumns) replace ownerid with a reference of its own, so the caller's may stand in.
            if (shape.HasOwner && row.GetAttributeValue<EntityReference>("ownerid") == null)
                row["ownerid"] = caller;
            if (shape.HasState)
            {
                if (!row.Attributes.TryGetValue("statecode", out var state) || state == null)
                    row["statecode"] = _values.Option(StateRules.Initial(table).State);
                StateRules.Apply(table, null, row);
                KeepShared(row, "statecode");
                KeepShared(row, "statuscode");
            }
            row[table.PrimaryIdAttribute] = row.Id;
            ApplyDefaults(table, row);
            ListPrices.Apply(Rows, row); // a catalogue line's price from its deal's price list
            if (shape.DateOnly.Count > 0) DateOnlyValues.Apply(shape, row);
            if (shape.HasComposedName) ComposedColumns.Apply(table, row);
            if (shape.HasCurrency)
            {
                if (!row.Contains(CurrencyColumns.Currency) && UserSettingsRows.DefaultCurrencyOf(Rows, callerId) is Guid currency)
                    row[CurrencyColumns.Currency] = _values.Reference("transactioncurrency", currency); // the creator's default
                CurrencyStamp.Apply(shape, row, Rows);
            }
            _owner.Apply(shape, row);
            RowValidator.CheckRequiredOnCreate(shape, row);
            if (table.Keys.Count > 0) _keys.CheckUnique(table, row);
            Stamp(shape, row);
            Guid created = row.Id;
            Put(row, log);
            if (platformColumns == null)
            {
                RoleCopies.AfterCreate(this, table.LogicalName, created, callerId, log);
                UserSettingsRows.AfterCreate(this, table.LogicalName, created, callerId, log);
            }
            return created;
        }

        private readonly Dictionary<TableDefinition, TableShape> _shapes = new Dictionary<TableDefinition, TableShape>();

        private TableShape Shape(TableDefinition table) => TableShape.Of(table, _shapes, _validator.EnforcesApplicationRequired);

        public void Update(Entity target, Guid callerId, UndoLog log)
        {
            var table = RequireTable(target.LogicalName);
            Guid id = ResolveId(table, target);
            if (id == Guid.Empty) throw Faults.Invalid("Entity Id must be specified for Update");
            var current = RequireRow(table.LogicalName, id);
            var ignored = _validator.ValidateValues(table, target, isCreate: false);
            var row = NextDraft(current);
            Entity changes = null;
            if (StateRules.HasState(table) && (target.Contains("statecode") || target.Contains("statuscode")))
            {
                changes = EntityCloner.Clone(target);
                if (ignored != null) foreach (var column in ignored) changes.Attributes.Remove(column);
                changes.Attributes.Remove(table.PrimaryIdAttribute);
                StateRules.Apply(table, current, changes);
                using var pairs = new Pairs(changes.Attributes);
                foreach (var pair in pairs) row.Attributes[pair.Key] = _values.Own(pair.Value);
            }
            else
            {
                // No state rule to apply: the target's values are copied straight into the new version.
                using var pairs = new Pairs(target.Attributes);
                foreach (var pair in pairs)
                    if (Applies(pair.Key)) row.Attributes[pair.Key] = _values.In(pair.Value);
            }
            var shape = Shape(table);
            if (shape.DateOnly.Count > 0) DateOnlyValues.Apply(shape, row);
            if (shape.HasComposedName && (Changed("firstname") || Changed("lastname"))) ComposedColumns.Apply(table, row);
            bool priced = ListPrices.Touched(target, current) && ListPrices.Apply(Rows, row);
            if (shape.HasCurrency && (priced || AmountTouched())) CurrencyStamp.Apply(shape, row, Rows);
            if (shape.HasModifiedOn) row["modifiedon"] = _clock.Tick();
            else _clock.Tick();
            if (shape.HasModifiedBy) row["modifiedby"] = _values.Reference("systemuser", callerId);
            if (Changed("ownerid")) _owner.Apply(shape, row);
            // A key none of whose columns this write sets still holds: its index took the row as unique when it was built or
            // the row last written (an index with duplicates fails to build), so only a key the write touches is checked.
            if (table.Keys.Count > 0 && KeyTouched()) _keys.CheckUnique(table, row);
            Stamp(shape, row);
            var deactivated = QueueItemStates.ToDeactivate(_catalog, Rows, current, changes);
            var canceledCloses = OpportunityCloseStates.ToCancel(Rows, current, changes);
            Put(row, log);
            foreach (Guid item in deactivated) Update(QueueItemStates.Deactivation(item), callerId, log);
            foreach (Guid close in canceledCloses) Update(OpportunityCloseStates.Cancellation(close), callerId, log);

            bool Applies(string column) => column != table.PrimaryIdAttribute && (ignored == null || !ignored.Contains(column));
            bool Changed(string column) => changes != null ? changes.Contains(column) : target.Contains(column) && Applies(column);
            bool AmountTouched() // the currency or an amount (CurrencyStamp): a loop, as KeyTouched below
            {
                if (Changed(CurrencyColumns.Currency)) return true;
                foreach (var money in shape.MoneyWithBase)
                    if (Changed(money.LogicalName)) return true;
                return false;
            }

            bool KeyTouched() // a loop, not a lambda: a delegate over these local functions would allocate on every Update
            {
                foreach (var key in table.Keys)
                    foreach (string column in key.Columns)
                        if (Changed(column) || AlternateKeys.StampedByUpdate(column)) return true;
                return false;
            }
        }

        /// <summary>
        /// The empty row a Create builds. Its attributes are one draft the store reuses (<see cref="RowDraft"/>): Rows.Put
        /// freezes the finished row into its compact form (a copy), so the draft is free again when the write ends, and
        /// nothing the store calls while building a row writes a row itself.
        /// </summary>
        private Entity Draft(string table)
        {
            var row = new StoredRow(table);
            if (_draft == null) return row;
            _rowDraft.Start(Rows.Layout(table));
            row.Attributes = _draft;
            return row;
        }

        /// <summary>
        /// The next version of a stored row, in the reused draft: the previous version's values shared, not copied
        /// (stored values never change in place), taken from its stored form when it has one.
        /// </summary>
        private Entity NextDraft(Entity current)
        {
            var row = new StoredRow(current.LogicalName) { Id = current.Id, RowVersion = current.RowVersion, EntityState = current.EntityState };
            if (_draft == null) return EntityCloner.NextVersion(current, row);
            var layout = Rows.Layout(current.LogicalName);
            if (current is StoredRow stored && stored.Stored != null) _rowDraft.Start(layout, stored.Stored);
            else
            {
                _rowDraft.Start(layout);
                using var pairs = new Pairs(current.Attributes);
                foreach (var pair in pairs) _rowDraft[pair.Key] = pair.Value;
            }
            row.Attributes = _draft;
            return row;
        }

        private void Put(Entity row, UndoLog log)
        {
            if (_draft != null && ReferenceEquals(row.Attributes, _draft)) Rows.Put((StoredRow)row, _rowDraft, log);
            else Rows.Put(row, log);
        }

        /// <summary>Columns a Create left out get their metadata default, as the platform does.</summary>
        private void ApplyDefaults(TableDefinition table, Entity row)
        {
            foreach (var column in table.DefaultedColumns)
            {
                if (row.Contains(column.LogicalName)) continue;
                row[column.LogicalName] = _values.In(column.DefaultValue);
            }
        }

        /// <summary>A value a rule wrote into the new row (a fresh copy) exchanged for the store's shared one.</summary>
        private void KeepShared(Entity row, string column)
        {
            if (row.Attributes.TryGetValue(column, out var value) && value != null) row[column] = _values.Own(value);
        }

        /// <summary>Deletes a row and applies each 1:N relationship's cascade to its children (<see cref="DeleteCascade"/>).</summary>
        public void Delete(string tableName, Guid id, Guid callerId, UndoLog log) => DeleteCascade.Apply(this, tableName, id, callerId, log);

        /// <summary>The id a target names: its Id, its primary-id attribute or its alternate key.</summary>
        public Guid ResolveId(TableDefinition table, Entity target) => _keys.ResolveId(table, target);

        /// <summary>The row whose alternate-key (or primary key) values equal the given ones.</summary>
        public Guid? FindByKey(TableDefinition table, KeyAttributeCollection keys) => _keys.Find(table, keys);

        /// <summary>The state of the alternate keys' indexes (see <see cref="AlternateKeys"/>).</summary>
        internal AlternateKeys Keys => _keys;

        internal void Stamp(TableDefinition table, Entity row) => Stamp(Shape(table), row);

        /// <summary>A new version changed by the caller: modified on and by, then its version.</summary>
        internal void StampChange(TableDefinition table, Entity row, Guid callerId)
        {
            var shape = Shape(table);
            object now = _clock.Tick();
            if (shape.HasModifiedOn) row["modifiedon"] = now;
            if (shape.HasModifiedBy) row["modifiedby"] = _values.Reference("systemuser", callerId);
            Stamp(shape, row);
        }

        /// <summary>The store's shared reference and choice values, for writes made below the message handlers.</summary>
        internal StoredValues Values => _values;

        private void Stamp(TableShape shape, Entity row)
        {
            long version = Rows.NextVersion();
            row.RowVersion = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (shape.HasVersionNumber) row["versionnumber"] = version;
        }
    }
}
