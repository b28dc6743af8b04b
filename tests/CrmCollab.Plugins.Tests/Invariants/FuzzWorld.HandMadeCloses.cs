using System;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Tests.Invariants
{
    /// <summary>
    /// Someone records a deal's close by hand (an opportunityclose created without Win or Lose: the grid, an import, an
    /// integration) through every create channel, on an open, won or lost deal. Only Win and Lose close a deal, and the
    /// handoff step reads a deal's closes as its wins and losses: a close recorded by hand wins nothing (no handoff for a
    /// deal never won) and does not disturb a won deal's handoffs (one a template).
    /// </summary>
    public sealed partial class FuzzWorld
    {
        private FuzzAction HandMadeClose()
        {
            Guid deal = Pick(_deals);
            var close = new Entity("opportunityclose") { ["opportunityid"] = new EntityReference("opportunity", deal), ["subject"] = "Won by hand" };
            if (_random.Next(2) == 0) close["actualrevenue"] = new Money(50000m);
            Guid who = Pick(new[] { OwnerOf(deal), OwnerOf(deal), Org.Admin, _sysadmin, _manager });
            int channel = _random.Next(FuzzChannel.CreateNames.Length);
            Guid id = NewId();
            return new FuzzAction($"{who} records a close of {deal} by hand by {FuzzChannel.CreateNames[channel]}",
                () => FuzzChannel.Create(Org.As(who), close, channel, id));
        }
    }
}
