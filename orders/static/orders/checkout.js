// Progressive enhancement of the checkout: choosing a place or a way to receive presses the
// "Recalculate the delivery fee" button, so the fees and total follow at once (without
// JavaScript the shopper presses it). Loaded with `defer`: the form exists when this runs.
document.querySelectorAll("#id_delivery_commune, #id_delivery_district, input[name=fulfilment]").forEach(function (input) {
  input.addEventListener("change", function () {
    var button = document.querySelector("button[name=recalculate]");
    if (button) { button.click(); }
  });
});
