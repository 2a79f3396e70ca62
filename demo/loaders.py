"""The demo Hanoi catalogue, one loader per kind of record (used by `manage.py load_demo`).

Every row is keyed by a slug or code and a loader creates only what is missing: an existing
row is never updated and an existing password never reset, so an officer's edit of a demo
product and a changed `admin` password survive a restart. Every root row is flagged
`is_demo`. A loader that writes a row and what belongs to it (a village and its crafts, a
lot and its steps) does so in one transaction, so a failure never leaves a half-made row
that the next run, which skips existing rows, would never complete.
"""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from catalogue.models import (
    GROUP_OF_SET,
    CertificateLevel,
    Lot,
    Producer,
    ProducerAccount,
    Product,
    ProductImage,
    ProductionStep,
    Scan,
)
from core.opening_hours_text import osm_from_text
from core.text import fold
from demo import data as demo_data
from demo.pictures import draw_product_image
from demo.stable import DEMO_GTIN_SERIES, demo_gtin, demo_trace_code, stable_int
from orders.models import DeliveryRule, DeliveryTerms, PayeeAccount
from showrooms.models import Showroom, ShowroomStock
from villages import roles
from villages.models import Commune, Craft, District, Village
from visits.models import Event, Route, RouteStop

# (bank as typed, its NAPAS BIN): real BINs, so the demo's VietQR codes open in banking apps
# (the accounts are made up: a transfer would be refused by the bank, as it should).
DEMO_BANKS = [
    ("Vietcombank", "970436"),
    ("Agribank", "970405"),
    ("BIDV", "970418"),
    ("VietinBank", "970415"),
    ("Techcombank", "970407"),
    ("MB Bank", "970422"),
]

# Demo only: printed by `make run` and listed in the README. Never use these anywhere real.
DEMO_LOGINS = [
    # username, password, role, districts
    ("admin", "ocop-admin-demo", "City administrator (superuser)", []),
    ("officer.phuxuyen", "ocop-phuxuyen-demo", "District officer, Phú Xuyên", ["phu-xuyen"]),
    ("officer.gialam", "ocop-gialam-demo", "District officer, Gia Lâm", ["gia-lam"]),
]
# The producer area's demo login (/producer/): username, password, role, the producer's slug.
DEMO_PRODUCER_LOGIN = ("producer.gomquangvinh", "ocop-producer-demo", "Producer, Gốm Quang Vinh", "gom-quang-vinh")
# The people behind the logins (family and middle names, given name): the admin greets a user
# by the given name, "Chào mừng bạn, Hằng", as it would a real officer.
DEMO_PEOPLE = {
    "admin": ("Đỗ Minh", "Tuấn"),
    "officer.phuxuyen": ("Nguyễn Văn", "Hùng"),
    "officer.gialam": ("Trần Thị Thu", "Hằng"),
    "producer.gomquangvinh": ("Nguyễn Quang", "Vinh"),
}


def real_data_found():
    """What in the database load_demo did not make, in words ('' when nothing): rows not
    flagged is_demo, accounts other than the demo logins, or demo-named accounts on a
    database without the demo catalogue (a real `admin` made with createsuperuser)."""
    found = [
        label
        for label, model in [("villages", Village), ("producers and their products", Producer), ("showrooms", Showroom)]
        if model.objects.filter(is_demo=False).exists()
    ]
    users = get_user_model().objects
    demo_usernames = [row[0] for row in DEMO_LOGINS] + [DEMO_PRODUCER_LOGIN[0]]
    if users.exclude(username__in=demo_usernames).exists() or (
        users.exists() and not Producer.objects.filter(is_demo=True).exists()
    ):
        found.append("user accounts")
    return ", ".join(found)


def districts_by_slug():
    return {district.slug: district for district in District.objects.all()}


def communes_by_name():
    return {commune.name: commune for commune in Commune.objects.all()}


def crafts_by_slug():
    return {craft.slug: craft for craft in Craft.objects.all()}


