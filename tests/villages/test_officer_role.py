"""The district officer role is part of the product: a migration creates it, one module
(villages/roles.py) defines it, and `manage.py officer` grants and revokes districts."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests import factories
from villages import roles

pytestmark = pytest.mark.django_db


def test_demo_officer_can_use_the_craft_autocomplete_of_the_product_form(client):
    call_command("load_demo", "--no-images", verbosity=0)
    client.force_login(get_user_model().objects.get(username="officer.phuxuyen"))
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "catalogue", "model_name": "product", "field_name": "craft", "term": "gốm"},
    )
    assert response.status_code == 200
    assert "Gốm sứ" in [item["text"] for item in response.json()["results"]]
    officer = get_user_model().objects.get(username="officer.phuxuyen")
    assert list(officer.groups.values_list("name", flat=True)) == [roles.OFFICERS_GROUP]


def role_codenames(group):
    return {(p.content_type.app_label, p.codename) for p in group.permissions.select_related("content_type")}


def test_a_fresh_database_has_the_officer_role_with_exactly_its_permissions():
    group = Group.objects.get(name=roles.OFFICERS_GROUP)
    assert role_codenames(group) == set(roles.OFFICER_PERMISSIONS)
    # Those of apps migrated after villages too (they exist only at the end of migrate).
    assert ("orders", "change_producerorder") in role_codenames(group)
    assert ("villages", "view_craft") in role_codenames(group)
    # Read-only for reference data and evidence.
    assert not {
        ("villages", "change_district"),
        ("villages", "change_craft"),
        ("catalogue", "delete_scan"),
    } & role_codenames(group)


def test_migrate_completes_the_role_and_keeps_what_an_administrator_added():
    group = Group.objects.get(name=roles.OFFICERS_GROUP)
    group.permissions.remove(*group.permissions.filter(content_type__app_label="orders"))
    extra = Permission.objects.get(codename="view_province")
    group.permissions.add(extra)
    call_command("migrate", verbosity=0)
    assert role_codenames(group) == set(roles.OFFICER_PERMISSIONS) | {("villages", "view_province")}


def test_officers_made_by_the_factory_and_by_load_demo_hold_the_role():
    officer = factories.OfficerFactory(username="officer.test", districts=["phu-xuyen"])
    assert officer.is_staff and not officer.is_superuser
    assert list(officer.groups.values_list("name", flat=True)) == [roles.OFFICERS_GROUP]
    assert officer.has_perm("villages.view_craft") and officer.has_perm("catalogue.change_product")
    assert not officer.has_perm("catalogue.delete_scan")


def test_officer_factory_user_can_use_the_craft_autocomplete(client):
    client.force_login(factories.OfficerFactory())
    response = client.get(
        reverse("admin:autocomplete"),
        {"app_label": "catalogue", "model_name": "product", "field_name": "craft", "term": "sơn"},
    )
    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Sơn mài"]


# --- manage.py officer ---------------------------------------------------------------------
def officer_command(*args):
    out = io.StringIO()
    call_command("officer", *args, stdout=out)
    return out.getvalue()


def test_officer_grant_makes_a_staff_officer_of_the_named_districts(client):
    user = get_user_model().objects.create_user("lan", password="a-long-password-123")
    output = officer_command("grant", "lan", "phu-xuyen", "004")  # a slug and an official code
    user.refresh_from_db()
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name=roles.OFFICERS_GROUP).exists()
    districts = set(user.officer_districts.values_list("slug", flat=True))
    assert "phu-xuyen" in districts and len(districts) == 2
    assert "lan is an officer of" in output and "Phú Xuyên" in output
    # And the admin lets them in to their district's products.
    client.post("/admin/login/", {"username": "lan", "password": "a-long-password-123"})
    assert client.get(reverse("admin:catalogue_product_changelist")).status_code == 200


def test_officer_revoke_takes_districts_and_at_the_last_one_the_role_and_admin_access():
    user = factories.OfficerFactory(username="minh", districts=["phu-xuyen", "gia-lam"])
    assert "remains an officer of Phú Xuyên" in officer_command("revoke", "minh", "gia-lam")
    assert list(user.officer_districts.values_list("slug", flat=True)) == ["phu-xuyen"]
    assert "no longer a district officer" in officer_command("revoke", "minh", "--all")
    user.refresh_from_db()
    assert not user.is_staff
    assert not user.groups.exists() and not user.officer_districts.exists()


def test_officer_list_names_each_officer_and_their_districts():
    factories.OfficerFactory(username="minh", districts=["phu-xuyen"])
    assert "minh" in officer_command("list") and "Phú Xuyên" in officer_command("list")


def test_officer_command_refuses_unknown_users_and_districts_in_words():
    with pytest.raises(CommandError, match="There is no user named “nobody”"):
        officer_command("grant", "nobody", "phu-xuyen")
    get_user_model().objects.create_user("lan")
    with pytest.raises(CommandError, match="Unknown district: phu-xuyenn"):
        officer_command("grant", "lan", "phu-xuyenn")
    assert not get_user_model().objects.get(username="lan").is_staff
    with pytest.raises(CommandError, match="Name the districts"):
        officer_command("revoke", "lan")


def test_officer_grant_create_adds_the_account_with_the_password_typed_twice(monkeypatch):
    from villages.management.commands import officer as officer_module

    monkeypatch.setattr(officer_module.sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(officer_module.getpass, "getpass", lambda prompt="": "a-long-password-123")
    officer_command("grant", "hoa", "phu-xuyen", "--create")
    hoa = get_user_model().objects.get(username="hoa")
    assert hoa.check_password("a-long-password-123") and hoa.is_staff
    monkeypatch.setattr(officer_module.getpass, "getpass", lambda prompt="": "123")
    with pytest.raises(CommandError, match="too short"):
        officer_command("grant", "binh", "phu-xuyen", "--create")
    assert not get_user_model().objects.filter(username="binh").exists()
