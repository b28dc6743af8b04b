/* CrmCollab web resource, generated from webresources/src by `npm run build`: do not edit. */
"use strict";
var CrmCollab = CrmCollab || {};
CrmCollab.Panel = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // src/panel/index.ts
  var index_exports = {};
  __export(index_exports, {
    refresh: () => refresh,
    setClientApiContext: () => setClientApiContext
  });

  // src/shared/format.ts
  var pad = (n) => n < 10 ? "0" + n : String(n);
  function toDate(value) {
    if (value == null || value === "") return null;
    const date = value instanceof Date ? value : new Date(value);
    return isNaN(date.getTime()) ? null : date;
  }
  function formatUtc(value) {
    const d = toDate(value);
    if (!d) return "";
    return `${formatDay(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  }
  function formatDay(value) {
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    const d = toDate(value);
    if (!d) return "";
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  function bareId(id) {
    return (id != null ? id : "").replace(/[{}]/g, "").toLowerCase();
  }
  var TELL_ADMIN = "Reload the form; if it happens again, tell your administrator.";
  function errorMessage(error) {
    const scriptError = error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError || error instanceof RangeError;
    if (scriptError) return `the page could not read the answer. ${TELL_ADMIN}`;
    const message = typeof error === "string" ? error : error == null ? void 0 : error.message;
    if (typeof message === "string" && message.trim() !== "") return message.trim();
    const code = error == null ? void 0 : error.errorCode;
    return `the server gave no reason${typeof code === "number" ? ` (error code ${code})` : ""}. ${TELL_ADMIN}`;
  }
  var FORMATTED = "@OData.Community.Display.V1.FormattedValue";
  function formatted(row, column) {
    const value = row[column + FORMATTED];
    return typeof value === "string" ? value : "";
  }

  // src/shared/access.ts
  var PrivilegeDenied = 2147746336 | 0;
  var AccessCheckFailed = 2147779334 | 0;
  function isAccessDenied(error) {
    const code = error == null ? void 0 : error.errorCode;
    if (typeof code !== "number") return false;
    const value = code | 0;
    return value === PrivilegeDenied || value === AccessCheckFailed;
  }

  // src/shared/choices.ts
  var FunctionLabels = {
    1e8: "Operations",
    100000001: "Logistics",
    100000002: "Finance",
    100000003: "ADV",
    100000004: "SAV",
    100000005: "Engineering"
  };
  var AllFunctions = Object.keys(FunctionLabels).map(Number);
  function functionLabel(value) {
    var _a;
    if (value == null) return "Unknown function";
    return (_a = FunctionLabels[value]) != null ? _a : `Function ${value}`;
  }
  var FeasibilityStatus = {
    NotRequired: 1e8,
    Pending: 100000001,
    Cleared: 100000002,
    Blocked: 100000003
  };
  var FeasibilityStatusLabels = {
    1e8: "Not required",
    100000001: "Pending",
    100000002: "Cleared",
    100000003: "Blocked"
  };
  var Decision = {
    Pending: 1e8,
    Approved: 100000001,
    ApprovedWithConditions: 100000002,
    Rejected: 100000003,
    Invalidated: 100000004,
    /** The server withdrew the review: the deal no longer needs it. History, like Invalidated. */
    Withdrawn: 100000005
  };
  var DecisionLabels = {
    1e8: "Pending",
    100000001: "Approved",
    100000002: "Approved with conditions",
    100000003: "Rejected",
    100000004: "Invalidated",
    100000005: "Withdrawn"
  };
  var SignalKindLabels = {
    1e8: "Lead",
    100000001: "Competitor presence",
    100000002: "Churn risk",
    100000003: "Expansion",
    100000004: "Complaint"
  };
  var SalesStages = ["Qualify", "Develop", "Propose", "Close"];
  var GateStage = 2;
  var OpportunityState = { Open: 0, Won: 1, Lost: 2 };

  // src/shared/feasibility.ts
  var DetailVersion = 1;
  var isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
  var isInteger = (value) => typeof value === "number" && Number.isInteger(value);
  var isText = (value) => value == null || typeof value === "string";
  var text = (value) => value == null || value === "" ? null : value;
  function toItem(raw) {
    var _a;
    if (!isObject(raw) || !isInteger(raw.function) || !isInteger(raw.decision) || typeof raw.blocking !== "boolean") return null;
    const { functionLabel: label, reviewer, due, reason, conditions } = raw;
    if (![label, reviewer, due, reason, conditions].every(isText)) return null;
    return {
      function: raw.function,
      functionLabel: (_a = text(label)) != null ? _a : functionLabel(raw.function),
      decision: raw.decision,
      blocking: raw.blocking,
      reviewer: text(reviewer),
      due: text(due),
      reason: text(reason),
      conditions: text(conditions)
    };
  }
  function parseFeasibilityDetail(json) {
    if (typeof json !== "string" || json.trim() === "") return null;
    let raw;
    try {
      raw = JSON.parse(json);
    } catch (e) {
      return null;
    }
    if (!isObject(raw) || raw.v !== DetailVersion || !isInteger(raw.status) || !Array.isArray(raw.items)) return null;
    const items = raw.items.map(toItem);
    if (items.some((item) => item == null)) return null;
    return { status: raw.status, items };
  }
  function isBlocking(item) {
    return item.blocking && item.decision !== Decision.Withdrawn && item.decision !== Decision.Invalidated;
  }
  function describeBlocking(item) {
    var _a;
    const who = item.reviewer ? ` (${item.reviewer})` : "";
    if (item.decision === Decision.Rejected) return `${item.functionLabel} rejected${who}: ${(_a = item.reason) != null ? _a : ""}`;
    const due = formatUtc(item.due);
    return `${item.functionLabel} pending${who}${due ? `, due ${due}` : ""}`;
  }
  function itemsFor(status2, detail) {
    return detail && detail.status === status2 ? detail.items : [];
  }
  function blockingLines(status2, detail) {
    return status2 == null ? [] : itemsFor(status2, detail).filter(isBlocking).map(describeBlocking);
  }
  function conditionsLine(status2, detail) {
    if (status2 == null) return null;
    const conditions = itemsFor(status2, detail).filter((item) => item.decision === Decision.ApprovedWithConditions && item.conditions).map((item) => `${item.functionLabel}: ${item.conditions}`);
    return conditions.length > 0 ? conditions.join("; ") : null;
  }
  function feasibilityNotices(status2, detail) {
    var _a, _b;
    const current = (_a = status2 != null ? status2 : detail == null ? void 0 : detail.status) != null ? _a : null;
    if (current == null || current === FeasibilityStatus.NotRequired) return [];
    const label = (_b = FeasibilityStatusLabels[current]) != null ? _b : String(current);
    if (current === FeasibilityStatus.Cleared) {
      const conditions = conditionsLine(current, detail);
      const suffix = conditions ? ` Conditions: ${conditions}.` : "";
      return [{ id: "crmc_feasibility", level: "INFO", message: `Feasibility: ${label}, all reviews approved.${suffix}` }];
    }
    const lines = blockingLines(current, detail);
    const level = current === FeasibilityStatus.Blocked ? "ERROR" : "WARNING";
    const stage = SalesStages[GateStage];
    const headline = lines.length > 0 ? `Feasibility: ${label}. ${lines.length} review(s) must be approved before ${stage}:` : `Feasibility: ${label}. Reviews must be approved before ${stage}.`;
    return [
      { id: "crmc_feasibility", level, message: headline },
      ...lines.map((message, i) => ({ id: `crmc_feasibility_${i}`, level, message }))
    ];
  }

  // src/panel/model.ts
  var EvidenceLabels = {
    crmc_contractnumber: "Contract Number",
    crmc_trackingnumber: "Tracking Number",
    crmc_deliveredon: "Delivered On",
    crmc_servicereference: "Service Reference",
    crmc_acceptedon: "Accepted On"
  };
  function toFeasibility(deal) {
    const status2 = typeof deal.crmc_feasibilitystatus === "number" ? deal.crmc_feasibilitystatus : null;
    const [headline, ...lines] = feasibilityNotices(status2, parseFeasibilityDetail(deal.crmc_feasibilitydetail));
    if (!headline) return null;
    const level = headline.level === "ERROR" ? "error" : headline.level === "WARNING" ? "warning" : "info";
    return { level, headline: headline.message, lines: lines.map((n) => n.message) };
  }
  function toReview(row, now) {
    var _a;
    const decision = row.crmc_decision;
    const due = toDate(row.crmc_duedate);
    const rejected = decision === Decision.Rejected;
    let note = "";
    if (rejected) note = `Reason: ${row.crmc_rejectionreason || "none given"}`;
    else if (decision === Decision.ApprovedWithConditions && row.crmc_conditions) note = `Conditions: ${row.crmc_conditions}`;
    return {
      id: row.crmc_feasibilityreviewid,
      functionLabel: functionLabel(row.crmc_function),
      decision: (_a = DecisionLabels[decision]) != null ? _a : formatted(row, "crmc_decision"),
      reviewer: formatted(row, "_ownerid_value"),
      due: formatUtc(due),
      overdue: decision === Decision.Pending && due != null && due.getTime() < now.getTime(),
      note,
      rejected
    };
  }
  function requiredEvidence(row) {
    var _a;
    const copy = row.crmc_requiredevidence;
    const list = typeof copy === "string" && copy.trim() !== "" ? copy : (_a = row.crmc_HandoffTemplateId) == null ? void 0 : _a.crmc_requiredevidence;
    if (typeof list !== "string") return [];
    return list.split(",").map((c) => c.trim().toLowerCase()).filter((c) => c.length > 0);
  }
  function toHandoff(row) {
    var _a;
    const required = requiredEvidence(row);
    const missing = required.filter((c) => row[c] == null || row[c] === "");
    const evidence = required.length === 0 ? "None required" : missing.length === 0 ? "Complete" : "Missing: " + missing.map((c) => {
      var _a2;
      return (_a2 = EvidenceLabels[c]) != null ? _a2 : c;
    }).join(", ");
    const owner = formatted(row, "_ownerid_value");
    return {
      id: row.activityid,
      functionLabel: functionLabel(row.crmc_function),
      subject: (_a = row.subject) != null ? _a : "",
      owner: row.crmc_isunrouted ? `${owner || "Unrouted queue"} (unrouted)` : owner,
      due: formatUtc(row.scheduledend),
      accepted: row.crmc_acceptedon ? formatUtc(row.crmc_acceptedon) : "Not yet",
      evidenceComplete: missing.length === 0,
      evidence,
      done: row.statecode === 1
    };
  }
  function toSignal(row) {
    var _a, _b, _c;
    return {
      id: row.crmc_fieldsignalid,
      kind: (_a = SignalKindLabels[row.crmc_kind]) != null ? _a : formatted(row, "crmc_kind"),
      title: (_b = row.crmc_name) != null ? _b : "",
      description: (_c = row.crmc_description) != null ? _c : "",
      raisedBy: formatted(row, "_crmc_raisedby_value"),
      raisedOn: formatUtc(row.createdon),
      acknowledged: row.crmc_acknowledgedon ? formatUtc(row.crmc_acknowledgedon) : "Not yet"
    };
  }

  // src/panel/data.ts
  var SignalsShown = 20;
  var Queries = {
    deal: "?$select=name,_parentaccountid_value,_customerid_value,crmc_feasibilitystatus,crmc_feasibilitydetail,statecode,crmc_wonon",
    /** Current reviews only: invalidated and withdrawn ones are history. */
    reviews: (deal) => `?$select=crmc_feasibilityreviewid,crmc_function,crmc_decision,crmc_duedate,crmc_conditions,crmc_rejectionreason,_ownerid_value&$filter=_crmc_opportunityid_value eq ${deal} and crmc_decision ne ${Decision.Invalidated} and crmc_decision ne ${Decision.Withdrawn}&$orderby=crmc_function asc`,
    handoffs: (deal) => `?$select=activityid,subject,crmc_function,scheduledend,crmc_acceptedon,crmc_contractnumber,crmc_trackingnumber,crmc_deliveredon,crmc_servicereference,crmc_isunrouted,crmc_requiredevidence,statecode,_ownerid_value&$expand=crmc_HandoffTemplateId($select=crmc_requiredevidence)&$filter=_crmc_opportunityid_value eq ${deal} and crmc_handoffkey ne null&$orderby=scheduledend asc`,
    signals: (account) => `?$select=crmc_fieldsignalid,crmc_name,crmc_kind,crmc_description,crmc_acknowledgedon,createdon,_crmc_raisedby_value&$filter=_crmc_accountid_value eq ${account} and statecode eq 0&$orderby=createdon desc&$top=${SignalsShown + 1}`
  };
  async function rowsOrHidden(read) {
    try {
      return (await read).entities;
    } catch (error) {
      if (isAccessDenied(error)) return null;
      throw error;
    }
  }
  async function loadPanel(api2, opportunityId2, now) {
    var _a;
    const id = bareId(opportunityId2);
    const [deal, reviews, handoffs] = await Promise.all([
      api2.retrieveRecord("opportunity", id, Queries.deal),
      rowsOrHidden(api2.retrieveMultipleRecords("crmc_feasibilityreview", Queries.reviews(id))),
      rowsOrHidden(api2.retrieveMultipleRecords("task", Queries.handoffs(id)))
    ]);
    const customerIsAccount = deal["_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname"] === "account";
    const accountId = deal._parentaccountid_value || (customerIsAccount ? deal._customerid_value : void 0);
    const accountName = deal._parentaccountid_value ? formatted(deal, "_parentaccountid_value") : customerIsAccount ? formatted(deal, "_customerid_value") : "";
    const signals = accountId ? await rowsOrHidden(api2.retrieveMultipleRecords("crmc_fieldsignal", Queries.signals(bareId(accountId)))) : [];
    return {
      dealName: (_a = deal.name) != null ? _a : "",
      accountName,
      // Won, or won once and reopened: its handoff tasks exist, so an empty list means none the user may see.
      wasWon: deal.statecode === OpportunityState.Won || deal.crmc_wonon != null && deal.crmc_wonon !== "",
      feasibility: toFeasibility(deal),
      reviews: reviews && reviews.map((r) => toReview(r, now)),
      handoffs: handoffs && handoffs.map(toHandoff),
      signals: signals && signals.slice(0, SignalsShown).map(toSignal),
      moreSignals: signals != null && signals.length > SignalsShown
    };
  }

  // src/panel/render.ts
  function el(doc, tag, text3, className) {
    const node = doc.createElement(tag);
    if (text3 != null) node.textContent = text3;
    if (className) node.className = className;
    return node;
  }
  function link(doc, text3, entity, id, open) {
    const a = el(doc, "a", text3 || "(no name)", "record-link");
    a.href = "#";
    a.setAttribute("data-entity", entity);
    a.setAttribute("data-id", id);
    a.addEventListener("click", (event) => {
      event.preventDefault();
      open(entity, id);
    });
    return a;
  }
  function table(doc, caption, absent, items, columns, rowClass) {
    if (items == null) return el(doc, "p", absent.hidden, "empty not-shown");
    if (items.length === 0) return el(doc, "p", absent.empty, "empty");
    const t = el(doc, "table");
    t.appendChild(el(doc, "caption", caption));
    const head = t.appendChild(el(doc, "thead")).appendChild(el(doc, "tr"));
    for (const c of columns) head.appendChild(el(doc, "th", c.header)).setAttribute("scope", "col");
    const body = t.appendChild(el(doc, "tbody"));
    for (const item of items) {
      const tr = body.appendChild(el(doc, "tr", void 0, rowClass == null ? void 0 : rowClass(item)));
      columns.forEach((c, i) => {
        const cell = tr.appendChild(el(doc, i === 0 ? "th" : "td"));
        if (i === 0) cell.setAttribute("scope", "row");
        c.cell(item, cell);
      });
    }
    return t;
  }
  var text2 = (value, className) => (_, td) => {
    td.textContent = value;
    if (className) td.className = className;
  };
  function feasibilityBlock(doc, feasibility) {
    const block = doc.createDocumentFragment();
    if (!feasibility) return block;
    block.appendChild(el(doc, "p", feasibility.headline, `feasibility feasibility-${feasibility.level}`));
    if (feasibility.lines.length > 0) {
      const list = block.appendChild(el(doc, "ul", void 0, "feasibility-lines"));
      for (const line of feasibility.lines) list.appendChild(el(doc, "li", line));
    }
    return block;
  }
  var Absence = {
    reviews: { empty: "No feasibility review on this deal.", hidden: "Feasibility reviews are not shown to your role." },
    handoffsOpen: {
      empty: "No handoff task yet: they are created when the deal is won.",
      hidden: "Handoff tasks are not shown to your role: the salesperson and the functions that work them follow them."
    },
    handoffsWon: {
      empty: "No handoff task of this deal is visible to you.",
      hidden: "Handoff tasks are not shown to your role: the salesperson and the functions that work them follow them."
    },
    signals: {
      empty: "No open signal on this account is visible to you.",
      hidden: "Signals are not shown to your role: they go to the account's salesperson."
    }
  };
  function reviewsTable(doc, reviews, open) {
    return table(doc, "Feasibility reviews of this deal", Absence.reviews, reviews, [
      { header: "Function", cell: (r, td) => td.appendChild(link(doc, r.functionLabel, "crmc_feasibilityreview", r.id, open)) },
      { header: "Decision", cell: (r, td) => text2(r.decision, r.rejected ? "rejected" : void 0)(r, td) },
      { header: "Reviewer", cell: (r, td) => text2(r.reviewer || "Unassigned")(r, td) },
      { header: "Due", cell: (r, td) => text2(r.due || "No due date")(r, td) },
      {
        header: "Timing",
        cell: (r, td) => {
          if (r.overdue) td.appendChild(el(doc, "span", "Overdue", "badge badge-overdue"));
          else td.textContent = r.decision === "Pending" ? "On time" : "Decided";
        }
      },
      { header: "Reason or conditions", cell: (r, td) => text2(r.note || "—", r.rejected ? "reason" : void 0)(r, td) }
    ], (r) => r.overdue ? "overdue" : r.rejected ? "is-rejected" : "");
  }
  function handoffsTable(doc, handoffs, open, wasWon = false) {
    return table(doc, "Handoff tasks created when the deal was won", wasWon ? Absence.handoffsWon : Absence.handoffsOpen, handoffs, [
      { header: "Function", cell: (h, td) => td.appendChild(link(doc, h.functionLabel, "task", h.id, open)) },
      { header: "Task", cell: (h, td) => text2(h.subject + (h.done ? " (completed)" : ""))(h, td) },
      { header: "Owner", cell: (h, td) => text2(h.owner || "Unassigned")(h, td) },
      { header: "Due", cell: (h, td) => text2(h.due || "No due date")(h, td) },
      { header: "Accepted", cell: (h, td) => text2(h.accepted)(h, td) },
      { header: "Evidence", cell: (h, td) => text2(h.evidence, h.evidenceComplete ? "evidence-complete" : "evidence-missing")(h, td) }
    ]);
  }
  function signalsTable(doc, signals, open) {
    return table(doc, "Open field signals on the account", Absence.signals, signals, [
      { header: "Signal", cell: (s, td) => td.appendChild(link(doc, s.title, "crmc_fieldsignal", s.id, open)) },
      { header: "Kind", cell: (s, td) => text2(s.kind)(s, td) },
      { header: "Details", cell: (s, td) => text2(s.description || "—")(s, td) },
      {
        header: "Raised",
        cell: (s, td) => {
          if (s.raisedBy) td.append(el(doc, "bdi", s.raisedBy), s.raisedOn ? ", " : "");
          td.append(s.raisedOn);
        }
      },
      { header: "Acknowledged", cell: (s, td) => text2(s.acknowledged)(s, td) }
    ]);
  }
  function renderPanel(doc, model, open) {
    const fill = (id, content) => {
      var _a;
      return (_a = doc.getElementById(id)) == null ? void 0 : _a.replaceChildren(content);
    };
    fill("crmc-feasibility", feasibilityBlock(doc, model.feasibility));
    fill("crmc-reviews", reviewsTable(doc, model.reviews, open));
    fill("crmc-handoffs", handoffsTable(doc, model.handoffs, open, model.wasWon));
    const signals = doc.createDocumentFragment();
    signals.appendChild(signalsTable(doc, model.signals, open));
    if (model.moreSignals && model.signals) {
      signals.appendChild(el(doc, "p", `Only the ${model.signals.length} most recent open signals are shown: open the account to see all of them.`, "empty"));
    }
    fill("crmc-signals", signals);
    const account = doc.getElementById("crmc-account");
    if (account) account.textContent = model.accountName ? `Account: ${model.accountName}` : "No account on this deal.";
  }

  // src/panel/main.ts
  var api = null;
  var generation = 0;
  function status(message, isError = false) {
    const region = document.getElementById("crmc-status");
    if (!region) return;
    region.textContent = message;
    region.className = isError ? "status status-error" : "status";
  }
  function findXrm() {
    const own = window.Xrm;
    if (own == null ? void 0 : own.WebApi) return own;
    try {
      const parentXrm = window.parent.Xrm;
      if (window.parent !== window && (parentXrm == null ? void 0 : parentXrm.WebApi)) return parentXrm;
    } catch (e) {
    }
    return null;
  }
  var RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  function passedId(search, form) {
    var _a;
    const fromForm = form ? bareId(form.data.entity.getId()) : "";
    if (fromForm) return fromForm;
    const params = new URLSearchParams(search);
    const id = params.get("id");
    if (id) return bareId(id);
    const data = (_a = params.get("data")) != null ? _a : "";
    const nested = new URLSearchParams(data).get("id");
    return bareId(nested != null ? nested : data).trim();
  }
  function opportunityId(search, form) {
    const id = passedId(search, form);
    return RECORD_ID.test(id) ? id : "";
  }
  function badIdMessage(search, form) {
    const id = passedId(search, form);
    if (!id || RECORD_ID.test(id)) return null;
    const shown = id.length > 40 ? `${id.slice(0, 40)}…` : id;
    return `This panel was given "${shown}", which is not a deal's id, so it shows nothing. Open it from an opportunity form; an administrator who placed it elsewhere passes the deal's id in its "data" parameter (id=the deal's id).`;
  }
  function loadedMessage(model) {
    const lists = [[model.reviews, "review(s)"], [model.handoffs, "handoff task(s)"], [model.signals, "signal(s)"]];
    const shown = lists.filter(([items]) => items != null).map(([items, what]) => `${items.length} ${what}`);
    if (model.moreSignals && model.signals) shown[shown.length - 1] += " (the most recent: the account has more)";
    const hidden = lists.filter(([items]) => items == null).map(([, what]) => what.replace("(s)", "s"));
    const loaded = shown.length > 0 ? `Loaded ${shown.join(", ")}.` : "Loaded the deal.";
    return hidden.length > 0 ? `${loaded} Not shown to your role: ${hidden.join(", ")}.` : loaded;
  }
  function openRecord(entityName, entityId) {
    var _a;
    void ((_a = api == null ? void 0 : api.xrm.Navigation) == null ? void 0 : _a.openForm({ entityName, entityId }));
  }
  async function refresh() {
    if (!api) {
      status("Waiting for the opportunity form…");
      return;
    }
    const id = opportunityId(window.location.search, api.form);
    if (!id) {
      const bad = badIdMessage(window.location.search, api.form);
      status(bad != null ? bad : "Save the opportunity to see its reviews, handoffs and signals.", bad != null);
      return;
    }
    const mine = ++generation;
    status("Loading reviews, handoffs and signals…");
    try {
      const model = await loadPanel(api.xrm.WebApi, id, /* @__PURE__ */ new Date());
      if (mine !== generation) return;
      renderPanel(document, model, openRecord);
      status(loadedMessage(model));
    } catch (error) {
      if (mine !== generation) return;
      status(`Could not load the collaboration data: ${errorMessage(error)}`, true);
    }
  }
  function setClientApiContext(xrm, form) {
    api = { xrm, form };
    void refresh();
  }
  function start() {
    if (!api) {
      const xrm = findXrm();
      if (xrm) api = { xrm };
    }
    void refresh();
  }

  // src/panel/index.ts
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  return __toCommonJS(index_exports);
})();
