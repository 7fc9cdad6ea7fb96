/* Welcome to Region Stuttgart: site search with Pagefind.
 *
 * Nothing search-related is downloaded until the reader opens the search box:
 * then the Pagefind bundle for the site is imported once, and Pagefind itself
 * fetches only the index chunks of the page's own language. No request leaves
 * the site's origin. */
(function () {
  "use strict";

  var root = document.querySelector("[data-handbook-search]");
  if (!root) return;
  var toggle = document.getElementById("__search");
  var form = root.querySelector("[data-handbook-search-form]");
  var input = form.querySelector("input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var bundleUrl = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var pagefind = null;
  var latest = 0;

  function text(name) {
    return root.getAttribute("data-text-" + name) || "";
  }

  // "1 page found", "2 pages found": the plural form the language's CLDR rules choose for n.
  function count(n) {
    var form = new Intl.PluralRules(document.documentElement.lang).select(n);
    return (text("count-" + form) || text("count-other")).replace("{n}", n.toLocaleString(document.documentElement.lang));
  }

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundleUrl).href).then(function (module) {
        // Result URLs are relative to the site root (/<lang>/pagefind/ -> /).
        var baseUrl = new URL("../../", bundleUrl).pathname;
        // A very large language is indexed in several bundles (pagefind-2/, …); search them as one.
        var more = (root.getAttribute("data-more-bundles") || "").split(" ").filter(Boolean);
        // Long guides must not lose to short overview pages that only name a term: little length penalty
        // (German terms also weigh more where a guide explains them, hooks/language_of_parts.py).
        return module.options({ baseUrl: baseUrl, ranking: { pageLength: 0.1 } }).then(function () {
          return Promise.all(more.map(function (folder) {
            return module.mergeIndex(new URL("../" + folder + "/", bundleUrl).pathname, { baseUrl: baseUrl });
          }));
        }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  // Each result's text is one more download (a long guide's is about 6 KB), so the list shows a first few and
  // fetches the next few only when the reader asks: a first search stays under 150 KB in every language.
  var PER_VIEW = 4;
  var found = [];
  var shown = 0;
  var more = null;

  function item(data) {
    var entry = document.createElement("li");
    entry.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = (data.meta && data.meta.title) || data.url;
    var excerpt = document.createElement("p");
    // Pagefind's excerpt is page text it escaped itself, with <mark> around hits.
    excerpt.innerHTML = data.excerpt;
    article.appendChild(title);
    article.appendChild(excerpt);
    link.appendChild(article);
    entry.appendChild(link);
    return entry;
  }

  function moreButton() {
    if (!more) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "md-button handbook-search-more";
      more.textContent = text("more");
      more.addEventListener("click", function () { showNext(latest, true); });
    }
    return more;
  }

  // Fetch and append the next few results of search number `ticket`; a newer search makes it a no-op.
  function showNext(ticket, focusFirst) {
    var next = found.slice(shown, shown + PER_VIEW);
    if (more) more.disabled = true;  // one click, one batch
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (results) {
      if (ticket !== latest) return;
      var first = null;
      results.forEach(function (data) {
        var entry = item(data);
        list.appendChild(entry);
        first = first || entry;
      });
      shown += results.length;
      var button = moreButton();
      button.disabled = false;
      if (shown < found.length) list.parentNode.appendChild(button);
      else if (button.parentNode) button.parentNode.removeChild(button);
      if (focusFirst && first) first.querySelector("a").focus();
    });
  }

  function clear() {
    list.textContent = "";
    found = [];
    shown = 0;
    if (more && more.parentNode) more.parentNode.removeChild(more);
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      clear();
      return;
    }
    meta.textContent = text("loading");
    load()
      .then(function (module) { return module.search(query); })
      .then(function (result) {
        if (ticket !== latest) return;
        clear();
        found = result.results;
        meta.textContent = found.length ? count(found.length) : text("empty");
        return showNext(ticket, false);
      })
      .catch(function () { if (ticket === latest) meta.textContent = text("error"); });
  }

  input.addEventListener("focus", load, { once: true });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) window.location.href = first.href;
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });
  function editable(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  // Material's shortcuts (/, s, f) open its search toggle but only focus its own search
  // component, which is not on the page; open and focus ours instead. Escape closes it.
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    if (event.key === "Escape" && (toggle.checked || document.activeElement === input)) {
      toggle.checked = false;
      input.blur();
    } else if (["/", "s", "f"].indexOf(event.key) >= 0 && !editable(document.activeElement)) {
      event.preventDefault();
      toggle.checked = true;
      input.focus();
    }
  });
})();

