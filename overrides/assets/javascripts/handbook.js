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

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind.js", bundleUrl).href).then(function (module) {
        return module.options({ baseUrl: new URL("../", bundleUrl).pathname }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  function render(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var item = document.createElement("li");
      item.className = "md-search-result__item";
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
      item.appendChild(link);
      list.appendChild(item);
    });
    meta.textContent = results.length ? text("count").replace("{n}", String(results.length)) : text("empty");
  }

  function search() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      list.textContent = "";
      return;
    }
    meta.textContent = text("loading");
    load()
      .then(function (module) { return module.search(query); })
      .then(function (found) {
        return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }));
      })
      .then(function (results) { if (ticket === latest) render(results); })
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
