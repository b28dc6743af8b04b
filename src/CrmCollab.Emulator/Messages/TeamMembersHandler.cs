using System;
using System.Linq;
using CrmCollab.Emulator.Engine;
using CrmCollab.Emulator.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Emulator.Messages
{
    /// <summary>AddMembersTeam / RemoveMembersTeam: rows of the teammembership intersect (systemuserid, teamid).</summary>
    internal abstract class TeamMembersHandler : IMessageHandler
    {
        public abstract string MessageName { get; }
        protected abstract bool Add { get; }

        public OrganizationResponse Handle(MessageContext context)
        {
            var teamId = context.Get<Guid>("TeamId");
            var members = context.Required<Guid[]>("MemberIds");
            context.Store.RequireRow("team", teamId);
            foreach (var member in members) context.Store.RequireRow("systemuser", member);
            return context.Run(new OperationSpec
            {
                MessageName = MessageName,
                PrimaryEntityName = "team",
                PrimaryEntityId = teamId,
                HasPreImage = false,
                HasPostImage = false,
                Main = op =>
                {
                    var rows = context.Store.Rows;
                    foreach (var member in members)
                    {
                        var existing = rows.Scan("teammembership").FirstOrDefault(r =>
                            Equals(r.GetAttributeValue<object>("teamid"), teamId) && Equals(r.GetAttributeValue<object>("systemuserid"), member));
                        if (Add && existing == null)
                        {
                            var link = new Entity("teammembership", context.Engine.Ids.Next());
                            link["teammembershipid"] = link.Id;
                            link["teamid"] = teamId;
                            link["systemuserid"] = member;
                            link["versionnumber"] = rows.NextVersion();
                            rows.Put(link, op.Transaction.Log);
                        }
                        else if (!Add && existing != null)
                        {
                            rows.Remove("teammembership", existing.Id, op.Transaction.Log);
                        }
                    }
                    return MessageContext.Respond(MessageName, op);
                },
            });
        }
    }

    internal sealed class AddMembersTeamHandler : TeamMembersHandler
    {
        public override string MessageName => "AddMembersTeam";
        protected override bool Add => true;
    }

    internal sealed class RemoveMembersTeamHandler : TeamMembersHandler
    {
        public override string MessageName => "RemoveMembersTeam";
        protected override bool Add => false;
    }
}