/* Municipality finder: type a name (with or without umlauts) or a postcode, choose, go.
 * Enter opens the highlighted result (the first, or the one chosen with the arrow keys); a
 * place that is not in the region gets a pointer to the welcome centres elsewhere in Germany.
 * Works on the built site without a server: the list of municipalities is one small
 * JSON file of this site, loaded when the reader starts typing. */
(function () {
  "use strict";

  var finder = document.querySelector("[data-handbook-finder]");
  if (!finder) return;
  var input = finder.querySelector("input");
  var status = finder.querySelector(".handbook-finder__status");
  var list = finder.querySelector(".handbook-finder__results");
  var root = new URL(finder.getAttribute("data-root"), document.baseURI);
  var entries = null;

  function text(name) {
    return finder.getAttribute("data-text-" + name) || "";
  }

  // "Böblingen", "Boeblingen" and "Boblingen" must all find Böblingen.
  function keys(value) {
    var lower = value.toLowerCase().trim();
    var spelled = lower.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
    var folded = lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ß/g, "ss");
    return [spelled, folded].map(function (key) { return key.replace(/[^a-z0-9]+/g, " ").trim(); });
  }

  function load() {
    if (!entries) {
      entries = fetch(new URL("assets/municipalities.json", root)).then(function (response) {
        return response.json();
      }).then(function (data) {
        return data.map(function (entry) {
          return { entry: entry, names: keys(entry.n) };
        });
      });
    }
    return entries;
  }

  function matches(prepared, query) {
    if (/^\d{2,5}$/.test(query)) {
      return prepared.filter(function (item) {
        return item.entry.p.some(function (code) { return code.indexOf(query) === 0; });
      });
    }
    var wanted = keys(query);
    var starts = [], contains = [];
    prepared.forEach(function (item) {
      var hit = 0;
      wanted.forEach(function (w) {
        item.names.forEach(function (name) {
          if (!w) return;
          if (name.indexOf(w) === 0 || name.indexOf(" " + w) >= 0) hit = Math.max(hit, 2);
          else if (name.indexOf(w) >= 0) hit = Math.max(hit, 1);
        });
      });
      if (hit === 2) starts.push(item); else if (hit === 1) contains.push(item);
    });
    return starts.concat(contains);
  }

  // A whole name or postcode that matches nothing is a place outside the region, not a typo.
  function outside(query) {
    return /^\d{5}$/.test(query) || (!/^\d+$/.test(query) && query.length >= 3);
  }

  function render(found, query) {
    list.textContent = "";
    found.slice(0, 12).forEach(function (item, index) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = new URL("municipalities/" + item.entry.s + "/", root).href;
      link.textContent = item.entry.n + " (" + item.entry.d + ")";
      if (index === 0) link.classList.add("is-highlighted");  // what Enter opens
      link.addEventListener("focus", function () { highlight(link); });
      li.appendChild(link);
      list.appendChild(li);
    });
    if (!found.length && outside(query)) {
      status.textContent = text("outside").replace("{query}", query) + " ";
      var help = document.createElement("a");
      help.href = finder.getAttribute("data-outside-url");
      help.textContent = text("outside-link");
      status.appendChild(help);
    } else if (!found.length) {
      status.textContent = text("none");
    } else if (/^\d{5}$/.test(query) && found.length > 1) {
      status.textContent = text("shared").replace("{postcode}", query);
    } else {
      status.textContent = text("results").replace("{n}", String(found.length));
    }
  }

  function highlight(link) {
    Array.prototype.forEach.call(list.querySelectorAll("a"), function (other) {
      other.classList.toggle("is-highlighted", other === link);
    });
  }

  input.addEventListener("input", function () {
    var query = input.value.trim();
    if (!query) {
      list.textContent = "";
      status.textContent = "";
      return;
    }
    load().then(function (prepared) {
      if (input.value.trim() === query) render(matches(prepared, query), query);
    });
  });
  input.addEventListener("keydown", function (event) {
    var links = list.querySelectorAll("a");
    var chosen = list.querySelector("a.is-highlighted");
    if (event.key === "Enter" && chosen) {
      event.preventDefault();
      window.location.href = chosen.href;
    } else if (event.key === "ArrowDown" && links.length) {
      event.preventDefault();
      links[0].focus();
    }
  });
  list.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var index = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && index < links.length - 1) {
      event.preventDefault();
      links[index + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (index > 0 ? links[index - 1] : input).focus();
    }
  });
})();

