/* CrmCollab web resource, generated from webresources/src by `npm run build`: do not edit. */
"use strict";
var CrmCollab = CrmCollab || {};
CrmCollab.Opportunity = (() => {
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

  // src/opportunity/index.ts
  var index_exports = {};
  __export(index_exports, {
    onLoad: () => onLoad,
    onPostSave: () => onPostSave,
    onPreStageChange: () => onPreStageChange,
    onStageChange: () => onStageChange
  });

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
  function functionLabel(value2) {
    var _a;
    if (value2 == null) return "Unknown function";
    return (_a = FunctionLabels[value2]) != null ? _a : `Function ${value2}`;
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
  var SalesStages = ["Qualify", "Develop", "Propose", "Close"];
  var GateStage = 2;
  var OpportunityState = { Open: 0, Won: 1, Lost: 2 };

  // src/shared/format.ts
  var pad = (n) => n < 10 ? "0" + n : String(n);
  function toDate(value2) {
    if (value2 == null || value2 === "") return null;
    const date = value2 instanceof Date ? value2 : new Date(value2);
    return isNaN(date.getTime()) ? null : date;
  }
  function formatUtc(value2) {
    const d = toDate(value2);
    if (!d) return "";
    return `${formatDay(d)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
  }
  function formatDay(value2) {
    if (typeof value2 === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value2)) return value2;
    const d = toDate(value2);
    if (!d) return "";
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  function bareId(id) {
    return (id != null ? id : "").replace(/[{}]/g, "").toLowerCase();
  }

  // src/shared/feasibility.ts
  var DetailVersion = 1;
  var isObject = (value2) => typeof value2 === "object" && value2 !== null && !Array.isArray(value2);
  var isInteger = (value2) => typeof value2 === "number" && Number.isInteger(value2);
  var isText = (value2) => value2 == null || typeof value2 === "string";
  var text = (value2) => value2 == null || value2 === "" ? null : value2;
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
  function itemsFor(status, detail) {
    return detail && detail.status === status ? detail.items : [];
  }
  function blockingLines(status, detail) {
    return status == null ? [] : itemsFor(status, detail).filter(isBlocking).map(describeBlocking);
  }
  function conditionsLine(status, detail) {
    if (status == null) return null;
    const conditions = itemsFor(status, detail).filter((item) => item.decision === Decision.ApprovedWithConditions && item.conditions).map((item) => `${item.functionLabel}: ${item.conditions}`);
    return conditions.length > 0 ? conditions.join("; ") : null;
  }
  function feasibilityNotices(status, detail) {
    var _a, _b;
    const current = (_a = status != null ? status : detail == null ? void 0 : detail.status) != null ? _a : null;
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

  // src/shared/notices.ts
  function noticeBoard() {
    const shown = /* @__PURE__ */ new WeakMap();
    return (form, notices) => {
      var _a;
      const next = new Set(notices.map((n) => n.id));
      for (const notice of notices) {
        form.ui.clearFormNotification(notice.id);
        form.ui.setFormNotification(notice.message, notice.level, notice.id);
      }
      ((_a = shown.get(form)) != null ? _a : /* @__PURE__ */ new Set()).forEach((id) => {
        if (!next.has(id)) form.ui.clearFormNotification(id);
      });
      shown.set(form, next);
    };
  }

  // src/shared/refusals.ts
  var RefusalCode = {
    GateNotCleared: "CRMC-GATE-NOT-CLEARED"
  };
  function withCode(text2, code) {
    return `${text2} [${code}]`;
  }

  // src/opportunity/gate.ts
  function isGateBlocking(status) {
    return status === FeasibilityStatus.Pending || status === FeasibilityStatus.Blocked;
  }
  function gateMessage(status, detail, stageLabel = SalesStages[GateStage]) {
    const lines = blockingLines(status, detail);
    const blocking = lines.length > 0 ? lines.join("; ") : "feasibility reviews not yet decided";
    return withCode(
      `This opportunity cannot enter ${stageLabel} until its feasibility reviews are approved. Still blocking: ${blocking}. Ask the reviewers to decide, or adjust the deal and request new reviews.`,
      RefusalCode.GateNotCleared
    );
  }
  function stageIndex(name) {
    if (!name || name.trim() === "") return null;
    const lower = name.toLowerCase();
    const i = SalesStages.findIndex((s) => lower.includes(s.toLowerCase()));
    if (i >= 0) return i;
    return /^[1-4]-/.test(name) ? Number(name[0]) - 1 : null;
  }
  function crossesGate(from, to, gate = GateStage) {
    if (to == null) return false;
    return (from != null ? from : -1) < gate && to >= gate;
  }

  // src/opportunity/form.ts
  var LockedTerms = [
    "estimatedvalue",
    "crmc_discountpercent",
    "crmc_requesteddelivery",
    "crmc_paymentterms"
  ];
  var Columns = {
    status: "crmc_feasibilitystatus",
    detail: "crmc_feasibilitydetail",
    state: "statecode",
    wonOn: "crmc_wonon"
  };
  var PanelControl = "WebResource_collaboration";
  var GATE_NOTICE = "crmc_gate";
  var LOCK_NOTICE = "crmc_lockedterms";
  var TERMS = "(value, discount, requested delivery, payment terms)";
  var feasibilityBoard = noticeBoard();
  var wired = /* @__PURE__ */ new WeakSet();
  var closedByLock = /* @__PURE__ */ new WeakMap();
  var lastRead = /* @__PURE__ */ new WeakMap();
  var onForm = (form, name) => form.getAttribute(name) != null;
  function value(form, name, fallback) {
    const attribute = form.getAttribute(name);
    return attribute ? attribute.getValue() : fallback != null ? fallback : null;
  }
  function readForm(form) {
    var _a;
    const last = lastRead.get(form);
    return {
      status: value(form, Columns.status, last == null ? void 0 : last.status),
      detail: onForm(form, Columns.detail) ? parseFeasibilityDetail(value(form, Columns.detail, null)) : (_a = last == null ? void 0 : last.detail) != null ? _a : null,
      state: value(form, Columns.state, last == null ? void 0 : last.state),
      wonOn: value(form, Columns.wonOn, last == null ? void 0 : last.wonOn)
    };
  }
  async function readServer(form) {
    var _a, _b, _c;
    const id = bareId(form.data.entity.getId());
    if (!id || typeof Xrm === "undefined" || !Xrm.WebApi) return readForm(form);
    try {
      const row = await Xrm.WebApi.retrieveRecord("opportunity", id, `?$select=${Object.values(Columns).join(",")}`);
      const state = {
        status: (_a = row[Columns.status]) != null ? _a : null,
        detail: parseFeasibilityDetail(row[Columns.detail]),
        state: (_b = row[Columns.state]) != null ? _b : null,
        wonOn: (_c = row[Columns.wonOn]) != null ? _c : null
      };
      lastRead.set(form, state);
      return state;
    } catch (e) {
      return readForm(form);
    }
  }
  function show(form, deal) {
    feasibilityBoard(form, feasibilityNotices(deal.status, deal.detail));
    applyTermsLock(form, deal.state, deal.wonOn);
  }
  function applyTermsLock(form, state, wonOn = null) {
    var _a, _b;
    const won = state === OpportunityState.Won;
    const locked = won || wonOn != null && wonOn !== "";
    const closed = (_a = closedByLock.get(form)) != null ? _a : /* @__PURE__ */ new Set();
    closedByLock.set(form, closed);
    for (const name of LockedTerms) {
      (_b = form.getAttribute(name)) == null ? void 0 : _b.controls.forEach((item) => {
        const control = item;
        const id = control.getName();
        if (locked && !control.getDisabled()) {
          control.setDisabled(true);
          closed.add(id);
        } else if (!locked && closed.delete(id)) control.setDisabled(false);
      });
    }
    form.ui.clearFormNotification(LOCK_NOTICE);
    if (!locked) return;
    const message = won ? `This deal is won: its agreed terms ${TERMS} are locked; they change only through an amendment.` : `This deal was won before, so its agreed terms ${TERMS} stay locked; they change only through an amendment.`;
    form.ui.setFormNotification(message, "INFO", LOCK_NOTICE);
  }
  async function refresh(form) {
    show(form, await readServer(form));
    connectPanel(form);
  }
  function connectPanel(form) {
    const control = form.getControl(PanelControl);
    if (!control || typeof control.getContentWindow !== "function") return;
    control.getContentWindow().then(
      (win) => {
        var _a;
        const panel = (_a = win.CrmCollab) == null ? void 0 : _a.Panel;
        panel == null ? void 0 : panel.setClientApiContext(Xrm, form);
      },
      () => void 0
      // the panel shows its own error when it cannot load
    );
  }
  function onLoad(context) {
    const form = context.getFormContext();
    show(form, readForm(form));
    connectPanel(form);
    if (!wired.has(form)) {
      wired.add(form);
      form.data.entity.addOnPostSave(onPostSave);
      const process = form.data.process;
      if (process) {
        process.addOnPreStageChange(onPreStageChange);
        process.addOnStageChange(onStageChange);
      }
    }
    if (onForm(form, Columns.detail) && onForm(form, Columns.wonOn)) return Promise.resolve();
    return readServer(form).then((deal) => show(form, deal));
  }
  function onPostSave(context) {
    return refresh(context.getFormContext());
  }
  function onStageChange(context) {
    const form = context.getFormContext();
    form.ui.clearFormNotification(GATE_NOTICE);
    return refresh(form);
  }
  function targetStage(process, args) {
    var _a, _b;
    const from = stageIndex((_a = process.getActiveStage()) == null ? void 0 : _a.getName());
    const named = stageIndex((_b = args.getStage()) == null ? void 0 : _b.getName());
    if (String(args.getDirection()).toLowerCase() !== "next") return named;
    const next = from == null ? null : from + 1;
    return Math.max(named != null ? named : -1, next != null ? next : -1);
  }
  function onPreStageChange(context) {
    var _a;
    const form = context.getFormContext();
    const args = context.getEventArgs();
    const process = form.data.process;
    const from = stageIndex((_a = process.getActiveStage()) == null ? void 0 : _a.getName());
    const to = targetStage(process, args);
    const { status, detail } = readForm(form);
    form.ui.clearFormNotification(GATE_NOTICE);
    if (!crossesGate(from, to) || !isGateBlocking(status)) return;
    args.preventDefault();
    const level = status === FeasibilityStatus.Blocked ? "ERROR" : "WARNING";
    form.ui.setFormNotification(gateMessage(status, detail, SalesStages[to != null ? to : GateStage]), level, GATE_NOTICE);
  }
  return __toCommonJS(index_exports);
})();
