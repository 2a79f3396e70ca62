"""The OpenAPI 3 schema is valid and documents every endpoint, its parameters and its errors;
the documentation pages load their scripts from our own static files."""

import pytest
import yaml
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

LISTS = ["products", "producers", "villages", "showrooms", "crafts", "districts", "communes"]


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/schema/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_the_schema_is_valid_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_every_endpoint_is_documented_with_its_400_and_429(schema):
    for name in LISTS:
        for path in (f"/api/v1/{name}/", f"/api/v1/{name}/{{slug}}/"):
            operation = schema["paths"][path]["get"]
            assert {"200", "400", "429"} <= set(operation["responses"]), path
            error = operation["responses"]["400"]["content"]["application/json"]["schema"]["$ref"]
            assert error.endswith("/Error")
    assert "404" in schema["paths"]["/api/v1/products/{slug}/"]["get"]["responses"]
    for path, item in schema["paths"].items():
        assert "429" in item["get"]["responses"], path
    assert "/api/v1/" in schema["paths"]


def test_the_filters_and_pages_are_documented(schema):
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/products/"]["get"]["parameters"]}
    assert {
        "q",
        "district",
        "commune",
        "village",
        "craft",
        "producer",
        "stars",
        "group",
        "product_set",
        "potential_five_star",
        "certificate_status",
        "page",
        "page_size",
    } <= set(parameters)
    assert parameters["page_size"]["schema"]["maximum"] == 100
    assert parameters["stars"]["schema"]["items"]["enum"] == [3, 4, 5]
    assert "accents" in parameters["q"]["description"]


def test_the_schema_is_in_english_whatever_the_visitors_language(schema):
    assert "Household and decorative handicrafts" in str(schema)
    assert "Thủ công mỹ nghệ" not in str(schema)


def test_the_products_list_states_its_licence_and_pages(schema):
    page = schema["components"]["schemas"]["PaginatedProductList"]
    assert {"count", "page", "pages", "next", "previous", "license", "results"} <= set(page["properties"])


@pytest.mark.parametrize("url, asset", [("/api/v1/docs/", "swagger-ui-dist"), ("/api/v1/redoc/", "redoc")])
def test_the_documentation_pages_work_offline(client, url, asset):
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert f"/static/drf_spectacular_sidecar/{asset}/" in page
    assert "cdn.jsdelivr.net" not in page and "unpkg.com" not in page
