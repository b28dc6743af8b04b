using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// A deal's product lines: added, changed (quantity, price, manual discount, unit), moved to another deal, deleted —
    /// on open, won, lost and reopened deals, mostly by the deal's owner, now and then by a colleague, a reviewer or an
    /// administrator — through every channel.
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private EntityReference[] _units;

        /// <summary>Two units of measure (made once, as SYSTEM, before the first line action): 5 units are not 5 pallets.</summary>
        private EntityReference[] Units() => _units ?? (_units = new[] { "Each", "Pallet of 10" }
            .Select(name => new EntityReference("uom", Org.System.Create(new Entity("uom") { ["name"] = name }))).ToArray());

        private Guid LineActorFor(Guid deal)
        {
            switch (_random.Next(8))
            {
                case 0: return Pick(_reps);
                case 1: return Pick(_reviewers);
                case 2: return Org.Admin;
                default: return OwnerOf(deal);
            }
        }

        private Entity[] Lines() => Org.System.RetrieveMultiple(new QueryExpression("opportunityproduct") { ColumnSet = new ColumnSet("opportunityid") }).Entities.ToArray();

        private FuzzAction AddLine()
        {
            Guid deal = Pick(_deals);
            Guid who = LineActorFor(deal);
            var line = new Entity("opportunityproduct")
            {
                ["opportunityid"] = new EntityReference("opportunity", deal), ["isproductoverridden"] = true,
                ["productdescription"] = Pick(new[] { "Extra spindle", "Spare belt", "Guard rail" }),
                ["quantity"] = (decimal)(1 + _random.Next(5)), ["priceperunit"] = new Money(100m * (1 + _random.Next(20))),
            };
            if (_random.Next(3) == 0) line["uomid"] = Pick(Units());
            int channel = Channel();
            Guid id = NewId();
            return new FuzzAction($"{who} adds a line to {deal} by {FuzzChannel.CreateNames[channel]}", () => FuzzChannel.Create(Org.As(who), line, channel, id));
        }

        private FuzzAction ChangeLine()
        {
            var lines = Lines();
            if (lines.Length == 0) return AddLine();
            Entity line = Pick(lines);
            Guid deal = line.GetAttributeValue<EntityReference>("opportunityid").Id;
            Guid who = LineActorFor(deal);
            var change = new Entity("opportunityproduct", line.Id);
            switch (_random.Next(4))
            {
                case 0: change["quantity"] = (decimal)(1 + _random.Next(5)); break;
                case 1: change["priceperunit"] = new Money(100m * (1 + _random.Next(20))); break;
                case 2: change["manualdiscountamount"] = new Money(10m * _random.Next(5)); break;
                default: change["uomid"] = Pick(Units()); break;
            }
            int channel = Channel();
            return new FuzzAction($"{who} changes {string.Join(",", change.Attributes.Keys)} of line {line.Id} on {deal} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), change, channel));
        }

        /// <summary>A line's deal lookup retargeted to another deal (the same one now and then: a re-save).</summary>
        private FuzzAction MoveLine()
        {
            var lines = Lines();
            if (lines.Length == 0) return AddLine();
            Entity line = Pick(lines);
            Guid from = line.GetAttributeValue<EntityReference>("opportunityid").Id, to = Pick(_deals);
            Guid who = _random.Next(2) == 0 ? LineActorFor(from) : LineActorFor(to);
            int channel = Channel();
            return new FuzzAction($"{who} moves line {line.Id} from {from} to {to} by {FuzzChannel.Names[channel]}",
                () => FuzzChannel.Update(Org.As(who), new Entity("opportunityproduct", line.Id) { ["opportunityid"] = new EntityReference("opportunity", to) }, channel));
        }

        private FuzzAction DeleteLine()
        {
            var lines = Lines();
            if (lines.Length == 0) return AddLine();
            Entity line = Pick(lines);
            Guid deal = line.GetAttributeValue<EntityReference>("opportunityid").Id;
            Guid who = LineActorFor(deal);
            return new FuzzAction($"{who} deletes line {line.Id} of {deal}", () => Org.As(who).Delete("opportunityproduct", line.Id));
        }
    }
}