/* Language switcher: keep the section. Every translation has its original's heading ids, so the
 * link to another language takes the section along: the one in the address (#id), or else the
 * heading the reader has scrolled to. Without JavaScript the link opens the same page at its top. */
(function () {
  "use strict";

  var links = document.querySelectorAll('[data-handbook="languages"] a[href]');
  if (!links.length) return;

  function section() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (id && document.getElementById(id)) return id;
    var current = "";
    var top = document.querySelector(".md-header").getBoundingClientRect().bottom + 8;
    Array.prototype.forEach.call(document.querySelectorAll(".md-content article :is(h2, h3)[id]"), function (heading) {
      if (heading.getBoundingClientRect().top <= top) current = heading.id;
    });
    return current;
  }

  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function () {
      var id = section();
      link.setAttribute("href", link.getAttribute("href").split("#")[0] + (id ? "#" + encodeURIComponent(id) : ""));
    });
  });
})();

/* Copy buttons of the employers' link catalogue: copy the deep link, confirm briefly. */
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button || !navigator.clipboard) return;
    var label = button.textContent;
    navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
      button.textContent = button.getAttribute("data-copied");
      setTimeout(function () { button.textContent = label; }, 2000);
    });
  });
})();

/* Checklists: tick boxes that are remembered in this browser only (localStorage, no cookie,
 * nothing sent). A tick is kept under the page address and the guide section its step links to,
 * the same in every language, so a step added or moved later does not take another step's tick. */
(function () {
  "use strict";

  var boxes = document.querySelectorAll(".task-list-item input[type=checkbox]");
  if (!boxes.length) return;
  // The plan page shows the checklist's steps too: its ticks are the checklist's (data-handbook-ticks).
  var shared = boxes[0].closest("[data-handbook-ticks]");
  var key = "handbook-checklist-v2:" + (shared ? shared.getAttribute("data-handbook-ticks")
    : location.pathname.replace(/^\/[^/]+\//, "/"));
  var saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (error) { saved = {}; }
  var seen = {};
  Array.prototype.forEach.call(boxes, function (box, index) {
    var item = box.closest(".task-list-item");
    var link = item && item.querySelector("a[href]");
    var step = link ? link.getAttribute("href") : "step-" + index;
    seen[step] = (seen[step] || 0) + 1;
    if (seen[step] > 1) step += " " + seen[step];  // two steps that link the same section
    box.disabled = false;
    // The theme's checkbox has no text of its own; name it after the step.
    if (item) box.setAttribute("aria-label", item.textContent.trim().split(". ")[0]);
    box.checked = Boolean(saved[step]);
    box.addEventListener("change", function () {
      saved[step] = box.checked;
      try { localStorage.setItem(key, JSON.stringify(saved)); } catch (error) { /* storage may be off */ }
    });
  });
})();

/* Printing: write each link's full address after it (set just before printing, so the
 * printed page says where to look, including on right-to-left pages). */
window.addEventListener("beforeprint", function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-content article a[href]"), function (link) {
    // Skip permalinks and links that already show their address as their text.
    if (!link.classList.contains("headerlink") && link.textContent.trim() !== link.href) {
      link.setAttribute("data-print-href", link.href);
    }
  });
});
