using System;
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
                    var membership = context.Engine.Catalog.Relationship("teammembership_association");
                    foreach (var member in members)
                    {
                        // Unlike Associate, adding a member twice or removing a non-member is skipped, not refused.
                        var existing = RelationshipWriter.FindLink(context, membership, member, teamId);
                        if (Add && existing == null) RelationshipWriter.AddLink(context, op, membership, member, teamId);
                        else if (!Add && existing != null) context.Store.Rows.Remove(membership.IntersectEntity, existing.Id, op.Transaction.Log);
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
