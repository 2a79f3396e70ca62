/* Places on a phone: "open now" in Hanoi time, "near me" sorting, directions from the
 * visitor's position, and the Leaflet maps (when Leaflet is installed).
 *
 * Progressive enhancement: the page is complete without this script. The visitor's
 * position is asked for only when they press "Near me", is used in this page only, and is
 * never stored or sent anywhere (no request carries it; the OpenStreetMap directions
 * link carries it only if the visitor follows that link).
 */
(function () {
  "use strict";
  if (window.ocopPlaces) return; // the script may be included by several parts of a page
  window.ocopPlaces = true;

  var HANOI_OFFSET_MINUTES = 7 * 60; // Vietnam keeps UTC+7 all year (no summer time)
  var DAY = 1440;

  function hanoiNow() {
    var d = new Date(Date.now() + HANOI_OFFSET_MINUTES * 60000);
    return { day: (d.getUTCDay() + 6) % 7, minute: d.getUTCHours() * 60 + d.getUTCMinutes() };
  }

  /* week: 7 lists of [start, end] minutes, Monday first; an end past 1440 runs past midnight
   * (core/opening_hours.py, OpeningHours.as_data). */
  function isOpen(week, now) {
    var i, today = week[now.day] || [], yesterday = week[(now.day + 6) % 7] || [];
    for (i = 0; i < today.length; i++) {
      if (today[i][0] <= now.minute && now.minute < today[i][1]) return true;
    }
    for (i = 0; i < yesterday.length; i++) {
      if (yesterday[i][1] > DAY && now.minute < yesterday[i][1] - DAY) return true;
    }
    return false;
  }

  function showOpenNow(root) {
    var now = hanoiNow();
    root.querySelectorAll("[data-hours]").forEach(function (place) {
      var badge = place.querySelector("[data-open-now]");
      var week;
      if (!badge) return;
      try { week = JSON.parse(place.getAttribute("data-hours")); } catch (e) { return; }
      if (!week) return;
      var open = isOpen(week, now);
      badge.textContent = open ? badge.getAttribute("data-open-text") : badge.getAttribute("data-closed-text");
      badge.className = "open-now " + (open ? "is-open" : "is-closed");
      badge.hidden = false;
    });
  }

  function haversineKm(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b[0] - a[0]) * rad, dLng = (b[1] - a[1]) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(h));
  }

  function formatKm(km) {
    var lang = document.documentElement.lang || "vi";
    return new Intl.NumberFormat(lang, { maximumFractionDigits: km < 10 ? 1 : 0 }).format(km) + " km";
  }

  function sortByDistance(list, here) {
    var located = [], unlocated = [];
    Array.prototype.forEach.call(list.children, function (item) {
      var lat = parseFloat(item.getAttribute("data-lat")), lng = parseFloat(item.getAttribute("data-lng"));
      if (isNaN(lat) || isNaN(lng)) { unlocated.push(item); return; }
      located.push({ item: item, km: haversineKm(here, [lat, lng]) });
    });
    located.sort(function (a, b) { return a.km - b.km; });
    located.forEach(function (entry) {
      list.appendChild(entry.item);
      var distance = entry.item.querySelector("[data-distance]");
      if (distance) { distance.textContent = formatKm(entry.km); distance.hidden = false; }
    });
    unlocated.forEach(function (item) { list.appendChild(item); });
  }

  function directionsFrom(here) {
    document.querySelectorAll("a[data-directions-to]").forEach(function (link) {
      var route = here[0].toFixed(5) + "," + here[1].toFixed(5) + ";" + link.getAttribute("data-directions-to");
      link.href = "https://www.openstreetmap.org/directions?route=" + encodeURIComponent(route);
    });
  }

  function setupNearMe(button) {
    var list = document.getElementById(button.getAttribute("data-near-me"));
    var status = document.querySelector('[data-near-me-status="' + button.getAttribute("data-near-me") + '"]');
    if (!list || !("geolocation" in navigator)) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (status) status.textContent = button.getAttribute("data-locating");
      navigator.geolocation.getCurrentPosition(function (position) {
        var here = [position.coords.latitude, position.coords.longitude];
        sortByDistance(list, here);
        directionsFrom(here);
        if (status) status.textContent = button.getAttribute("data-sorted");
        document.dispatchEvent(new CustomEvent("ocop:here", { detail: here }));
      }, function () {
        if (status) status.textContent = button.getAttribute("data-denied");
      }, { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 });
    });
  }

  /* --- maps (Leaflet) --------------------------------------------------------------- */
  var COLOURS = { village: "#8a4b08", showroom: "#0b6e4f", producer: "#5b3f8c" };

  function card(properties, el) {
    var box = document.createElement("div"), link = document.createElement("a"), line;
    box.className = "map-card";
    link.href = properties.url;
    link.textContent = properties.name;
    line = document.createElement("strong");
    line.appendChild(link);
    box.appendChild(line);
    [properties.kind_label, properties.address, properties.hours_text].forEach(function (text) {
      if (!text) return;
      var p = document.createElement("p");
      p.textContent = text;
      box.appendChild(p);
    });
    if (properties.hours) {
      var open = isOpen(properties.hours, hanoiNow()), badge = document.createElement("p");
      badge.className = "open-now " + (open ? "is-open" : "is-closed");
      badge.textContent = el.getAttribute(open ? "data-open-text" : "data-closed-text");
      box.appendChild(badge);
    }
    return box;
  }

  function setupMap(el) {
    if (!window.L) return; // no Leaflet: the page's list is the map
    el.hidden = false;
    var map = L.map(el, { scrollWheelZoom: false });
    L.tileLayer(el.getAttribute("data-tiles"), {
      attribution: el.getAttribute("data-attribution"), maxZoom: 19
    }).addTo(map);
    var here = null;
    document.addEventListener("ocop:here", function (event) {
      if (here) here.remove();
      here = L.circleMarker(event.detail, { radius: 7, color: "#1a5fb4", fillOpacity: 0.9 }).addTo(map);
    });
    if (el.hasAttribute("data-lat")) {
      var point = [parseFloat(el.getAttribute("data-lat")), parseFloat(el.getAttribute("data-lng"))];
      L.circleMarker(point, { radius: 9, color: COLOURS.showroom, fillOpacity: 0.8 })
        .bindTooltip(el.getAttribute("data-name")).addTo(map);
      map.setView(point, 14);
      return;
    }
    map.setView([21.03, 105.85], 10); // Hanoi, until the markers arrive
    fetch(el.getAttribute("data-geojson"), { headers: { Accept: "application/geo+json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data || !data.features.length) return;
        var layer = L.geoJSON(data, {
          pointToLayer: function (feature, latlng) {
            return L.circleMarker(latlng, {
              radius: feature.properties.kind === "producer" ? 5 : 8, weight: 2,
              color: COLOURS[feature.properties.kind] || "#333", fillOpacity: 0.7
            });
          },
          onEachFeature: function (feature, marker) {
            marker.bindPopup(function () { return card(feature.properties, el); });
          }
        }).addTo(map);
        map.fitBounds(layer.getBounds(), { padding: [20, 20], maxZoom: 14 });
      })
      .catch(function () { /* the list below still says everything */ });
  }

  function start() {
    showOpenNow(document);
    // A page left open (a phone in a pocket) keeps "open now" true as the hours pass.
    window.setInterval(function () { showOpenNow(document); }, 60000);
    document.querySelectorAll("[data-near-me]").forEach(setupNearMe);
    document.querySelectorAll("[data-map]").forEach(setupMap);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}());
