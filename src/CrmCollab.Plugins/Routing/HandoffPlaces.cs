using System;
using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain.Handoff;
using CrmCollab.Plugins.Domain.Routing;
using Microsoft.Xrm.Sdk;

namespace CrmCollab.Plugins.Routing
{
    /// <summary>
    /// The places a won deal's handoffs of retired templates hold for the templates in force (<see cref="TemplatePlace"/>),
    /// read through the given service: what a re-win, Get Handoff Status and the Create Post-Sale Handoff step count as done.
    /// </summary>
    internal sealed class HandoffPlaces
    {
        private readonly IOrganizationService _service;

        public HandoffPlaces(IOrganizationService service) => _service = service;

        /// <summary>
        /// The keys of the templates in force whose place a handoff of a retired template already holds on the deal
        /// (<see cref="TemplatePlace"/>): the retired template's place as it is now (read only when the deal has such
        /// handoffs), or, once it is deleted, the place its handoff recorded when it was handed off.
        /// </summary>
        /// <param name="closes">The close whose job runs, among the deal's: a handoff canceled before the previous close no
        /// longer holds its place. Null (no close to compare with): every handoff holds it.</param>
        public ISet<string> Held(Guid opportunityId, IReadOnlyCollection<HandoffTemplate> inForce, IEnumerable<Entity> tasks, CloseSequence closes)
        {
            var inForceKeys = new HashSet<string>(inForce.Select(t => HandoffPlanner.KeyFor(opportunityId, t.Id)));
            List<Entity> holding = tasks.Where(t => !inForceKeys.Contains(t.Read<string>(HandoffTask.HandoffKey)) && TemplatePlace.Holds(
                t.Choice(HandoffTask.StateCode) == HandoffTask.StateCanceled,
                closes != null && closes.ReopensCanceled(HandoffCreation.CanceledOn(t)))).ToList();
            // The handoff key names its template, also once the template is deleted (the platform clears the link, not the key).
            var templateIds = new List<Guid>();
            var recorded = new List<HandoffTemplate>();
            foreach (Entity task in holding)
            {
                if (!(HandoffPlanner.TemplateOf(task.Read<string>(HandoffTask.HandoffKey)) is Guid id)) continue;
                templateIds.Add(id);
                int? function = task.Choice(HandoffTask.Function), sequence = task.Read<int?>(HandoffTask.Sequence);
                if (function != null && sequence != null) recorded.Add(TemplatePlace.Recorded(id, (BusinessFunction)function.Value, sequence.Value));
            }
            if (templateIds.Count == 0) return new HashSet<string>();
            List<HandoffTemplate> retired = TemplatePlace.Retired(new HandoffTemplates(_service).ByIds(templateIds), recorded);
            return TemplatePlace.Held(opportunityId, inForce, retired, new HashSet<string>(holding.Select(t => t.Read<string>(HandoffTask.HandoffKey))));
        }
    }
}
