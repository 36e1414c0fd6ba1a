// Starts Swagger UI on /docs (an external script: the Content-Security-Policy forbids
// inline ones). The OpenAPI document's URL comes from the page.
window.addEventListener("DOMContentLoaded", function () {
  var root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    deepLinking: true,
    // no request to the public validator (validator.swagger.io): nothing leaves the site
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
  });
});