# --- places and producers -------------------------------------------------------------
@transaction.atomic
def load_villages():
    """The demo villages by slug, each with its crafts when it is new."""
    districts = districts_by_slug()
    crafts = crafts_by_slug()
    communes = communes_by_name()
    villages = {}
    for slug, name, district, commune, craft_slugs, year, lat, lon, story_vi, story_en in demo_data.VILLAGES:
        village, created = Village.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "district": districts[district],
                "commune": communes[commune] if commune else None,
                "is_recognised": year is not None,
                "recognised_year": year,
                "description_vi": story_vi,
                "description_en": story_en,
                "latitude": lat,
                "longitude": lon,
                # The hours themselves are the structured field; the text says what it cannot.
                "opening_times_vi": "Nên gọi cho hộ sản xuất trước khi đến xưởng.",
                "opening_times_en": "Call the producer before visiting a workshop.",
                "opening_hours_osm": osm_from_text("8:00–17:00"),
                "directions_vi": f"Từ trung tâm Hà Nội đi xe máy, taxi hoặc xe buýt về {_in_sentence(communes, commune, 'vi') or name}.",
                "directions_en": f"From central Hanoi by motorbike, taxi or bus towards {_in_sentence(communes, commune, 'en') or name}.",
                "is_demo": True,
            },
        )
        if created:
            village.crafts.set([crafts[c] for c in craft_slugs])
        villages[slug] = village
    return villages


@transaction.atomic
def load_producers(villages):
    """The demo producers by slug; a new one gets its payee account (two in three do)."""
    districts = districts_by_slug()
    producers = {}
    for slug, name, kind, village_slug, district, phone in demo_data.PRODUCERS:
        village = villages.get(village_slug)
        digits = "".join(ch for ch in phone if ch.isdigit())
        producer, created = Producer.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "village": village,
                "district": districts[district],
                "commune": village.commune if village else None,
                "address": ", ".join(filter(None, [village.name, village.commune and village.commune.name, "Hà Nội"]))
                if village
                else f"{districts[district].name}, Hà Nội",
                "phone": phone,
                "email": f"lienhe@{slug.replace('-', '')}.vn",
                "website": f"https://{slug}.vn",
                "facebook_url": f"https://www.facebook.com/{slug.replace('-', '')}",
                "tiktok_url": f"https://www.tiktok.com/@{slug.replace('-', '')}" if stable_int(slug) % 2 else "",
                "zalo_url": f"https://zalo.me/{digits}",
                "description_vi": f"{name} là chủ thể OCOP của Hà Nội (dữ liệu minh hoạ).",
                "description_en": f"{name} is a Hanoi OCOP producer (demo data).",
                "is_demo": True,
            },
        )
        # The producer with the demo login always takes transfers: its area shows one to check.
        if created and (slug == DEMO_PRODUCER_LOGIN[3] or stable_int("payee", slug) % 3):
            load_payee_account(producer)
        producers[slug] = producer
    return producers


def load_payee_account(producer):
    """Two producers in three take bank transfers to their own account, as in real life
    (the rest are paid cash on delivery or at a showroom), so checkout shows both cases."""
    bank_name, bank_bin = DEMO_BANKS[stable_int("bank", producer.slug) % len(DEMO_BANKS)]
    PayeeAccount.objects.create(
        producer=producer,
        bank_name=bank_name,
        bank_bin=bank_bin,
        account_number=f"{stable_int('account', producer.slug) % 10**13:013d}",
        # Banks print the holder's name in capitals without diacritics.
        account_name=fold(producer.name).upper(),
    )


# --- delivery fees ----------------------------------------------------------------------

# What Hanoi craft producers typically charge (VND): a courier within their own district, a
# courier to the inner-city districts, a parcel service anywhere else; free from a
# part of 1.000.000 ₫.
DELIVERY_OWN_DISTRICT = 30_000
DELIVERY_INNER_HANOI = 45_000
DELIVERY_ELSEWHERE = 60_000
DELIVERY_FREE_ABOVE = 1_000_000
DELIVERY_DAYS = [(1, 3), (2, 4), (2, 4), (3, 5)]


