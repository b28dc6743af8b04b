/* CrmCollab web resource, generated from webresources/src by `npm run build`: do not edit. */
"use strict";
var CrmCollab = CrmCollab || {};
CrmCollab.Account = (() => {
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

  // src/account/index.ts
  var index_exports = {};
  __export(index_exports, {
    onLoad: () => onLoad
  });

  // src/shared/access.ts
  var PrivilegeDenied = 2147746336 | 0;
  var AccessCheckFailed = 2147779334 | 0;
  function isAccessDenied(error) {
    const code = error == null ? void 0 : error.errorCode;
    if (typeof code !== "number") return false;
    const value = code | 0;
    return value === PrivilegeDenied || value === AccessCheckFailed;
  }

  // src/shared/format.ts
  var pad = (n) => n < 10 ? "0" + n : String(n);
  function toDate(value) {
    if (value == null || value === "") return null;
    const date = value instanceof Date ? value : new Date(value);
    return isNaN(date.getTime()) ? null : date;
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

  // src/account/owners.ts
  var OwnerQuery = "?$select=crmc_function,crmc_validfrom,crmc_validto,_crmc_userid_value,_crmc_teamid_value,_crmc_backupuserid_value&$expand=crmc_UserId($select=fullname,isdisabled),crmc_BackupUserId($select=fullname,isdisabled)";
  function ownerFilter(accountId) {
    return `&$filter=_crmc_accountid_value eq ${accountId} and statecode eq 0&$orderby=crmc_validfrom asc`;
  }
  var FALLBACK = "falls back to the routing rules, then the unrouted queue";
  function validity(row) {
    const from = formatDay(row.crmc_validfrom);
    const to = formatDay(row.crmc_validto);
    if (!from && !to) return "no end date";
    if (!to) return `from ${from}, no end date`;
    return from ? `${from} to ${to}` : `until ${to}`;
  }
  function isValidOn(row, day) {
    const from = formatDay(row.crmc_validfrom);
    const to = formatDay(row.crmc_validto);
    return (!from || from <= day) && (!to || day <= to);
  }
  function describe(fn, row) {
    var _a, _b, _c;
    const label = functionLabel(fn);
    const team = formatted(row, "_crmc_teamid_value");
    const user = formatted(row, "_crmc_userid_value") || ((_a = row.crmc_UserId) == null ? void 0 : _a.fullname) || "";
    const when = validity(row);
    if (team) return { function: fn, level: "INFO", message: `${label}: team ${team} (dedicated, ${when}).` };
    if (!((_b = row.crmc_UserId) == null ? void 0 : _b.isdisabled)) {
      return { function: fn, level: "INFO", message: `${label}: ${user} (dedicated owner, ${when}).` };
    }
    const backup = formatted(row, "_crmc_backupuserid_value") || ((_c = row.crmc_BackupUserId) == null ? void 0 : _c.fullname) || "";
    if (backup && row.crmc_BackupUserId && !row.crmc_BackupUserId.isdisabled) {
      return { function: fn, level: "WARNING", message: `${label}: ${user} is disabled, so the backup ${backup} takes the work (${when}).` };
    }
    return { function: fn, level: "WARNING", message: `${label}: ${user} is disabled and has no active backup; ${FALLBACK}.` };
  }
  function ownerLines(rows, today) {
    const day = formatDay(today);
    const lines = [];
    const without = [];
    for (const fn of AllFunctions) {
      const mine = rows.filter((r) => r.crmc_function === fn);
      const current = mine.find((r) => isValidOn(r, day));
      if (current) {
        lines.push(describe(fn, current));
        continue;
      }
      const upcoming = mine.find((r) => formatDay(r.crmc_validfrom) > day);
      if (upcoming) {
        const who = formatted(upcoming, "_crmc_userid_value") || formatted(upcoming, "_crmc_teamid_value");
        lines.push({
          function: fn,
          level: "INFO",
          message: `${functionLabel(fn)}: no dedicated owner today (${who} from ${formatDay(upcoming.crmc_validfrom)}); ${FALLBACK}.`
        });
        continue;
      }
      without.push(functionLabel(fn));
    }
    if (without.length > 0) {
      lines.push({ function: 0, level: "INFO", message: `No dedicated owner for ${without.join(", ")}: ${FALLBACK}.` });
    }
    return lines;
  }

  // src/account/form.ts
  var PREFIX = "crmc_owner_";
  var show = noticeBoard();
  async function onLoad(context) {
    const form = context.getFormContext();
    const id = bareId(form.data.entity.getId());
    if (!id) return;
    try {
      const result = await Xrm.WebApi.retrieveMultipleRecords("crmc_dedicatedowner", OwnerQuery + ownerFilter(id));
      const lines = ownerLines(result.entities, /* @__PURE__ */ new Date());
      show(form, lines.map((l) => ({ id: PREFIX + l.function, level: l.level, message: l.message })));
    } catch (error) {
      const message = isAccessDenied(error) ? "Who receives this account's handoffs is not shown to your role." : `Dedicated owners could not be read: ${errorMessage(error)}`;
      show(form, [{ id: PREFIX + "error", level: isAccessDenied(error) ? "INFO" : "WARNING", message }]);
    }
  }
  return __toCommonJS(index_exports);
})();
