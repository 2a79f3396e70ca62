"""The product list's filters on the API, strictly: a wrong type, an unknown value or an
unknown parameter is a 400 naming the parameter and why; pages are whole numbers in range."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def slugs(client, query):
    response = client.get(f"/api/v1/products/?{query}")
    assert response.status_code == 200, response.content
    return [record["slug"] for record in response.json()["results"]]


def bad_request(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == 400
    return body


@pytest.fixture
def catalogue(today):
    bat_trang = factories.VillageFactory(slug="bat-trang", commune=factories.commune("Xã Bát Tràng"))
    van_phuc = factories.VillageFactory(slug="van-phuc", district_slug="ha-dong", crafts=["silk-weaving"])
    return {
        "vase": factories.PublishedProductFactory(
            slug="vase",
            name="Bình gốm Bát Tràng",
            stars=5,
            craft_slug="ceramics",
            producer=factories.ProducerFactory(village=bat_trang, commune=factories.commune("Xã Bát Tràng")),
        ),
        "silk": factories.PublishedProductFactory(
            slug="silk",
            name="Khăn lụa Vạn Phúc",
            stars=4,
            potential_five_star=True,
            craft_slug="silk-weaving",
            producer=factories.ProducerFactory(village=van_phuc),
        ),
        "tea": factories.PublishedProductFactory(
            slug="tea",
            name="Trà sen Quảng An",
            stars=3,
            group="food",
            product_set="food-tea",
            producer=factories.ProducerFactory(district_slug="tay-ho"),
        ),
        "old": factories.ExpiredProductFactory(slug="old", name="Bình cũ", stars=3),
    }


def test_filters_by_place_craft_stars_group_and_status(client, catalogue, today):
    assert slugs(client, "district=ha-dong") == ["silk"]
    assert slugs(client, "district=ha-dong&district=tay-ho") == ["silk", "tea"]
    assert slugs(client, "village=bat-trang") == ["vase"]
    assert slugs(client, "commune=xa-bat-trang") == ["vase"]
    code = factories.commune("Xã Bát Tràng").code
    assert slugs(client, f"commune={code}") == ["vase"]  # a commune by its official code too
    assert slugs(client, "craft=silk-weaving") == ["silk"]
    assert slugs(client, "stars=3") == ["tea", "old"]
    assert slugs(client, "stars=5&stars=4") == ["vase", "silk"]
    assert slugs(client, "group=food") == ["tea"]
    assert slugs(client, "product_set=food-tea") == ["tea"]
    assert slugs(client, "potential_five_star=true") == ["silk"]
    assert slugs(client, "certificate_status=expired") == ["old"]
    assert slugs(client, "certificate_status=valid&stars=3") == ["tea"]
    assert slugs(client, f"producer={catalogue['tea'].producer.slug}") == ["tea"]
    catalogue["tea"].price = 90_000
    catalogue["tea"].save()
    assert slugs(client, "price_max=100000") == ["tea"]
    assert slugs(client, "price_min=100000&stars=3") == ["old"]


def test_search_ignores_accents_and_case_and_puts_name_matches_first(client, catalogue):
    assert slugs(client, "q=bat trang") == ["vase"]
    assert slugs(client, "q=BÁT TRÀNG") == ["vase"]
    assert slugs(client, "q=binh") == ["vase", "old"]  # both named "Bình…": the better rated first
    assert slugs(client, "q=lua van phuc") == ["silk"]


def test_the_order_is_stable_by_id(client, catalogue):
    ids = [record["id"] for record in client.get("/api/v1/products/").json()["results"]]
    assert ids == sorted(ids)


@pytest.mark.parametrize(
    "query, parameter, says",
    [
        ("stars=five", "stars", "five"),
        ("stars=7", "stars", "7"),
        ("district=atlantis", "district", "atlantis"),
        ("commune=99999", "commune", "99999"),
        ("village=nowhere", "village", "nowhere"),
        ("craft=rocket-science", "craft", "rocket-science"),
        ("group=weapons", "group", "weapons"),
        ("certificate_status=eternal", "certificate_status", "eternal"),
        ("potential_five_star=maybe", "potential_five_star", "true or false"),
        ("price_min=cheap", "price_min", "whole number"),
        ("price_max=-5", "price_max", "0"),
        ("distrct=gia-lam", "distrct", "Unknown parameter"),
        ("q=" + "x" * 201, "q", "200"),
        ("page=abc", "page", "whole number"),
        ("page=0", "page", "whole number"),
        ("page=-1", "page", "whole number"),
        ("page_size=abc", "page_size", "whole number"),
        ("page_size=0", "page_size", "whole number"),
        ("page_size=101", "page_size", "At most 100"),
        ("page_size=100000000000000000000", "page_size", "At most 100"),
    ],
)
def test_a_wrong_type_or_unknown_value_is_a_400_naming_the_parameter(client, catalogue, query, parameter, says):
    body = bad_request(client, f"/api/v1/products/?{query}")
    assert list(body["parameters"]) == [parameter]
    assert says in body["parameters"][parameter][0]
    assert parameter in body["detail"]


def test_every_parameter_at_fault_is_named_at_once(client, catalogue):
    body = bad_request(client, "/api/v1/products/?stars=9&district=atlantis&craft=ceramics")
    assert set(body["parameters"]) == {"stars", "district"}


def test_a_page_past_the_end_is_a_400_not_a_404(client, catalogue):
    assert client.get("/api/v1/products/?page_size=2&page=2").status_code == 200
    body = bad_request(client, "/api/v1/products/?page_size=2&page=3")
    assert body["parameters"]["page"] == ["Page 3 is past the last page (2)."]


def test_pages_link_to_each_other_and_say_how_many(client, catalogue):
    first = client.get("/api/v1/products/?page_size=3").json()
    assert (first["count"], first["page"], first["pages"]) == (4, 1, 2)
    assert first["next"].endswith("/api/v1/products/?page=2&page_size=3")
    second = client.get(first["next"]).json()
    assert [record["slug"] for record in first["results"] + second["results"]] == ["vase", "silk", "tea", "old"]
    assert second["next"] is None


def test_an_empty_result_is_one_empty_page(client, catalogue):
    body = client.get("/api/v1/products/?district=ba-dinh").json()
    assert (body["count"], body["pages"], body["results"]) == (0, 1, [])


def test_other_lists_filter_strictly_too(client, catalogue):
    assert [row["slug"] for row in client.get("/api/v1/villages/?craft=silk-weaving").json()["results"]] == ["van-phuc"]
    assert client.get("/api/v1/producers/?district=tay-ho").json()["count"] == 1
    assert bad_request(client, "/api/v1/showrooms/?kind=shop")["parameters"]["kind"]
    assert bad_request(client, "/api/v1/crafts/?page=2")["parameters"] == {"page": ["Unknown parameter."]}
    assert bad_request(client, "/api/v1/products/vase/?stars=9")["parameters"]["stars"]


def test_messages_follow_the_visitors_language(client, catalogue):
    body = client.get("/api/v1/products/?stars=9", HTTP_ACCEPT_LANGUAGE="vi").json()
    assert body["detail"] == "Tham số không hợp lệ: stars."