@transaction.atomic
def load_delivery(producers):
    """Delivery fees and times for the demo producers that have none yet. One in five sets
    no fee (agreed by phone), so the checkout shows that case too. Returns the rules made."""
    has_terms = set(DeliveryTerms.objects.filter(producer__in=producers.values()).values_list("producer", flat=True))
    has_rules = set(DeliveryRule.objects.filter(producer__in=producers.values()).values_list("producer", flat=True))
    inner = list(District.objects.filter(kind=District.Kind.URBAN))
    rules, terms = [], []
    for slug, producer in producers.items():
        if producer.pk in has_terms or producer.pk in has_rules:
            continue
        days_min, days_max = DELIVERY_DAYS[stable_int("delivery days", slug) % len(DELIVERY_DAYS)]
        terms.append(DeliveryTerms(producer=producer, days_min=days_min, days_max=days_max))
        if stable_int("delivery fee", slug) % 5 == 0:
            continue
        rules.append(DeliveryRule(producer=producer, fee=DELIVERY_ELSEWHERE, free_above=DELIVERY_FREE_ABOVE))
        rules.append(
            DeliveryRule(
                producer=producer, district=producer.district, fee=DELIVERY_OWN_DISTRICT, free_above=DELIVERY_FREE_ABOVE
            )
        )
        rules.extend(
            DeliveryRule(producer=producer, district=district, fee=DELIVERY_INNER_HANOI, free_above=DELIVERY_FREE_ABOVE)
            for district in inner
            if district.pk != producer.district_id
        )
    DeliveryTerms.objects.bulk_create(terms)
    return DeliveryRule.objects.bulk_create(rules)


# --- products ---------------------------------------------------------------------------
def product_plan(producers):
    """(producer, craft slug or None, template) for every demo product."""
    plan = []
    for slug, producer in producers.items():
        if slug in demo_data.PRODUCER_GOODS:
            for template in demo_data.PRODUCER_GOODS[slug]:
                plan.append((producer, None, template))
            continue
        craft_slugs = (
            demo_data.PRODUCER_CRAFTS.get(slug) or [c for c in demo_data.VILLAGES_BY_SLUG[producer.village.slug][4]][:1]
        )
        for craft_slug in craft_slugs:
            for template in demo_data.PRODUCT_TEMPLATES[craft_slug]:
                plan.append((producer, craft_slug, template))
    return plan


def describe_product(producer, template, slug):
    """(Vietnamese, English) description: what the product is, then who made it where."""
    name_vi = template[0]
    what_vi, what_en = demo_data.PRODUCT_DESCRIPTIONS[name_vi]
    maker_vi, maker_en = demo_data.MAKER_LINES[stable_int("maker", slug) % len(demo_data.MAKER_LINES)]
    village = producer.village
    place_vi = f"làng {village.name}, {producer.district.name}" if village else f"{producer.district.name}, Hà Nội"
    place_en = f"{village.name} village, {producer.district.name}" if village else f"{producer.district.name}, Hanoi"
    return (
        f"{what_vi} {maker_vi.format(producer=producer.name, place_vi=place_vi)}",
        f"{what_en} {maker_en.format(producer=producer.name, place_en=place_en)}",
    )


# The day the district level of government ended (../shared/domain.md, "Hanoi").
DISTRICTS_ABOLISHED = datetime.date(2025, 7, 1)


DISTRICT_WORD = {"urban": "quận", "rural": "huyện", "town": "thị xã"}
# The bodies that certify above a district (a district's own name is its People's Committee).
ISSUERS = {
    CertificateLevel.NATIONAL: "Bộ Nông nghiệp và Môi trường",
    CertificateLevel.PROVINCE: "UBND thành phố Hà Nội",
}


