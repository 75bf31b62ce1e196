"""The script of the graph page: search box, filters, hover card, and the ``kgStable`` flag.

It reads the page's data from ``<script type="application/json" id="kg-data">``
and from vis-network's ``nodes``/``edges`` DataSets (pyvis' globals). Every
piece of article text (names, aliases, sentences, titles) reaches the DOM
through ``textContent`` or text nodes, never ``innerHTML``; a link's ``href``
is set only for ``http(s)`` URLs. ``window.kgStable`` turns true after the
first drawing once the layout is final (``window.kgStableAt`` holds the time,
in ms since navigation); ``window.kgFocusPerson(id)`` is what the search box calls.
"""

from __future__ import annotations

__all__ = ["SCRIPT"]

SCRIPT = r"""<script>
(function () {
  "use strict";
  var kg = JSON.parse(document.getElementById("kg-data").textContent);
  var nodeList = nodes.get(), edgeList = edges.get();
  var nodeById = {}, edgeById = {}, adjacent = {};
  nodeList.forEach(function (n) { nodeById[n.id] = n; adjacent[n.id] = []; });
  edgeList.forEach(function (e) {
    edgeById[e.id] = e;
    adjacent[e.from].push(e);
    if (e.to !== e.from) adjacent[e.to].push(e);
  });

  // ------------------------------------------------------------ stable flag
  window.kgStable = false;
  var stableSet = false;
  function whenDrawn() {
    if (stableSet) return;
    stableSet = true;
    // Fit the graph beside the panel rather than under it.
    var panel = document.getElementById("kg-panel"), width = window.innerWidth;
    var aside = panel ? panel.offsetWidth + 20 : 0;
    network.fit({animation: false});
    if (width - aside > 300) {
      network.moveTo({scale: network.getScale() * (width - aside) / width,
                      offset: {x: aside / 2, y: 0}, animation: false});
    }
    network.once("afterDrawing", function () {
      window.kgStable = true;
      window.kgStableAt = performance.now();
    });
    network.redraw();
  }
  if (network.physics.physicsEnabled && nodeList.length) {
    // Lay out, then stop: an idle page must not keep computing.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({physics: {enabled: false}});
      whenDrawn();
    });
    network.stabilize(400);
  } else {
    // positions given, or nothing to lay out (vis sends no event for an empty graph)
    network.setOptions({physics: {enabled: false}});
    whenDrawn();
  }

  // ------------------------------------------------------------ helpers
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/['\u2019\u2018`\u00b4]/g, "").replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function nameOf(id) { return nodeById[id] ? nodeById[id].label : String(id); }
  function flags(e) {
    var out = [];
    if (e.status === "former") out.push("former");
    if (e.kgClaim === "hedged") out.push("hedged claim");
    if (e.kgClaim === "negated") out.push("denied");
    return out.length ? " (" + out.join(", ") + ")" : "";
  }

  // ------------------------------------------------------------ filters
  var state = {classes: {}, claims: {}, source: ""};
  var classBoxes = document.querySelectorAll("input[data-kg-class]");
  var claimBoxes = document.querySelectorAll("input[data-kg-claim]");
  var sourceSelect = document.getElementById("kg-source");
  var count = document.getElementById("kg-count");
  classBoxes.forEach(function (box) {
    state.classes[box.getAttribute("data-kg-class")] = box.checked;
    box.addEventListener("change", function () {
      state.classes[box.getAttribute("data-kg-class")] = box.checked;
      apply();
    });
  });
  claimBoxes.forEach(function (box) {
    state.claims[box.getAttribute("data-kg-claim")] = box.checked;
    box.addEventListener("change", function () {
      state.claims[box.getAttribute("data-kg-claim")] = box.checked;
      apply();
    });
  });
  var perArticle = kg.articles.map(function () { return 0; });
  edgeList.forEach(function (e) {
    (e.kgSources || []).forEach(function (a) { perArticle[a] += 1; });
  });
  kg.articles.map(function (a, i) { return i; }).sort(function (i, j) {
    var a = kg.articles[i][1] || kg.articles[i][0], b = kg.articles[j][1] || kg.articles[j][0];
    return compare(a, b) || i - j;
  }).forEach(function (i) {
    var label = kg.articles[i][1] || kg.articles[i][0];
    var option = el("option", label + " (" + perArticle[i] + ")");
    option.value = String(i);
    sourceSelect.appendChild(option);
  });
  sourceSelect.addEventListener("change", function () {
    state.source = sourceSelect.value;
    apply();
  });

  function edgeShown(e) {
    if (state.classes[e.kgClass] === false) return false;
    if (e.kgClaim && !state.claims[e.kgClaim]) return false;
    if (state.source !== "" && (e.kgSources || []).indexOf(Number(state.source)) < 0) return false;
    return true;
  }
  function filtering() {
    return state.source !== "" || Object.keys(state.classes).some(function (c) {
      return !state.classes[c];
    });
  }
  function apply() {
    var edgeChanges = [], nodeChanges = [], linked = {}, narrowed = filtering();
    var shownEdges = 0, shownNodes = 0;
    edgeList.forEach(function (e) {
      var shown = edgeShown(e);
      if (shown) { linked[e.from] = linked[e.to] = true; if (!e.kgClaim) shownEdges += 1; }
      if (Boolean(e.hidden) === shown) {
        e.hidden = !shown;
        edgeChanges.push({id: e.id, hidden: !shown});
      }
    });
    nodeList.forEach(function (n) {
      var shown = !narrowed || Boolean(linked[n.id]);
      if (shown) shownNodes += 1;
      if (Boolean(n.hidden) === shown) {
        n.hidden = !shown;
        nodeChanges.push({id: n.id, hidden: !shown});
      }
    });
    if (edgeChanges.length) edges.update(edgeChanges);
    if (nodeChanges.length) nodes.update(nodeChanges);
    count.textContent = shownNodes + " people \u00b7 " + shownEdges + " relations" +
      (narrowed ? " shown (filtered)" : "");
  }
  function clearFilters() {
    classBoxes.forEach(function (box) {
      box.checked = true;
      state.classes[box.getAttribute("data-kg-class")] = true;
    });
    sourceSelect.value = "";
    state.source = "";
    apply();
  }
  apply();

  // ------------------------------------------------------------ hover card
  var card = document.getElementById("kg-card"), pinned = null, hideTimer = null, overCard = false;
  card.addEventListener("mouseenter", function () { overCard = true; clearTimeout(hideTimer); });
  card.addEventListener("mouseleave", function () { overCard = false; if (!pinned) hideSoon(); });
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { if (!pinned && !overCard) card.hidden = true; }, 300);
  }
  function source(index) {
    var ev = kg.evidence[index], article = kg.articles[ev[1]];
    var line = el("div", null, "kg-src"), label = article[1] || article[0], link;
    if (/^https?:\/\//i.test(article[2] || "")) {
      link = el("a", label);
      link.href = article[2];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    } else {
      link = el("span", label);
    }
    line.append("\u2014 ", link, " [" + article[0] + "]");
    return line;
  }
  function evidenceInto(parent, e, limit) {
    var list = e.kgEvidence || [];
    list.slice(0, limit).forEach(function (i) {
      parent.appendChild(el("q", kg.evidence[i][0]));
      parent.appendChild(source(i));
    });
    if (list.length > limit) {
      parent.appendChild(el("div", "+" + (list.length - limit) + " more", "kg-more"));
    }
  }
  function personButton(id) {
    var button = el("button", nameOf(id));
    button.type = "button";
    button.addEventListener("click", function () { focusPerson(id); });
    return button;
  }
  function showPerson(id) {
    var n = nodeById[id];
    if (!n) return;
    card.replaceChildren();
    card.appendChild(el("h2", n.label));
    if (n.aliases && n.aliases.length) {
      card.appendChild(el("p", "also known as: " + n.aliases.join(", "), "kg-alias"));
    }
    var rels = adjacent[id].slice().sort(function (a, b) {
      return (a.kgClaim ? 1 : 0) - (b.kgClaim ? 1 : 0) || compare(a.relation, b.relation);
    });
    var total = rels.length + (rels.length === 1 ? " relation" : " relations");
    card.appendChild(el("p", total, "kg-count"));
    var list = el("ul");
    rels.slice(0, 40).forEach(function (e) {
      var item = el("li"), line = el("div");
      if (e.from === id) {
        line.append(e.relation + " \u2192 ", personButton(e.to));
      } else {
        line.append(personButton(e.from), " " + e.relation + " \u2192 " + n.label);
      }
      line.appendChild(el("span", flags(e), "kg-flag"));
      item.appendChild(line);
      evidenceInto(item, e, 2);
      list.appendChild(item);
    });
    card.appendChild(list);
    if (rels.length > 40) {
      card.appendChild(el("p", "+" + (rels.length - 40) + " more relations", "kg-more"));
    }
    card.hidden = false;
  }
  function showRelation(id) {
    var e = edgeById[id];
    if (!e) return;
    card.replaceChildren();
    card.appendChild(el("h2", nameOf(e.from) + " " + e.relation + " " + nameOf(e.to)));
    card.appendChild(el("p", "status: " + e.status + flags(e), "kg-flag"));
    var item = el("div");
    evidenceInto(item, e, 20);
    card.appendChild(item);
    card.hidden = false;
  }
  network.on("hoverNode", function (p) {
    if (!pinned) { clearTimeout(hideTimer); showPerson(p.node); }
  });
  network.on("hoverEdge", function (p) {
    if (!pinned) { clearTimeout(hideTimer); showRelation(p.edge); }
  });
  network.on("blurNode", function () { if (!pinned) hideSoon(); });
  network.on("blurEdge", function () { if (!pinned) hideSoon(); });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = p.nodes[0]; showPerson(pinned); }
    else if (p.edges.length) { pinned = p.edges[0]; showRelation(pinned); }
    else { pinned = null; card.hidden = true; }
  });

  // ------------------------------------------------------------ search
  var input = document.getElementById("kg-search"), results = document.getElementById("kg-results");
  var searchIndex = null, shown = [], active = -1;
  function focusPerson(id) {
    if (!nodeById[id]) return;
    if (nodeById[id].hidden) clearFilters();
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    pinned = id;
    showPerson(id);
    window.kgFocused = id;
  }
  window.kgFocusPerson = focusPerson;
  function find(text) {
    var q = fold(text);
    if (!q) return [];
    if (!searchIndex) {
      searchIndex = nodeList.map(function (n) {
        return {id: n.id, name: n.label, aliases: n.aliases || [],
                keys: [fold(n.label)].concat((n.aliases || []).map(fold))};
      });
    }
    var found = [];
    searchIndex.forEach(function (p) {
      var best = null;
      p.keys.forEach(function (key, i) {
        // whole name, start of the name, start of a word, anywhere
        var rank = key === q ? 0 : key.indexOf(q) === 0 ? 1 :
          (" " + key).indexOf(" " + q) >= 0 ? 2 : key.indexOf(q) >= 0 ? 3 : -1;
        if (rank < 0) return;
        rank = rank * 2 + (i > 0 ? 1 : 0);
        if (best === null || rank < best.rank) {
          best = {rank: rank, alias: i > 0 ? p.aliases[i - 1] : null};
        }
      });
      if (best) found.push({id: p.id, name: p.name, alias: best.alias, rank: best.rank});
    });
    found.sort(function (a, b) { return a.rank - b.rank || compare(a.name, b.name); });
    return found.slice(0, 12);
  }
  function showResults() {
    results.replaceChildren();
    shown.forEach(function (hit, i) {
      var item = el("li", hit.name);
      item.setAttribute("role", "option");
      if (hit.alias !== null) item.appendChild(el("span", " (" + hit.alias + ")", "kg-alias"));
      if (i === active) item.className = "kg-active";
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(item);
    });
  }
  function choose(i) {
    var hit = shown[i];
    if (!hit) return;
    input.value = hit.name;
    shown = [];
    active = -1;
    showResults();
    focusPerson(hit.id);
  }
  input.addEventListener("input", function () {
    shown = find(input.value);
    active = shown.length ? 0 : -1;
    showResults();
  });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      var step = ev.key === "ArrowDown" ? 1 : shown.length - 1;
      if (shown.length) active = (active + step) % shown.length;
      showResults();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      choose(active < 0 ? 0 : active);
    } else if (ev.key === "Escape") {
      shown = [];
      showResults();
    }
  });
  input.addEventListener("blur", function () { shown = []; showResults(); });

  if (kg.focus && nodeById[kg.focus]) {
    pinned = kg.focus;
    showPerson(kg.focus);
    network.selectNodes([kg.focus]);
  }
})();
</script>
"""
