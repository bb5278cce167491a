// The place screen's JavaScript, kept apart from the React app so the screen stays a few kilobytes:
// "use my location", and a map to tap, whose Leaflet code loads only when asked for.
// Without JavaScript none of this appears and the typed place is enough.
(() => {
  const root = document.getElementById("place-picker");
  if (!root) return;
  const form = root.closest("form");
  const lat = form.querySelector('input[name="lat"]');
  const lng = form.querySelector('input[name="lng"]');
  const text = root.dataset;
  const status = document.createElement("p");
  status.className = "hint";
  status.setAttribute("role", "status");
  status.textContent = text.mapHint;

  let marker = null;
  // A spot chosen on the map or by "use my location" travels in lat/lng, which the server takes
  // before the typed place. So it must not outlive a change of mind: typing a place, or pressing
  // one of the suggested places, forgets it.
  const forget = () => {
    if (!lat.value && !lng.value) return;
    lat.value = "";
    lng.value = "";
    if (marker) marker.remove();
    marker = null;
    status.textContent = text.mapHint;
  };
  form.querySelector('input[name="place"]').addEventListener("input", forget);
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.name === "pick") forget();
  });

  const choose = (latitude, longitude, submit) => {
    lat.value = String(latitude);
    lng.value = String(longitude);
    status.textContent = text.picked;
    if (submit) form.requestSubmit();
  };

  const locate = document.createElement("button");
  locate.type = "button";
  locate.className = "secondary";
  locate.textContent = text.useLocation;
  locate.addEventListener("click", () => {
    if (!("geolocation" in navigator)) return void (status.textContent = text.unavailable);
    status.textContent = text.locating;
    navigator.geolocation.getCurrentPosition(
      (position) => choose(position.coords.latitude, position.coords.longitude, true),
      () => (status.textContent = text.denied),
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  });

  const showMap = document.createElement("button");
  showMap.type = "button";
  showMap.className = "secondary";
  showMap.textContent = text.showMap;
  showMap.addEventListener("click", () => {
    showMap.disabled = true;
    const css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = "/vendor/leaflet/leaflet.css";
    document.head.append(css);
    const script = document.createElement("script");
    script.src = "/vendor/leaflet/leaflet.js";
    script.onload = () => {
      showMap.remove();
      // The first region is where the map opens; a button for each moves it there.
      const regions = JSON.parse(text.regions);
      const element = document.createElement("div");
      element.className = "service-map picker-map";
      element.setAttribute("role", "region");
      element.setAttribute("aria-label", text.mapLabel);
      root.append(element);
      // Leaflet's own zoom buttons are titled in English: these speak the page's language.
      const map = window.L.map(element, { scrollWheelZoom: false, zoomControl: false }).setView(regions[0].center, 11);
      window.L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(map);
      map.attributionControl.setPrefix(false);
      window.L.tileLayer(text.tileUrl, { attribution: text.attribution, maxZoom: 19 }).addTo(map);
      const jump = document.createElement("div");
      jump.className = "picker-regions";
      jump.setAttribute("role", "group");
      jump.setAttribute("aria-label", text.regionsLabel);
      for (const region of regions) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = region.name;
        button.addEventListener("click", () => map.setView(region.center, 11));
        jump.append(button);
      }
      root.append(jump);
      map.on("click", (event) => {
        if (marker) marker.remove();
        marker = window.L.circleMarker(event.latlng, { radius: 10, color: "#ffffff", weight: 2, fillColor: "#a4161a", fillOpacity: 0.95 }).addTo(map);
        choose(event.latlng.lat, event.latlng.lng, false);
      });
    };
    document.head.append(script);
  });

  const buttons = document.createElement("div");
  buttons.className = "picker-buttons";
  buttons.append(locate, showMap);
  root.append(buttons, status);
})();