def decision_round(today, days_ago):
    """The date of the quarterly decision round `days_ago` falls in (a Tuesday or so)."""
    return today - datetime.timedelta(days=days_ago // 91 * 91 + 12)


def decision_number(level, issuer, decision_date):
    """One number per body and round: "1032/QĐ-UBND" (the ministry's: "/QĐ-BNNMT")."""
    suffix = "QĐ-BNNMT" if level == CertificateLevel.NATIONAL else "QĐ-UBND"
    return f"{100 + stable_int('decision', issuer, decision_date) % 9000}/{suffix}"


def product_defaults(producer, craft, template, slug, today):
    """The fields of a new demo product, all drawn from its slug: its stars and certificate
    (in every state: valid, expiring within 90 days, expired, withdrawn), price and stock."""
    name_vi, name_en, unit_vi, unit_en, product_set, base_price, _kind = template
    roll = stable_int("stars", slug) % 100
    stars = 5 if roll < 6 or name_vi in demo_data.FIVE_STAR.get(producer.slug, ()) else 4 if roll < 58 else 3
    potential = stars == 4 and roll % 9 == 0
    # Decisions come in rounds, as the city and the districts hold them: one decision every
    # quarter lists many products. Spread over the last four years, some certificates have
    # expired, some expire within 90 days, most are valid.
    decision_date = decision_round(today, stable_int("date", slug) % 1180)
    level = (
        CertificateLevel.NATIONAL
        if stars == 5
        # Until 1 July 2025 a district certified its 3-star products; since then the city does.
        else CertificateLevel.DISTRICT
        if stars == 3 and roll % 2 and decision_date < DISTRICTS_ABOLISHED
        else CertificateLevel.PROVINCE
    )
    issuer = ISSUERS.get(level) or f"UBND {DISTRICT_WORD[producer.district.kind]} {producer.district.name}"
    flags = stable_int("flags", slug)
    withdrawn = flags % 60 == 7
    price = base_price + (stable_int("price", slug) % 5) * base_price // 10
    price = price // 1000 * 1000
    description_vi, description_en = describe_product(producer, template, slug)
    return {
        "producer": producer,
        "craft": craft,
        "name_vi": name_vi,
        "name_en": name_en,
        "description_vi": description_vi,
        # Every fifth product has no English text, to show the fallback.
        "description_en": "" if flags % 5 == 4 else description_en,
        "unit_vi": unit_vi,
        "unit_en": unit_en,
        "group": GROUP_OF_SET[product_set],
        "product_set": product_set,
        "stars": stars,
        "potential_five_star": potential,
        "certificate_number": decision_number(level, issuer, decision_date),
        "certificate_issuer_vi": issuer,
        "certificate_level": level,
        "certificate_date": decision_date,
        "certificate_valid_until": None,
        "certificate_withdrawn": withdrawn,
        "certificate_withdrawn_reason_vi": "Không duy trì tiêu chí sau đánh giá lại (minh hoạ)" if withdrawn else "",
        "certificate_withdrawn_reason_en": "Criteria no longer met after re-assessment (illustrative)"
        if withdrawn
        else "",
        "price": price,
        "stock_quantity": 0 if flags % 17 == 3 else 5 + stable_int("stock", slug) % 80,
        "gtin": demo_gtin(DEMO_GTIN_SERIES, stable_int("gtin", slug)) if flags % 3 == 0 else None,
        "trace_code": demo_trace_code(slug),
        "is_published": flags % 41 != 40,
    }


def add_certificate_history(product, slug, today):
    """Give the demo its histories: about a third of the products whose first certificate is
    over two and a half years old were re-assessed in a later round (most keep their stars,
    some gain one), and a withdrawal gets a date within the certificate's life."""
    first = product.certifications.get()
    if first.withdrawn:
        days = (min(today, first.valid_until) - first.valid_from).days
        first.withdrawn_on = first.valid_from + datetime.timedelta(
            days=days // 3 + stable_int("withdrawn", slug) % max(days // 2, 1)
        )
        first.save()
        return
    age = (today - first.valid_from).days
    if age < 920 or stable_int("reassessed", slug) % 3:
        return
    stars = min(product.stars + (1 if stable_int("upgrade", slug) % 4 == 0 and product.stars == 3 else 0), 4)
    decision_date = decision_round(today, stable_int("reassessed-date", slug) % 200)
    issuer = "UBND thành phố Hà Nội"
    product.stars = stars
    product.potential_five_star = product.potential_five_star and stars == 4
    product.certificate_number = decision_number(CertificateLevel.PROVINCE, issuer, decision_date)
    product.certificate_issuer_vi = issuer
    product.certificate_issuer_en = ""
    product.certificate_level = CertificateLevel.PROVINCE
    product.certificate_date = decision_date
    product.certificate_valid_until = None
    product.save()  # records the re-assessment in the history (Product.record_certificate)


@transaction.atomic
def load_products(producers):
    """The demo products in plan order, each with `demo_kind` (its picture and steps)."""
    crafts = crafts_by_slug()
    today = datetime.date.today()
    products = []
    for producer, craft_slug, template in product_plan(producers):
        name_vi, *_, kind = template
        slug = f"{producer.slug}-{stable_int(name_vi) % 10000:04d}"
        product, created = Product.objects.get_or_create(
            slug=slug, defaults=product_defaults(producer, crafts.get(craft_slug), template, slug, today)
        )
        if created:
            add_certificate_history(product, slug, today)
        # From the plan, not the name: an officer may have renamed an existing product.
        product.demo_kind = kind
        products.append(product)
    return products


@transaction.atomic
def load_lots(products):
    """One or two lots per product (a tour has none), each new lot with its craft's steps."""
    for product in products:
        if product.group == "tourism":
            continue
        craft_slug = product.craft.slug if product.craft else None
        (materials_vi, materials_en), steps = demo_data.process_for(craft_slug, product.demo_kind, product.group)
        for lot_index in range(1 + stable_int("lots", product.slug) % 2):
            produced_on = product.certificate_date + datetime.timedelta(days=30 + 97 * lot_index)
            perishable = product.group in ("food", "beverages", "herbs")
            lot, created = Lot.objects.get_or_create(
                product=product,
                code=f"L{produced_on:%y%m}-{lot_index + 1:02d}",
                defaults={
                    "produced_on": produced_on,
                    "best_before": produced_on + datetime.timedelta(days=365) if perishable else None,
                    "quantity": 20 + stable_int("qty", product.slug, lot_index) % 200,
                    "materials_vi": f"{materials_vi}.",
                    "materials_en": f"{materials_en}.",
                },
            )
            if not created:
                continue  # its steps are the officer's now, deleted ones included
            for position, (step_vi, step_en) in enumerate(steps):
                ProductionStep.objects.get_or_create(
                    lot=lot,
                    position=position,
                    defaults={
                        "name_vi": step_vi,
                        "name_en": step_en,
                        "done_on": produced_on - datetime.timedelta(days=(len(steps) - position) * 3),
                    },
                )


# --- scans ------------------------------------------------------------------------------

SCAN_DAYS = 60
# Scans a day of a product of the producer with the demo login, and of any other (at most).
BUSY_DAILY_SCANS, OTHER_DAILY_SCANS = 12, 3


def load_scans(products):
    """Two months of anonymous QR scans of the demo products, when they have none: the
    producer area's and the statistics' counts are not empty on a demo. Visitors scan in the
    daytime, one in four in English, most with a camera (a few follow a link). One
    withdrawn product keeps being scanned (at the threshold, yesterday), as a label left on
    a shelf would be, so the officers' dashboard shows its alert (traceability/alerts.py).
    Written in one bulk insert; returns the number of scans made."""
    if Scan.objects.filter(product__in=products).exists():
        return 0
    today = timezone.localdate()
    lots = {}
    for lot in Lot.objects.filter(product__in=products).order_by("produced_on"):
        lots[lot.product_id] = lot  # the newest lot: what is on the shelves
    withdrawn = Product.objects.filter(pk__in=[p.pk for p in products]).certificate_withdrawn().order_by("slug").first()
    scans = []
    for product in products:
        if not product.is_published and product != withdrawn:
            continue
        busiest = BUSY_DAILY_SCANS if product.producer.slug == DEMO_PRODUCER_LOGIN[3] else OTHER_DAILY_SCANS
        for day in range(1, SCAN_DAYS + 1):
            count = stable_int("scans", product.slug, day) % (busiest + 1)
            if product == withdrawn and day == 1:
                count = 5  # LAPSED_CERTIFICATE_MIN_SCANS: yesterday's alert
            for index in range(count):
                seed = stable_int("scan", product.slug, day, index)
                scans.append(
                    Scan(
                        product=product,
                        lot=lots.get(product.pk),
                        # Between 8:00 and 18:59, Hanoi time, `day` days ago.
                        scanned_at=timezone.make_aware(
                            datetime.datetime.combine(
                                today - datetime.timedelta(days=day), datetime.time(8 + seed % 11, seed % 60)
                            )
                        ),
                        language="en" if seed % 4 == 0 else "vi",
                        source=Scan.Source.LINK if seed % 7 == 0 else Scan.Source.QR,
                    )
                )
    Scan.objects.bulk_create(scans, batch_size=2000)
    return len(scans)


# --- showrooms --------------------------------------------------------------------------
@transaction.atomic
def load_showrooms(villages, products):
    """The demo showrooms; a new one stocks its district's published products and a few others."""
    districts = districts_by_slug()
    published = [p for p in products if p.is_published]
    communes = communes_by_name()
    for slug, name, kind, district, village_slug, address, hours_vi, hours_en, lat, lon in demo_data.SHOWROOMS:
        showroom, created = Showroom.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "kind": kind,
                "district": districts[district],
                "village": villages.get(village_slug),
                "commune": villages[village_slug].commune
                if village_slug
                else communes[demo_data.SHOWROOM_COMMUNES[slug]],
                "address": address,
                "opening_hours_vi": hours_vi,
                "opening_hours_en": hours_en,
                "opening_hours_osm": osm_from_text(hours_vi),
                "phone": f"024 3{stable_int(slug) % 1000:03d} {stable_int('p', slug) % 10000:04d}",
                "latitude": lat,
                "longitude": lon,
                "description_vi": f"{name}: trưng bày và bán sản phẩm OCOP (dữ liệu minh hoạ).",
                "description_en": "Displays and sells OCOP products (demo data).",
                "is_active": True,
                "is_demo": True,
            },
        )
        if not created:
            continue  # what an existing showroom stocks is its officer's business
        local = [p for p in published if p.producer.district_id == showroom.district_id]
        others = [p for p in published if stable_int(slug, p.slug) % 11 == 0]
        for product in local + others:
            ShowroomStock.objects.get_or_create(showroom=showroom, product=product)


