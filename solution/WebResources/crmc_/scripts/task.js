/* CrmCollab web resource, generated from webresources/src by `npm run build`: do not edit. */
"use strict";
var CrmCollab = CrmCollab || {};
CrmCollab.Task = (() => {
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

  // src/task/index.ts
  var index_exports = {};
  __export(index_exports, {
    onLoad: () => onLoad
  });

  // src/task/form.ts
  var HandoffIdentity = ["crmc_handoffkey", "crmc_handofftemplateid", "crmc_requiredevidence"];
  var ServerOwnedOnHandoff = ["regardingobjectid", "scheduledend"];
  function isHandoff(form) {
    return HandoffIdentity.some((name) => {
      var _a;
      const value = (_a = form.getAttribute(name)) == null ? void 0 : _a.getValue();
      return value != null && value !== "" && !(Array.isArray(value) && value.length === 0);
    });
  }
  function onLoad(context) {
    var _a;
    const form = context.getFormContext();
    if (!isHandoff(form)) return;
    for (const name of ServerOwnedOnHandoff) {
      (_a = form.getAttribute(name)) == null ? void 0 : _a.controls.forEach((control) => control.setDisabled(true));
    }
  }
  return __toCommonJS(index_exports);
})();
