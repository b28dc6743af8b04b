using System.Collections.Generic;
using System.Linq;
using CrmCollab.Plugins.Data;
using CrmCollab.Plugins.Domain;
using CrmCollab.Plugins.Domain.Terms;
using CrmCollab.Plugins.Infrastructure;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCollab.Plugins.Terms
{
    /// <summary>
    /// The evidence a handoff needs before it is completed (<see cref="HandoffGuard"/>): the requirement copied onto the task,
    /// and which of its columns are still empty, reading once those the guard's image does not carry.
    /// </summary>
    internal static class HandoffEvidence
    {
        /// <summary>
        /// The requirement copied onto the task at its creation, none when the template asked none then; the template's only
        /// for a task made before the copy existed. An empty copy cannot tell those apart, so a task CrmCollab dated when it handed it
        /// off (<see cref="HandoffTask.HandedOffOn"/>, written with the copy since then) is read by its copy alone: a template
        /// given a requirement later asks it of the deals won next, not of the handoffs already open.
        /// </summary>
        /// <param name="task">The task as it will be, with its copy, its template and when it was handed off.</param>
        public static IReadOnlyList<string> Required(LocalPluginContext context, Entity task)
        {
            string copy = task.Read<string>(HandoffTask.RequiredEvidence);
            if (!string.IsNullOrWhiteSpace(copy) || task.RefId(HandoffTask.TemplateId) == null || task.IsFilled(HandoffTask.HandedOffOn))
                return CommaList.Parse(copy);
            Entity template = context.SystemService.Retrieve(HandoffTemplateRow.Table, task.RefId(HandoffTask.TemplateId).Value,
                new ColumnSet(HandoffTemplateRow.RequiredEvidence));
            return CommaList.Parse(template.Read<string>(HandoffTemplateRow.RequiredEvidence));
        }

        /// <summary>The labels of the required columns the task leaves empty; those outside <see cref="HandoffGuard.ImagedEvidence"/> are read onto <paramref name="task"/> first.</summary>
        public static IReadOnlyList<string> Missing(LocalPluginContext context, Entity task, IReadOnlyList<string> required)
        {
            string[] unread = required.Where(c => !HandoffGuard.ImagedEvidence.Contains(c) && !task.Contains(c)).ToArray();
            if (unread.Length > 0)
            {
                Entity stored = context.SystemService.Retrieve(HandoffTask.Table, task.Id, new ColumnSet(unread));
                foreach (string column in unread) if (stored.Contains(column)) task[column] = stored[column];
            }
            return ColumnLabels.Of(EvidenceCheck.Missing(required, task.IsFilled)).ToArray();
        }
    }
}