# --- visit routes and events ----------------------------------------------------------------
@transaction.atomic
def load_routes(villages):
    """The demo visit routes, each with its stops when it is new."""
    districts = districts_by_slug()
    showrooms = {showroom.slug: showroom for showroom in Showroom.objects.all()}
    routes = []
    for slug, district, title_vi, title_en, summary_vi, summary_en, stops in demo_data.ROUTES:
        route, created = Route.objects.get_or_create(
            slug=slug,
            defaults={
                "district": districts[district],
                "title_vi": title_vi,
                "title_en": title_en,
                "summary_vi": summary_vi,
                "summary_en": summary_en,
                "is_demo": True,
            },
        )
        routes.append(route)
        if not created:
            continue
        for position, stop in enumerate(stops, start=1):
            row = RouteStop(route=route, position=position, note_vi=stop[-2], note_en=stop[-1])
            if stop[0] == "village":
                row.village = villages[stop[1]]
            elif stop[0] == "showroom":
                row.showroom = showrooms[stop[1]]
            else:
                row.place_name, row.place_opening_hours = stop[1], stop[4]
                row.latitude, row.longitude = Decimal(str(stop[2])), Decimal(str(stop[3]))
            row.full_clean()
            row.save()
    return routes


@transaction.atomic
def load_events(villages, producers):
    """The demo events, dated from the day they are first loaded: some upcoming, some past."""
    districts = districts_by_slug()
    showrooms = {showroom.slug: showroom for showroom in Showroom.objects.all()}
    today = timezone.localdate()
    events = []
    for row in demo_data.EVENTS:
        slug, kind, district, title_vi, title_en, text_vi, text_en, days, hour, minute, hours, place, taking_part = row
        starts_at = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour, minute))
        )
        where, value = place
        event, created = Event.objects.get_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "district": districts[district],
                "title_vi": title_vi,
                "title_en": title_en,
                "description_vi": text_vi,
                "description_en": text_en,
                "starts_at": starts_at,
                "ends_at": starts_at + datetime.timedelta(hours=hours),
                "showroom": showrooms[value] if where == "showroom" else None,
                "village": villages[value] if where == "village" else None,
                "address": value if where == "address" else "",
                "livestream_url": value if where == "livestream" else "",
                "is_demo": True,
            },
        )
        events.append(event)
        if created:
            event.full_clean()
            chosen = [producers[p] for p in taking_part]
            event.producers.set(chosen)
            # Each producer shows its two best products on sale.
            event.products.set(
                [
                    product
                    for producer in chosen
                    for product in Product.objects.on_sale().filter(producer=producer).order_by("-stars", "pk")[:2]
                ]
            )
    return events


