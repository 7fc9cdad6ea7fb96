/* Your plan: the first weeks' steps with their due dates, for the facts a reader gives.
 *
 * The rules (data/steps.yml, as JSON in the page) say who a step is for and when it is due; the steps' text
 * is the checklist's, already on the page. The facts live in the address's #fragment, so a plan link works
 * anywhere and nothing reaches a server; the page keeps them only when the reader asks (localStorage).
 * The pure part (dates, conditions, the calendar file) is exported for the tests, which run it in Node. */
(function (root, factory) {
  "use strict";
  var plan = factory();
  if (typeof module === "object" && module.exports) module.exports = plan;
  else plan.start(root.document);
})(this, function () {
  "use strict";

  var FACTS = ["move-in", "start", "municipality", "eu", "partner", "children", "licence", "car", "visa-end"];
  var DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
  var STORE = "handbook-plan-v1";
  var ANCHOR_TEXT = { "move-in": "anchor_move_in", "start": "anchor_start", "visa-end": "anchor_visa_end" };

  /* Dates are "YYYY-MM-DD" strings; arithmetic is done in UTC, so no time zone shifts a day. */
  function parseDate(text) {
    var m = DATE.exec(text || "");
    if (!m) return null;
    var day = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return day.getUTCFullYear() === +m[1] && day.getUTCMonth() === +m[2] - 1 && day.getUTCDate() === +m[3]
      ? day : null;
  }

  function iso(day) {
    return day.toISOString().slice(0, 10);
  }

  function daysInMonth(year, month) {
    return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  }

  function addDays(text, days) {
    var day = parseDate(text);
    day.setUTCDate(day.getUTCDate() + days);
    return iso(day);
  }

  /* BGB § 188 (2) and (3): the same day of the month, or the month's last day when it has no such day. */
  function addMonths(text, months, monthEnd) {
    var day = parseDate(text);
    var total = day.getUTCMonth() + months;
    var year = day.getUTCFullYear() + Math.floor(total / 12);
    var month = ((total % 12) + 12) % 12;
    var last = daysInMonth(year, month);
    return iso(new Date(Date.UTC(year, month, monthEnd ? last : Math.min(day.getUTCDate(), last))));
  }

  /* "0-5" holds when a child is 0 to 5 years old. */
  function holds(fact, wanted, facts) {
    if (fact === "children") {
      var range = wanted.split("-").map(Number);
      return facts.children.some(function (age) { return age >= range[0] && age <= range[1]; });
    }
    if (wanted === "given") return Boolean(facts[fact]);
    if (fact === "eu" && wanted === "no") return facts.eu !== "yes";  // not told: the step is shown
    return facts[fact] === wanted;
  }

  function applies(rule, facts) {
    var all = rule.w || {};
    var every = Object.keys(all).every(function (fact) { return holds(fact, all[fact], facts); });
    var any = !rule.a || rule.a.some(function (alternative) {
      return Object.keys(alternative).every(function (fact) { return holds(fact, alternative[fact], facts); });
    });
    return every && any;
  }

  function dueDate(rule, facts) {
    var due = rule.d;
    if (!due || !facts[due.f]) return null;
    return due.m ? addMonths(facts[due.f], due.m, due.e) : addDays(facts[due.f], due.n);
  }

  /* The steps that apply, dated ones by date (ties in the checklist's order), then the undated ones. */
  function planSteps(rules, facts) {
    var found = [];
    rules.forEach(function (rule, index) {
      if (applies(rule, facts)) found.push({ index: index, rule: rule, due: dueDate(rule, facts) });
    });
    return found.sort(function (a, b) {
      if (a.due && b.due && a.due !== b.due) return a.due < b.due ? -1 : 1;
      if (Boolean(a.due) !== Boolean(b.due)) return a.due ? -1 : 1;
      return a.index - b.index;
    });
  }

  /* A link cut or mistyped in an e-mail may hold a broken %-escape: read it as it stands, and let the checks say
   * what is wrong, rather than stopping the script. */
  function decode(text) {
    try { return decodeURIComponent(text); } catch (error) { return text; }
  }

  /* Facts from "move-in=2027-03-01&start=…" (a plan link's fragment): the facts, and what is wrong. */
  function parseFacts(fragment) {
    var facts = { children: [] };
    var errors = [];
    (fragment || "").replace(/^#/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var cut = pair.indexOf("=");
      var name = decode(cut < 0 ? pair : pair.slice(0, cut));
      var value = cut < 0 ? "" : decode(pair.slice(cut + 1)).trim();
      if (FACTS.indexOf(name) < 0 || !value) return;  // an unknown name: a link from a later version
      if (name === "eu" || name === "partner" || name === "car" || name === "licence") {
        if (name === "licence" ? value === "non-eu" : value === "yes" || value === "no") facts[name] = value;
        else errors.push({ field: name, kind: "choice" });
        return;
      }
      if (name === "children") {
        var ages = value.split(/\s*,\s*/);
        if (ages.every(function (age) { return /^\d{1,2}$/.test(age) && +age <= 24; })) facts.children = ages.map(Number);
        else errors.push({ field: "children", kind: "children" });
      } else if (name === "move-in" || name === "start" || name === "visa-end") {
        if (parseDate(value)) facts[name] = value;
        else errors.push({ field: name, kind: "date" });
      } else if (/^[a-z0-9-]+$/.test(value)) {  // the municipality page's address; the page checks it is one
        facts.municipality = value;
      } else {
        errors.push({ field: "municipality", kind: "choice" });
      }
    });
    ["move-in", "start"].forEach(function (name) {
      if (!facts[name] && !errors.some(function (e) { return e.field === name; })) errors.push({ field: name, kind: "missing" });
    });
    return { facts: facts, errors: errors };
  }

  function fragmentOf(facts) {
    return FACTS.filter(function (name) {
      return name === "children" ? facts.children && facts.children.length : facts[name];
    }).map(function (name) {
      return name + "=" + (name === "children" ? facts.children.join(",") : encodeURIComponent(facts[name]));
    }).join("&");
  }

  /* RFC 5545 text: escaped, and lines folded at 75 octets (UTF-8), never inside a character. */
  function icsText(value) {
    return String(value).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
  }

  function fold(line) {
    var out = [];
    var current = "";
    var size = 0;
    Array.from(line).forEach(function (ch) {
      var bytes = unescape(encodeURIComponent(ch)).length;
      if (size + bytes > (out.length ? 74 : 75)) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += ch;
      size += bytes;
    });
    out.push(current);
    return out.join("\r\n ");
  }

  /* One all-day entry per dated step, with its guide link and a reminder. ``entries``: {due, summary,
   * description, url, remind, uid}; ``stamp``: the UTC time of making, e.g. "20261202T150000Z". */
  function calendar(name, entries, stamp) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Welcome to Region Stuttgart//Plan//EN",
      "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + icsText(name)];
    entries.forEach(function (entry) {
      lines.push("BEGIN:VEVENT", "UID:" + entry.uid, "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + entry.due.replace(/-/g, ""),
        "DTEND;VALUE=DATE:" + addDays(entry.due, 1).replace(/-/g, ""),
        "SUMMARY:" + icsText(entry.summary), "DESCRIPTION:" + icsText(entry.description),
        "URL:" + entry.url, "TRANSP:TRANSPARENT",
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + icsText(entry.summary),
        "TRIGGER:-P" + entry.remind + "D", "END:VALARM", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  /* ---- The page ---- */

  function start(document) {
    var tool = document.querySelector("[data-handbook-plan]");
    var dataBlock = document.getElementById("handbook-plan-data");
    if (!tool || !dataBlock) return;
    var data = JSON.parse(dataBlock.textContent);
    var texts = data.texts;
    var lang = document.documentElement.lang || "en";
    var form = tool.querySelector("[data-handbook-plan-form]");
    var linkMode = tool.getAttribute("data-handbook-plan") === "link";
    var result = tool.querySelector("[data-handbook-plan-result]");
    var general = document.querySelector("[data-handbook-plan-steps]");
    var dates = new Intl.DateTimeFormat(data.locale || lang, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    var plural = new Intl.PluralRules(lang);

    function text(key, values) {
      var value = texts[key];
      if (value && typeof value === "object") value = value[plural.select(values.n)] || value.other;
      return String(value || "").replace(/\{(\w+)\}/g, function (all, name) {
        return values && name in values ? values[name] : all;
      }).replace(/\.\./g, ".");  // a date that ends in a dot ("1 березня 2027 р.") at the end of a sentence
    }

    /* Right-to-left pages: every left-to-right run (names, dates, numbers) the script writes is isolated, as
     * the build does for the page's own text (hooks/language_of_parts.py). */
    var RUN = /[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F .,:/()'\u2019&+%\u20AC-]*[A-Za-z0-9\u00C0-\u024F)%\u20AC]|[A-Za-z0-9]/g;

    function isolate(node) {
      if (document.documentElement.dir !== "rtl") return;
      var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      var found = [];
      while (walker.nextNode()) {
        if (!walker.currentNode.parentElement.closest("bdi, [dir=ltr], code")) found.push(walker.currentNode);
      }
      found.forEach(function (textNode) {
        var value = textNode.data;
        var parts = document.createDocumentFragment();
        var last = 0;
        value.replace(RUN, function (run, at) {
          parts.appendChild(document.createTextNode(value.slice(last, at)));
          var bdi = document.createElement("bdi");
          bdi.dir = "ltr";
          bdi.textContent = run;
          parts.appendChild(bdi);
          last = at + run.length;
        });
        if (!last) return;
        parts.appendChild(document.createTextNode(value.slice(last)));
        textNode.parentNode.replaceChild(parts, textNode);
      });
    }

    function showDate(value) {
      return dates.format(parseDate(value));
    }

    function labelOf(name) {
      var field = form.querySelector('[data-field="' + name + '"]');
      var label = field && field.querySelector("label, legend");
      return label ? label.textContent.trim() : name;
    }

    /* The checklist's steps on this page, in the rules' order (make check keeps them so). */
    var stepItems = general ? general.querySelectorAll(".task-list-item") : [];

    function read() {
      var facts = { children: [] };
      var pairs = [];
      ["move-in", "start", "visa-end", "municipality", "children"].forEach(function (name) {
        var value = form.elements[name].value.trim();
        if (value) pairs.push(name + "=" + encodeURIComponent(value).replace(/%2C/gi, ","));
      });
      var eu = form.querySelector('input[name="eu"]:checked');
      if (eu) pairs.push("eu=" + eu.value);
      if (form.elements.partner.checked) pairs.push("partner=yes");
      if (form.elements.licence.checked) pairs.push("licence=non-eu");
      if (form.elements.car.checked) pairs.push("car=yes");
      facts = parseFacts(pairs.join("&"));
      return facts;
    }

    function fill(facts) {
      ["move-in", "start", "visa-end", "municipality"].forEach(function (name) {
        form.elements[name].value = facts[name] || "";
      });
      form.elements.children.value = facts.children.join(", ");
      Array.prototype.forEach.call(form.querySelectorAll('input[name="eu"]'), function (radio) {
        radio.checked = radio.value === facts.eu;
      });
      form.elements.partner.checked = facts.partner === "yes";
      form.elements.licence.checked = facts.licence === "non-eu";
      form.elements.car.checked = facts.car === "yes";
    }

    function showErrors(errors) {
      var summary = form.querySelector(".handbook-plan-form__errors");
      var list = summary.querySelector("ul");
      list.textContent = "";
      Array.prototype.forEach.call(form.querySelectorAll(".handbook-plan-form__error"), function (p) {
        p.hidden = true;
        p.textContent = "";
      });
      Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (input) {
        input.removeAttribute("aria-invalid");
      });
      errors.forEach(function (error) {
        var message = error.kind === "children" ? text("error_children")
          : error.kind === "choice" ? text("error_missing", { field: labelOf(error.field) })
          : text(error.kind === "date" ? "error_date" : "error_missing", { field: labelOf(error.field) });
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = "#plan-" + error.field;
        link.textContent = message;
        item.appendChild(link);
        list.appendChild(item);
        var inline = document.getElementById("plan-" + error.field + "-error");
        var input = document.getElementById("plan-" + error.field);
        if (inline) {
          inline.textContent = message;
          inline.hidden = false;
        }
        if (input) {
          input.setAttribute("aria-invalid", "true");
          var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          if (described.indexOf("plan-" + error.field + "-error") < 0) described.unshift("plan-" + error.field + "-error");
          input.setAttribute("aria-describedby", described.join(" "));
        }
      });
      isolate(form);
      summary.hidden = !errors.length;
      if (errors.length) summary.focus();
    }

    function planLink(facts) {
      var base = new URL(data.plan || location.pathname, location.href);
      base.hash = fragmentOf(facts);
      return base.href;
    }

    function showLink(facts) {
      var box = tool.querySelector("[data-plan-link]");
      box.hidden = false;
      box.querySelector("input").value = planLink(facts);
    }

    function why(rule, facts) {
      var due = rule.d;
      var values = { anchor: text(ANCHOR_TEXT[due.f]), date: showDate(facts[due.f]) };
      if (due.m) return text(due.e ? "why_month_end" : "why_after_months", Object.assign({ n: due.m }, values));
      if (due.n > 0) return text("why_after_days", Object.assign({ n: due.n }, values));
      if (due.n < 0) return text("why_before_days", Object.assign({ n: -due.n }, values));
      return text("why_same", values);
    }

    /* A plan link whose municipality is not one of the region's: say so at the field. */
    function known(parsed) {
      if (parsed.facts.municipality && !municipalityName(parsed.facts.municipality)) {
        delete parsed.facts.municipality;
        parsed.errors.push({ field: "municipality", kind: "choice" });
      }
      return parsed;
    }

    function municipalityName(slug) {
      var option = slug && form.querySelector('option[value="' + slug + '"]');
      return option ? option.textContent : "";
    }

    function element(name, className, content) {
      var node = document.createElement(name);
      if (className) node.className = className;
      if (content) node.textContent = content;
      return node;
    }

    function stepText(index) {
      var copy = stepItems[index].cloneNode(true);
      Array.prototype.forEach.call(copy.querySelectorAll("label, input"), function (node) { node.remove(); });
      return copy;
    }

    function summaryOf(index) {
      var copy = stepText(index);
      var links = copy.querySelectorAll("a");
      if (links.length) links[links.length - 1].remove();
      return copy.textContent.trim().split(/(?<=[.。])\s*/)[0];
    }

    var current = null;

    function render(facts) {
      current = { facts: facts, steps: planSteps(data.rules, facts) };
      var today = iso(new Date());
      var place = municipalityName(facts.municipality);
      var values = { move_in: showDate(facts["move-in"]), start: showDate(facts.start), municipality: place };
      result.querySelector(".handbook-plan__summary").textContent = text(place ? "summary_place" : "summary", values);
      var list = result.querySelector(".handbook-plan__steps");
      list.textContent = "";
      current.steps.forEach(function (step) {
        var item = element("li", "handbook-plan__step");
        item.setAttribute("data-step", step.rule.g);
        var when = element("p", "handbook-plan__due");
        if (step.due) {
          var time = element("time", "", text("due", { date: showDate(step.due) }));
          time.setAttribute("datetime", step.due);
          when.appendChild(time);
        } else {
          when.textContent = text("no_date");
        }
        item.appendChild(when);
        var body = element("div", "handbook-plan__text");
        Array.prototype.slice.call(stepText(step.index).childNodes).forEach(function (node) { body.appendChild(node); });
        item.appendChild(body);
        if (step.due) {
          item.appendChild(element("p", "handbook-plan__why", why(step.rule, facts)));
          if (step.due < today) item.appendChild(element("p", "handbook-plan__past", text("past")));
        }
        var rule = element("p", "handbook-plan__rule", text("rule") + " ");
        var source = element("a", "", step.rule.s[0]);
        source.href = step.rule.s[1];
        source.rel = "external";
        if (lang !== "en") {
          source.lang = "en";
          source.dir = "ltr";
        }
        rule.appendChild(source);
        item.appendChild(rule);
        if (step.rule.o && facts.municipality && place) {
          var offices = element("p", "handbook-plan__offices");
          var link = element("a", "", text("offices", { municipality: place }));
          link.href = data.root + "municipalities/" + facts.municipality + "/#offices";
          offices.appendChild(link);
          item.appendChild(offices);
        }
        list.appendChild(item);
      });
      isolate(result);
      result.hidden = false;
      if (general) general.hidden = true;
      showLink(facts);
      var keep = result.querySelector('[data-plan-action="keep"]');
      keep.checked = stored() === fragmentOf(facts);
      result.querySelector(".handbook-plan__kept").textContent = keep.checked ? text("kept") : "";
    }

    function stored() {
      try { return localStorage.getItem(STORE) || ""; } catch (error) { return ""; }
    }

    function store(value) {
      try {
        if (value) localStorage.setItem(STORE, value);
        else localStorage.removeItem(STORE);
      } catch (error) { /* storage may be off: the link still holds the plan */ }
    }

    function download() {
      var origin = location.host || "welcome-region-stuttgart";
      var entries = current.steps.filter(function (step) { return step.due; }).map(function (step) {
        var guide = stepText(step.index).querySelectorAll("a");
        var url = guide.length ? guide[guide.length - 1].href : location.href;
        return {
          due: step.due,
          summary: summaryOf(step.index),
          description: why(step.rule, current.facts) + "\n" + text("rule") + " " + step.rule.s[0] + " " +
            step.rule.s[1] + "\n" + url,
          url: url,
          remind: step.rule.r,
          uid: step.rule.g.replace(/[^a-z0-9]+/g, "-") + "-" + current.facts["move-in"] + "@" + origin
        };
      });
      var stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
      var file = new Blob([calendar(document.title, entries, stamp)],
        { type: "text/calendar;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = "plan.ics";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    function submit(event) {
      event.preventDefault();
      var parsed = read();
      showErrors(parsed.errors);
      if (parsed.errors.length) return;
      if (linkMode) {
        showLink(parsed.facts);
        return;
      }
      history.replaceState(null, "", "#" + fragmentOf(parsed.facts));
      render(parsed.facts);
      if (stored()) store(fragmentOf(parsed.facts));  // a kept plan follows its changes
      result.querySelector("h2").focus();
    }

    form.addEventListener("submit", submit);
    tool.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-plan-action");
      if (action === "calendar") download();
      else if (action === "print") window.print();
      else if (action === "copy") {
        var input = tool.querySelector("[data-plan-link] input");
        input.select();
        var done = tool.querySelector(".handbook-plan__copied");
        var say = function () { done.textContent = " " + text("copied"); };
        if (navigator.clipboard) navigator.clipboard.writeText(input.value).then(say, function () { document.execCommand("copy"); say(); });
        else { document.execCommand("copy"); say(); }
      }
    });
    if (result) {
      result.querySelector("h2").tabIndex = -1;
      result.querySelector('[data-plan-action="keep"]').addEventListener("change", function (event) {
        store(event.target.checked ? fragmentOf(current.facts) : "");
        result.querySelector(".handbook-plan__kept").textContent = event.target.checked ? text("kept") : "";
      });
    }

    if (linkMode) return;
    window.addEventListener("hashchange", function () {
      if (location.hash.indexOf("=") < 0) return;
      var changed = known(parseFacts(location.hash));
      fill(changed.facts);
      showErrors(changed.errors);
      if (!changed.errors.length) render(changed.facts);
    });
    var fragment = location.hash.length > 1 && location.hash.indexOf("=") > 0 ? location.hash : "";
    var source = fragment || stored();
    if (!source) return;
    var parsed = known(parseFacts(source));
    fill(parsed.facts);
    if (parsed.errors.length) showErrors(parsed.errors);
    else render(parsed.facts);
  }

  return {
    addDays: addDays, addMonths: addMonths, applies: applies, dueDate: dueDate, planSteps: planSteps,
    parseFacts: parseFacts, fragmentOf: fragmentOf, calendar: calendar, start: start
  };
});
