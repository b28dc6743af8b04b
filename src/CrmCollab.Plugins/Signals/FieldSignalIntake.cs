using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Routing;
using CrmCollab.Plugins.Domain.Signals;
using CrmCollab.Plugins.Infrastructure;
using CrmCollab.Plugins.Routing;
using CrmCollab.Plugins.Terms;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Signals
{
    /// <summary>
    /// A signal from the field reaches the account's salesperson: validated and dated before it is saved
    /// (PreOperation), then routed, turned into a lead when it is one, and marked on the account (PostOperation,
    /// same transaction); its waiting signals follow an account handed to another salesperson.
    /// </summary>
    public sealed class FieldSignalIntake : PluginBase
    {
        public FieldSignalIntake(string unsecureConfiguration, string secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            Register(PipelineStage.PreOperation, "Create", FieldSignalRow.Table, Validate);
            Register(PipelineStage.PostOperation, "Create", FieldSignalRow.Table, Route);
            // The account handed to another salesperson (Assign, or a save of its owner): its waiting signals follow.
            Register(PipelineStage.PostOperation, "Assign", Account.Table, FollowAccount).PreImage(PreImage, Account.OwnerId);
            Register(PipelineStage.PostOperation, "Update", Account.Table, FollowAccount).Filter(Account.OwnerId).PreImage(PreImage, Account.OwnerId);
            // A merge moves the merged-away account's signals to the account that stays, keeping their owner.
            Register(PipelineStage.PreOperation, "Merge", Account.Table, FollowMerge);
            // ...and what the account says about its signals comes with them (its date, a waiting churn risk's mark).
            Register(PipelineStage.PostOperation, "Merge", Account.Table, CarryMergedColumns);
        }

        /// <summary>
        /// Before a merge moves them (in its transaction), the merged-away account's waiting signals its salesperson holds go
        /// to the salesperson of the account that stays, as for a hand-over (<see cref="FollowAccount"/>): refused when that
        /// salesperson is a disabled user, who is given no record and reads nothing. A content naming another owner for the
        /// account that stays hands them over after the merge instead (<see cref="CarryMergedColumns"/>). Two reads.
        /// </summary>
        private static void FollowMerge(LocalPluginContext context)
        {
            EntityReference master = context.TargetReference;
            Guid? merged = context.MergedAwayId;
            if (master == null || merged == null) return;
            Guid mergedAway = merged.Value;
            var query = new QueryExpression(Account.Table) { ColumnSet = new ColumnSet(Account.Name, Account.OwnerId, Account.LastSignalOn, Account.ChurnRisk) };
            query.Criteria.AddCondition(Account.Id, ConditionOperator.In, master.Id, mergedAway);
            LinkEntity user = query.AddLink(SystemUser.Table, Account.OwnerId, SystemUser.Id, JoinOperator.LeftOuter);
            user.EntityAlias = "u";
            user.Columns = new ColumnSet(SystemUser.IsDisabled);
            var accounts = context.SystemService.RetrieveMultiple(query).Entities.ToDictionary(a => a.Id);
            if (!accounts.TryGetValue(mergedAway, out Entity away) || !accounts.TryGetValue(master.Id, out Entity kept)) return;
            // Kept for the step after the merge (SharedVariables pass data from a pre- to a post-operation step).
            context.ExecutionContext.SharedVariables[MergeKey(master.Id)] = away;
            context.ExecutionContext.SharedVariables[MergeKey(master.Id) + "|kept"] = kept;
            if (NewOwnerIn(context.InputParameter<Entity>("UpdateContent"), kept) != null) return;
            EntityReference salesperson = kept.Read<EntityReference>(Account.OwnerId);
            MoveWaitingSignals(context.SystemService, mergedAway, new[] { away.Read<EntityReference>(Account.OwnerId) }, salesperson,
                () => FieldSignalRules.CheckMergeSalespersonActive(kept.Aliased<bool>("u." + SystemUser.IsDisabled), kept.Read<string>(Account.Name),
                    salesperson?.Name, away.Read<string>(Account.Name)));
        }

        /// <summary>The owner a merge's content gives the account that stays, when another than its own; else null.</summary>
        private static EntityReference NewOwnerIn(Entity content, Entity kept)
        {
            EntityReference sent = content?.Read<EntityReference>(Account.OwnerId), own = kept.Read<EntityReference>(Account.OwnerId);
            return sent == null || own != null && sent.Id == own.Id && sent.LogicalName == own.LogicalName ? null : sent;
        }

        private static string MergeKey(Guid masterId) => "crmc.signal.merge|" + masterId.ToString("N");

        /// <summary>
        /// After the merge moved the merged-away account's signals, the account that stays is dated by the latest signal of
        /// the two and stays marked while a churn-risk signal that came over waits (<see cref="MergedSignalColumns"/>),
        /// whatever the merge's content chose: through the SYSTEM service, in the merge's transaction. Uses the two accounts
        /// as the step before the merge read them; one query more, only when the merged-away account was marked and the
        /// account that stays is not. A content naming another owner hands its waiting signals to them, as a hand-over would.
        /// </summary>
        private static void CarryMergedColumns(LocalPluginContext context)
        {
            EntityReference master = context.TargetReference;
            if (master == null || !(context.ExecutionContext.SharedVariables.TryGetValue(MergeKey(master.Id), out object a) && a is Entity away)
                || !(context.ExecutionContext.SharedVariables.TryGetValue(MergeKey(master.Id) + "|kept", out object k) && k is Entity kept))
                return;
            Entity content = context.InputParameter<Entity>("UpdateContent") ?? new Entity(Account.Table);
            DateTime? dated = content.Contains(Account.LastSignalOn) ? content.Read<DateTime?>(Account.LastSignalOn) : kept.Read<DateTime?>(Account.LastSignalOn);
            bool marked = (content.Contains(Account.ChurnRisk) ? content.Read<bool?>(Account.ChurnRisk) : kept.Read<bool?>(Account.ChurnRisk)) == true;

            var carried = new Entity(Account.Table, master.Id);
            DateTime? latest = MergedSignalColumns.LastSignalOn(kept.Read<DateTime?>(Account.LastSignalOn), away.Read<DateTime?>(Account.LastSignalOn));
            if (latest != dated) carried[Account.LastSignalOn] = latest;
            bool staysMarked = MergedSignalColumns.Marked(marked, away.Read<bool?>(Account.ChurnRisk) == true,
                () => Guards.CustomerGuard.HasUnacknowledgedChurnSignal(context.SystemService, master.Id));
            if (staysMarked && !marked) carried[Account.ChurnRisk] = true;
            if (carried.Attributes.Count > 0) context.SystemService.Update(carried);
            // The content gave the account another salesperson (the merge dialog's choice of the duplicate's owner): no page
            // says the account's Update steps run for it (FollowAccount), so its waiting signals, those that came over among
            // them, are handed over here, once the platform took the new owner; one query.
            EntityReference newOwner = NewOwnerIn(content, kept);
            if (newOwner != null)
                MoveWaitingSignals(context.SystemService, master.Id,
                    new[] { kept.Read<EntityReference>(Account.OwnerId), away.Read<EntityReference>(Account.OwnerId) }, newOwner);
        }

        /// <summary>The save is CrmCollab's own write of the columns it keeps on an account: the intake's, after a signal's Create,
        /// or the one after a merge (<see cref="CarryMergedColumns"/>), through the SYSTEM service.</summary>
        public static bool IsOwnAccountWrite(LocalPluginContext context) =>
            (ServerCall.ComesFromStep(context.ExecutionContext, PipelineStage.PostOperation, "Create", FieldSignalRow.Table)
                || ServerCall.ComesFromStep(context.ExecutionContext, PipelineStage.PostOperation, "Merge", Account.Table))
            && ServerCall.IsSystem(context);

        public const string PreImage = "PreImage";

        /// <summary>
        /// A signal waits for the account's salesperson, and only its owner acknowledges it; the signal-to-account
        /// relationship cascades no assign, so when the account changes hands (someone left, territories were redrawn) its
        /// active signals not yet acknowledged that the previous salesperson still holds move to the new one, in the same
        /// transaction, and so do those a disabled user holds (a colleague who left while nobody could take them back).
        /// A signal passed on to an active colleague stays with them; acknowledged ones stay as they were read.
        /// One query, only when the owner really changes.
        /// </summary>
        private static void FollowAccount(LocalPluginContext context)
        {
            EntityReference before = context.PreImage(PreImage)?.Read<EntityReference>(Account.OwnerId);
            EntityReference after = context.ExecutionContext.MessageName == "Assign"
                ? context.InputParameter<EntityReference>("Assignee")
                : context.TargetEntity?.Read<EntityReference>(Account.OwnerId);
            MoveWaitingSignals(context.SystemService, context.ExecutionContext.PrimaryEntityId, new[] { before }, after);
        }

        /// <summary>
        /// The account's active, unacknowledged signals that one of <paramref name="from"/> holds, or that a disabled user holds
        /// (a leaver's nobody could take, <see cref="LeaverSignals.FollowsAccount"/>), go to <paramref name="to"/>: one query,
        /// the account's waiting signals with whether their holder is a disabled user. <paramref name="cannotTake"/>, asked
        /// once before the first is moved, refuses the change instead.
        /// </summary>
        private static void MoveWaitingSignals(IOrganizationService service, Guid accountId, EntityReference[] from, EntityReference to,
            Func<Refusal> cannotTake = null)
        {
            if (to == null || from.All(f => f != null && f.Id == to.Id && f.LogicalName == to.LogicalName)) return;
            var query = new QueryExpression(FieldSignalRow.Table) { ColumnSet = new ColumnSet(CommonColumn.OwnerId) };
            query.Criteria.AddCondition(FieldSignalRow.AccountId, ConditionOperator.Equal, accountId);
            query.Criteria.AddCondition(FieldSignalRow.AcknowledgedOn, ConditionOperator.Null);
            query.Criteria.AddCondition(CommonColumn.StateCode, ConditionOperator.Equal, InForce.StateActive);
            LinkEntity holder = query.AddLink(SystemUser.Table, CommonColumn.OwnerId, SystemUser.Id, JoinOperator.LeftOuter);
            holder.EntityAlias = "holder";
            holder.Columns = new ColumnSet(SystemUser.IsDisabled);
            foreach (Entity waiting in service.RetrieveMultiple(query).Entities)
            {
                EntityReference heldBy = waiting.Read<EntityReference>(CommonColumn.OwnerId);
                bool holderDisabled = waiting.Aliased<bool>("holder." + SystemUser.IsDisabled);
                if (heldBy == null || heldBy.Id == to.Id || !from.Any(f => LeaverSignals.FollowsAccount(heldBy.Id, f?.Id, holderDisabled))) continue;
                if (cannotTake != null)
                {
                    Throw(cannotTake());
                    cannotTake = null;
                }
                service.Update(new Entity(FieldSignalRow.Table, waiting.Id) { [CommonColumn.OwnerId] = new EntityReference(to.LogicalName, to.Id) });
            }
        }

        private static void Validate(LocalPluginContext context)
        {
            Entity signal = context.TargetEntity;
            int? kind = signal.Choice(FieldSignalRow.Kind);
            Throw(FieldSignalRules.CheckContent(kind, signal.Read<string>(FieldSignalRow.Description),
                signal.IsFilled(FieldSignalRow.CompetitorId), signal.RefId(FieldSignalRow.AccountId) != null)
                ?? FieldSignalRules.CheckNoLeadSent(signal.IsFilled(FieldSignalRow.LeadId))
                ?? FieldSignalRules.CheckNoAcknowledgementSent(signal.IsFilled(FieldSignalRow.AcknowledgedOn))
                ?? FieldSignalRules.CheckCreatedActive((signal.Choice(CommonColumn.StateCode) ?? InForce.StateActive) != InForce.StateActive)
                ?? SalespersonCheck(context, signal.RefId(FieldSignalRow.AccountId).Value));

            Guid raiser = context.ExecutionContext.InitiatingUserId;
            signal[FieldSignalRow.RaisedBy] = new EntityReference(SystemUser.Table, raiser);
            signal[FieldSignalRow.DueDate] = FieldSignalRules.AcknowledgementDue((SignalKind)kind.Value, context.Now);
            if (!signal.IsFilled(FieldSignalRow.Name))
                signal[FieldSignalRow.Name] = FieldSignalRules.Label((SignalKind)kind.Value) + " signal";
            // Stamped from who the raiser is (role, else dedicated-owner rows); a client may not choose it (it feeds the KPIs).
            BusinessFunction? function = FieldSignalRules.RaiserFunction(FunctionRolesOf(context.SystemService, raiser),
                DedicatedOwnerRowsOf(context.SystemService, raiser),
                () => new RoutingRepository(context.SystemService).AccountChain(signal.RefId(FieldSignalRow.AccountId).Value).Select(a => a.Id).ToList(),
                context.Now);
            Refusal stamped = FieldSignalRules.CheckRaisedByFunction(signal.Choice(FieldSignalRow.RaisedByFunction), function);
            Throw(stamped);
            signal[FieldSignalRow.RaisedByFunction] = function == null ? null : new OptionSetValue((int)function.Value);
        }

        /// <summary>The solution's function roles, by id (<see cref="Membership"/>): a role named alike is another role.</summary>
        private static readonly Dictionary<Guid, BusinessFunction> FunctionRoles = new Dictionary<Guid, BusinessFunction>
        {
            { Membership.AdvRoleId, BusinessFunction.Adv },
            { Membership.LogisticsRoleId, BusinessFunction.Logistics },
            { Membership.SavRoleId, BusinessFunction.Sav },
        };

        /// <summary>The functions whose solution role the raiser holds: their own roles, else their teams' (one or two queries).</summary>
        private static IEnumerable<BusinessFunction> FunctionRolesOf(IOrganizationService service, Guid raiser) =>
            Principals.RolesHeld(service, raiser, FunctionRoleIds).Select(id => FunctionRoles[id]).ToArray();

        private static readonly Guid[] FunctionRoleIds = FunctionRoles.Keys.ToArray();

        /// <summary>
        /// The account's salesperson must be able to receive the signal: one query, the account with its owning user (and,
        /// for a team-owned account, one more: whether an enabled user belongs to the team). The
        /// account's name and owner are kept in the SharedVariables for the routing after the save (Microsoft documents
        /// them as the way to pass data from a pre-operation to a post-operation step), so the signal costs no extra read.
        /// </summary>
        private static Refusal SalespersonCheck(LocalPluginContext context, Guid accountId)
        {
            IOrganizationService service = context.SystemService;
            var query = new QueryExpression(Account.Table) { ColumnSet = new ColumnSet(Account.Name, Account.OwnerId), TopCount = 1 };
            query.Criteria.AddCondition(Account.Id, ConditionOperator.Equal, accountId);
            LinkEntity user = query.AddLink(SystemUser.Table, Account.OwnerId, SystemUser.Id, JoinOperator.LeftOuter);
            user.EntityAlias = "u";
            user.Columns = new ColumnSet(SystemUser.IsDisabled);
            Entity account = service.RetrieveMultiple(query).Entities.FirstOrDefault();
            if (account == null) return null; // a missing account is the platform's to refuse
            context.ExecutionContext.SharedVariables[AccountKey(accountId)] = new Entity(Account.Table, accountId)
            {
                [Account.Name] = account.Read<string>(Account.Name), [Account.OwnerId] = account.Read<EntityReference>(Account.OwnerId),
            };
            EntityReference owner = account.Read<EntityReference>(Account.OwnerId);
            return FieldSignalRules.CheckSalespersonActive(account.Aliased<bool>("u." + SystemUser.IsDisabled), account.Read<string>(Account.Name), owner?.Name)
                // A team-owned account: one query more, whether anyone active belongs to the team.
                ?? FieldSignalRules.CheckSalesTeamActive(owner?.LogicalName == Team.Table && !PossibleOwner.HasActiveMember(service, owner.Id),
                    account.Read<string>(Account.Name), owner?.Name);
        }

        /// <summary>The active dedicated-owner rows naming the raiser: one query, made only if the rows are read.</summary>
        private static IEnumerable<DedicatedOwner> DedicatedOwnerRowsOf(IOrganizationService service, Guid userId)
        {
            var query = new QueryExpression(DedicatedOwnerRow.Table)
            {
                ColumnSet = new ColumnSet(DedicatedOwnerRow.AccountId, DedicatedOwnerRow.Function, DedicatedOwnerRow.ValidFrom, DedicatedOwnerRow.ValidTo),
            };
            query.Criteria.AddCondition(DedicatedOwnerRow.UserId, ConditionOperator.Equal, userId);
            query.Criteria.AddCondition(DedicatedOwnerRow.StateCode, ConditionOperator.Equal, 0);
            foreach (Entity row in service.RetrieveMultiple(query).Entities) yield return RoutingRepository.ToDedicatedOwner(row);
        }

        private static void Route(LocalPluginContext context)
        {
            Entity signal = context.TargetEntity;
            var kind = (SignalKind)signal.Choice(FieldSignalRow.Kind).Value;
            IOrganizationService service = context.SystemService;
            Guid accountId = signal.RefId(FieldSignalRow.AccountId).Value;
            Entity account = context.ExecutionContext.SharedVariables.TryGetValue(AccountKey(accountId), out object kept) && kept is Entity read
                ? read : service.Retrieve(Account.Table, accountId, new ColumnSet(Account.Name, Account.OwnerId));
            EntityReference salesperson = account.Read<EntityReference>(Account.OwnerId);

            var routed = new Entity(FieldSignalRow.Table, context.ExecutionContext.PrimaryEntityId) { [CommonColumn.OwnerId] = salesperson };
            if (FieldSignalRules.CreatesLead(kind)) routed[FieldSignalRow.LeadId] = new EntityReference(Lead.Table, CreateLead(service, signal, account, kind));
            service.Update(routed);

            var mark = new Entity(Account.Table, account.Id) { [Account.LastSignalOn] = context.Now };
            if (FieldSignalRules.MarksChurnRisk(kind)) mark[Account.ChurnRisk] = true;
            service.Update(mark);
        }

        private static string AccountKey(Guid accountId) => "crmc.signal.account|" + accountId.ToString("N");

        private static Guid CreateLead(IOrganizationService service, Entity signal, Entity account, SignalKind kind)
        {
            string accountName = account.Read<string>(Account.Name) ?? "the account";
            string description = signal.Read<string>(FieldSignalRow.Description);
            return service.Create(new Entity(Lead.Table)
            {
                [Lead.Subject] = Values.Shorten($"{FieldSignalRules.Label(kind)} at {accountName}: {description}", 300),
                [Lead.LastName] = Values.Shorten("Contact at " + accountName, 50),
                [Lead.CompanyName] = Values.Shorten(accountName, 100),
                [Lead.ParentAccountId] = account.ToEntityReference(),
                [Lead.Description] = Values.Shorten(description, 2000), // a lead's Description holds 2,000; the signal keeps it all
                [Lead.OwnerId] = account.Read<EntityReference>(Account.OwnerId),
            });
        }
    }
}