# --- pictures and logins ----------------------------------------------------------------
def load_images(products):
    """Drawn pictures for the products that have none (every third gets a second photo).

    A product's photos are saved in one transaction, so it never keeps one of two (the next
    run skips a product with photos); they are drawn before it, so drawing (the slow part)
    never holds the database's write lock."""
    for number, product in enumerate(products):
        if product.images.exists():
            continue
        drawn = [
            draw_product_image(product, product.demo_kind, variant) for variant in range(2 if number % 3 == 0 else 1)
        ]
        with transaction.atomic():
            for variant, jpeg in enumerate(drawn):
                picture = ProductImage(
                    product=product,
                    alt_text_vi=f"Ảnh {product.name_vi}",
                    alt_text_en=f"Photo of {product.name_en or product.name_vi}",
                    position=variant,
                )
                picture.image.save(f"{product.slug}-{variant + 1}.jpg", ContentFile(jpeg), save=True)


@transaction.atomic
def load_logins():
    """Create the demo logins that do not exist. An existing account is left exactly as
    it is: never a password reset, never its districts or rights changed."""
    User = get_user_model()

    def named(username):
        last_name, first_name = DEMO_PEOPLE[username]
        return {"first_name": first_name, "last_name": last_name}

    for username, password, _role, district_slugs in DEMO_LOGINS:
        if User.objects.filter(username=username).exists():
            continue
        if district_slugs:
            user = User.objects.create_user(username, password=password, **named(username))
            roles.grant(user, District.objects.filter(slug__in=district_slugs))
        else:
            User.objects.create_superuser(username, password=password, **named(username))
    username, password, _role, producer_slug = DEMO_PRODUCER_LOGIN
    producer = Producer.objects.filter(slug=producer_slug, is_demo=True).first()
    if producer is not None and not User.objects.filter(username=username).exists():
        user = User.objects.create_user(username, password=password, **named(username))
        ProducerAccount.objects.create(user=user, producer=producer)


def logins_still_demo():
    """(username, password, role) of the demo logins that still open with their published
    password: the ones worth printing."""
    rows = [row[:3] for row in DEMO_LOGINS] + [DEMO_PRODUCER_LOGIN[:3]]
    accounts = {user.username: user for user in get_user_model().objects.filter(username__in=[row[0] for row in rows])}
    return [
        (username, password, role)
        for username, password, role in rows
        if username in accounts and accounts[username].check_password(password)
    ]


def _in_sentence(communes, name, language):
    """A demo village's commune as a sentence says it ("xã Bát Tràng", "Bát Tràng commune")."""
    return communes[name].in_sentence(language) if name else ""
