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
  var SalesStages = ["Qualify", "Develop", "Propose", "Close"];
  var GateStage = 2;
  var OpportunityState = { Open: 0, Won: 1, Lost: 2 };

  // src/shared/format.ts
  function bareId(id) {
    return (id != null ? id : "").replace(/[{}]/g, "").toLowerCase();
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

  // src/opportunity/feasibility.ts
  var WAITING = "Waiting on: ";
  var CONDITIONS = ". Conditions: ";
  var ITEM_START = new RegExp(
    `; (?=(?:${Object.values(FunctionLabels).join("|")}) (?:pending|rejected)\\b)`
  );
  function blockingText(summary) {
    if (!summary || !summary.startsWith(WAITING)) return null;
    let text = summary.slice(WAITING.length);
    const conditions = text.indexOf(CONDITIONS);
    if (conditions >= 0) text = text.slice(0, conditions);
    else if (text.endsWith(".")) text = text.slice(0, -1);
    return text.trim() || null;
  }
  function blockingItems(summary) {
    const text = blockingText(summary);
    return text ? text.split(ITEM_START) : [];
  }
  function conditionsText(summary) {
    if (!summary) return null;
    const at = summary.indexOf("Conditions: ");
    if (at < 0) return null;
    return summary.slice(at + "Conditions: ".length).replace(/\.$/, "") || null;
  }
  function isGateBlocking(status) {
    return status === FeasibilityStatus.Pending || status === FeasibilityStatus.Blocked;
  }
  function gateMessage(summary, stageLabel = SalesStages[GateStage]) {
    var _a;
    const blocking = (_a = blockingText(summary)) != null ? _a : "feasibility reviews not yet decided";
    return `This opportunity cannot enter ${stageLabel} until its feasibility reviews are approved. Still blocking: ${blocking}. Ask the reviewers to decide, or adjust the deal and request new reviews.`;
  }
  function feasibilityNotices(status, summary) {
    var _a;
    if (status == null || status === FeasibilityStatus.NotRequired) return [];
    const label = (_a = FeasibilityStatusLabels[status]) != null ? _a : String(status);
    if (status === FeasibilityStatus.Cleared) {
      const conditions = conditionsText(summary);
      const text = conditions ? ` Conditions: ${conditions}.` : "";
      return [{ id: "crmc_feasibility", level: "INFO", message: `Feasibility: ${label}, all reviews approved.${text}` }];
    }
    const items = blockingItems(summary);
    const level = status === FeasibilityStatus.Blocked ? "ERROR" : "WARNING";
    const stage = SalesStages[GateStage];
    const headline = items.length > 0 ? `Feasibility: ${label}. ${items.length} review(s) must be approved before ${stage}:` : `Feasibility: ${label}. Reviews must be approved before ${stage}.`;
    return [
      { id: "crmc_feasibility", level, message: headline },
      ...items.map((item, i) => ({ id: `crmc_feasibility_${i}`, level, message: item }))
    ];
  }
  function stageIndex(name) {
    if (!name) return null;
    const lower = name.toLowerCase();
    const i = SalesStages.findIndex((s) => new RegExp(`\\b${s.toLowerCase()}\\b`).test(lower));
    return i >= 0 ? i : null;
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
  var PanelControl = "WebResource_collaboration";
  var GATE_NOTICE = "crmc_gate";
  var LOCK_NOTICE = "crmc_lockedterms";
  var feasibilityBoard = noticeBoard();
  var wired = /* @__PURE__ */ new WeakSet();
  function value(form, name) {
    const attribute = form.getAttribute(name);
    return attribute ? attribute.getValue() : null;
  }
  function readForm(form) {
    return {
      status: value(form, "crmc_feasibilitystatus"),
      summary: value(form, "crmc_feasibilitysummary"),
      state: value(form, "statecode")
    };
  }
  async function readServer(form) {
    var _a, _b, _c;
    const id = bareId(form.data.entity.getId());
    if (!id || typeof Xrm === "undefined" || !Xrm.WebApi) return readForm(form);
    try {
      const row = await Xrm.WebApi.retrieveRecord(
        "opportunity",
        id,
        "?$select=crmc_feasibilitystatus,crmc_feasibilitysummary,statecode"
      );
      return {
        status: (_a = row.crmc_feasibilitystatus) != null ? _a : null,
        summary: (_b = row.crmc_feasibilitysummary) != null ? _b : null,
        state: (_c = row.statecode) != null ? _c : null
      };
    } catch (e) {
      return readForm(form);
    }
  }
  function showFeasibility(form, state) {
    feasibilityBoard(form, feasibilityNotices(state.status, state.summary));
  }
  function applyTermsLock(form, state) {
    var _a;
    const won = state === OpportunityState.Won;
    for (const name of LockedTerms) {
      (_a = form.getAttribute(name)) == null ? void 0 : _a.controls.forEach((control) => {
        control.setDisabled(won);
      });
    }
    form.ui.clearFormNotification(LOCK_NOTICE);
    if (won) {
      form.ui.setFormNotification(
        "This deal is won: its agreed terms (value, discount, requested delivery, payment terms) are locked. To change them, raise an amendment.",
        "INFO",
        LOCK_NOTICE
      );
    }
  }
  async function refresh(form) {
    const state = await readServer(form);
    showFeasibility(form, state);
    applyTermsLock(form, state.state);
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
    const state = readForm(form);
    showFeasibility(form, state);
    applyTermsLock(form, state.state);
    connectPanel(form);
    if (wired.has(form)) return;
    wired.add(form);
    form.data.entity.addOnPostSave(onPostSave);
    const process = form.data.process;
    if (process) {
      process.addOnPreStageChange(onPreStageChange);
      process.addOnStageChange(onStageChange);
    }
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
    const { status, summary } = readForm(form);
    form.ui.clearFormNotification(GATE_NOTICE);
    if (!crossesGate(from, to) || !isGateBlocking(status)) return;
    args.preventDefault();
    const level = status === FeasibilityStatus.Blocked ? "ERROR" : "WARNING";
    form.ui.setFormNotification(gateMessage(summary, SalesStages[to != null ? to : GateStage]), level, GATE_NOTICE);
  }
  return __toCommonJS(index_exports);
})();
